// The depth service with the hub's frames, as the app runs it (issue #14): a change marks the book dirty and the
// hub reads it when its next frame goes out, so a change leaves main within one frame (not after the service's own
// coalescing and then a frame); the bench stamps ride with the first book that includes their changes, and a client
// over its high-water mark is skipped until it reads again. Fake adapter, real hub, manual clock.
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../src-shared/contract';
import { silentLogger } from '../../src-shared/logger';
import { createHub } from '../../src-main/hub/hub';
import { createDepth } from '../../src-main/services/depth/index';
import { createFakeTws } from '../support/fake-tws';
import { createManualClock } from '../support/manual-clock';
import { AAPL_SMART as AAPL, depthInsert as ins } from '../support/domain-fixtures';

describe('depth books with the hub’s frames', () => {
  const FRAME = 17;

  function withHub(backlog = () => 0) {
    const clock = createManualClock(1_800_000_000_000);
    const fake = createFakeTws(clock);
    const hub = createHub({ clock, log: silentLogger, frameMs: FRAME, highWaterBytes: 1000 });
    const sent: { at: number; events: EventEnvelope[] }[] = [];
    hub.attach({
      id: 'w1',
      send: (events) => sent.push({ at: clock.now(), events }),
      backlog,
      close: () => undefined,
    });
    const depth = createDepth({
      tws: fake.tws,
      clock,
      log: silentLogger,
      emitTo: (clientId, book) => hub.emitTo(clientId, 'depth', book),
      frames: (collect) => hub.frameSource(collect),
      probe: true,
      rows: 5,
    });
    const sink = () => fake.streams.find((s) => s.kind === 'depth' && !s.closed)!.depth!.sink;
    const books = () =>
      sent.flatMap((m) =>
        m.events.flatMap((e) => (e.event === 'depth' ? [{ at: m.at, book: e.payload }] : [])),
      );
    return { clock, hub, depth, sent, sink, books };
  }

  it('sends a change with the hub’s next frame: within one frame of it, not two', () => {
    const { clock, depth, sink, books, sent } = withHub();
    depth.subscribe('w1', AAPL);
    sink().starting(false);
    clock.advance(0);
    const frameAt = sent.at(-1)!.at;
    expect(books().at(-1)!.book).toMatchObject({ state: 'pending', bids: [] });
    // 5 ms into the frame: out when the next one goes, 17 ms after the last (the service's own 16 ms first: 21).
    clock.advance(5);
    sink().change(ins('bid', 0, 150));
    sink().change(ins('ask', 0, 150.02));
    clock.advance(FRAME - 5);
    expect(books()).toHaveLength(2);
    expect(books().at(-1)).toMatchObject({
      at: frameAt + FRAME,
      book: { state: 'live', bids: [{ price: 150 }], asks: [{ price: 150.02 }] },
    });
  });

  it('sends a change after a quiet spell at once, as the hub does quotes', () => {
    const { clock, depth, sink, books } = withHub();
    depth.subscribe('w1', AAPL);
    sink().starting(false);
    clock.advance(500);
    const before = books().length;
    const changedAt = clock.now();
    sink().change(ins('bid', 0, 150));
    clock.advance(0);
    expect(books()).toHaveLength(before + 1);
    expect(books().at(-1)!.at).toBe(changedAt);
  });

  it('carries each bench stamp once, in the first book that includes its changes', () => {
    const { clock, depth, sink, books } = withHub();
    depth.subscribe('w1', AAPL);
    sink().starting(false);
    clock.advance(100);
    sink().change(ins('bid', 0, 150));
    sink().probe!(1, 1000);
    sink().change(ins('bid', 0, 150.01));
    sink().probe!(2, 1010);
    clock.advance(0);
    sink().probe!(3, 1020); // after the book went out, with no change since: nothing of it to paint
    clock.advance(FRAME);
    sink().change(ins('ask', 0, 150.03));
    sink().probe!(4, 1030);
    clock.advance(FRAME);
    const stamped = books().filter((b) => b.book.probe);
    expect(stamped.map((b) => b.book.probe!.map((p) => p.tickId))).toEqual([[1, 2], [4]]);
  });

  it('skips a client over its high-water mark and sends it the book when it reads again', () => {
    let backlog = 0;
    const { clock, depth, sink, books } = withHub(() => backlog);
    depth.subscribe('w1', AAPL);
    sink().starting(false);
    clock.advance(100);
    backlog = 10_000;
    const count = books().length;
    sink().change(ins('bid', 0, 150));
    clock.advance(FRAME * 3);
    expect(books()).toHaveLength(count);
    backlog = 0;
    clock.advance(FRAME);
    expect(books().at(-1)!.book.bids).toEqual([{ price: 150, size: 100, maker: 'ARCA' }]);
  });
});
