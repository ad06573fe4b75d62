// The depth service over a fake adapter: one request per instrument, the book from changes, coalesced
// publishing, an empty book on every (re)start, TWS's reset and refusals, resync of a book that stops fitting,
// and the stale state while the quote moves (with the hub's frames: tests/integration/depth-frames.test.ts).
import { describe, expect, it } from 'vitest';
import type { DepthBook } from '../../../src-shared/domain/depth';
import { silentLogger } from '../../../src-shared/logger';
import { createFakeTws } from '../../../tests/support/fake-tws';
import { createManualClock } from '../../../tests/support/manual-clock';
import { createDepth } from './index';
import { AAPL_SMART as AAPL, depthInsert as ins } from '../../../tests/support/domain-fixtures';

function setup(quoteAt: number | null = null) {
  const clock = createManualClock(1_800_000_000_000);
  const fake = createFakeTws(clock);
  const sent: { clientId: string; book: DepthBook }[] = [];
  let quoteUpdatedAt = quoteAt;
  const depth = createDepth({
    tws: fake.tws,
    clock,
    log: silentLogger,
    emitTo: (clientId, book) => sent.push({ clientId, book }),
    quoteUpdatedAt: () => quoteUpdatedAt,
    rows: 5,
    coalesceMs: 16,
    staleAfterMs: 4000,
  });
  const sink = () => fake.streams.find((s) => s.kind === 'depth' && !s.closed)!.depth!.sink;
  return { clock, fake, depth, sent, sink, setQuoteAt: (t: number) => (quoteUpdatedAt = t) };
}

describe('depth service', () => {
  it('asks TWS once per instrument, for SMART depth with the rows it keeps, and closes with the last holder', () => {
    const { fake, depth } = setup();
    depth.subscribe('w1', AAPL);
    depth.subscribe('w2', AAPL);
    depth.subscribe('w1', AAPL);
    const streams = fake.streams.filter((s) => s.kind === 'depth');
    expect(streams).toHaveLength(1);
    expect(streams[0]!.depth).toMatchObject({ rows: 5, smart: true });
    expect(depth.lines()).toBe(1);
    depth.unsubscribe('w1', AAPL.conId);
    depth.releaseClient('w2');
    expect(streams[0]!.closed).toBe(false);
    depth.unsubscribe('w1', AAPL.conId);
    expect(streams[0]!.closed).toBe(true);
    expect(depth.lines()).toBe(0);
    expect(() => depth.unsubscribe('w1', AAPL.conId)).toThrow(/holds no depth/);
  });

  it('publishes the book once per coalescing interval, best first on both sides', () => {
    const { clock, depth, sent, sink } = setup();
    depth.subscribe('w1', AAPL);
    sink().starting(false);
    sent.length = 0;
    sink().change(ins('bid', 0, 150.0));
    sink().change(ins('bid', 0, 150.01));
    sink().change(ins('ask', 0, 150.03));
    sink().change({ ...ins('ask', 0, 150.02, 300), operation: 'update' });
    expect(sent).toHaveLength(0);
    clock.advance(16);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.book).toMatchObject({
      state: 'live',
      bids: [{ price: 150.01 }, { price: 150.0 }],
      asks: [{ price: 150.02, size: 300 }],
      updatedAt: clock.now() - 16,
    });
  });

  it('empties the book at every (re)start and on TWS reset, so old and new rows never mix', () => {
    const { clock, depth, sent, sink } = setup();
    depth.subscribe('w1', AAPL);
    sink().change(ins('bid', 0, 150));
    clock.advance(16);
    sent.length = 0;
    sink().starting(true);
    expect(sent.at(-1)!.book).toMatchObject({ state: 'pending', bids: [], asks: [] });
    sink().change(ins('bid', 0, 151));
    clock.advance(16);
    expect(sent.at(-1)!.book.bids).toEqual([{ price: 151, size: 100, maker: 'ARCA' }]);
    expect(sink().error(317, 'Market depth data has been RESET.')).toBe('keep');
    expect(sent.at(-1)!.book).toMatchObject({ state: 'pending', bids: [] });
  });

  it('stops on TWS refusal (309) with the reason, and keeps going on a notice', () => {
    const { depth, sent, sink } = setup();
    depth.subscribe('w1', AAPL);
    expect(sink().error(2152, 'Exchanges - Depth: IEX')).toBe('keep');
    expect(sink().error(309, 'Max number (3) of market depth requests has been reached')).toBe('end');
    expect(sent.at(-1)!.book.state).toBe('error');
    expect(sent.at(-1)!.book.note).toMatch(/Max number \(3\).*TWS 309/);
    expect(depth.lines()).toBe(0);
  });

  it('re-requests a book whose changes stop fitting, at most once per 5 s, and keeps its rows meanwhile', () => {
    const { clock, fake, depth, sent, sink } = setup();
    depth.subscribe('w1', AAPL);
    sink().change(ins('bid', 0, 150));
    sink().change({ ...ins('bid', 4, 149), operation: 'delete' });
    sink().change({ ...ins('bid', 4, 149), operation: 'delete' });
    const stream = fake.streams.find((s) => s.kind === 'depth')!;
    expect(stream.restarts).toBe(1);
    clock.advance(16);
    expect(sent.at(-1)!.book.bids).toHaveLength(1);
    clock.advance(5000);
    sink().change({ ...ins('bid', 4, 149), operation: 'delete' });
    expect(stream.restarts).toBe(2);
  });

  it('shows a still book stale only while the quote still moves', () => {
    const { clock, depth, sent, sink, setQuoteAt } = setup(null);
    depth.subscribe('w1', AAPL);
    sink().change(ins('bid', 0, 150));
    const changedAt = clock.now();
    setQuoteAt(changedAt - 1);
    clock.advance(6000);
    expect(sent.at(-1)!.book.state).toBe('live');
    setQuoteAt(changedAt + 5000);
    clock.advance(1000);
    expect(sent.at(-1)!.book).toMatchObject({
      state: 'stale',
      note: expect.stringMatching(/No depth update/),
    });
    sink().change(ins('bid', 0, 150.01));
    clock.advance(16);
    expect(sent.at(-1)!.book.state).toBe('live');
  });
});
