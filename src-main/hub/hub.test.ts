import { describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '../../src-shared/contract';
import { emptyQuote } from '../../src-shared/domain/quote';
import type { Clock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { createHub, type HubTransport } from './hub';

function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let seq = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++seq;
      timers.push({ at: now + ms, fn, id });
      return id as never;
    },
    clearTimeout: (t) => {
      timers = timers.filter((x) => x.id !== (t as unknown as number));
    },
    setInterval: () => 0 as never,
    clearInterval: () => undefined,
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.fn());
  };
  return { clock, advance };
}

function transport(id: string, backlog = () => 0) {
  const frames: EventEnvelope[][] = [];
  const t: HubTransport & { frames: EventEnvelope[][]; closed: string | null } = {
    id,
    frames,
    closed: null,
    send: (e) => frames.push(e),
    backlog,
    close(reason) {
      t.closed = reason;
    },
  };
  return t;
}

const notice = { level: 'info' as const, title: 't', message: 'm' };

describe('hub', () => {
  it('sends the first frame after a quiet spell at once, then never more often than once a frame', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, frameMs: 17 });
    const a = transport('a');
    hub.attach(a);
    hub.quotes([{ ...emptyQuote(1), last: 1 }], ['a']);
    hub.quotes([{ ...emptyQuote(2), last: 2 }], ['a']);
    expect(a.frames).toHaveLength(0); // not inside the caller's task
    advance(0);
    expect(a.frames).toHaveLength(1); // both, in one message, without waiting a frame
    advance(5);
    hub.quotes([{ ...emptyQuote(1), last: 3 }], ['a']);
    advance(11); // 16 ms after the last message
    expect(a.frames).toHaveLength(1);
    advance(1); // 17 ms
    expect(a.frames).toHaveLength(2);
    advance(100); // quiet again: the next one goes at once
    hub.quotes([{ ...emptyQuote(1), last: 4 }], ['a']);
    advance(0);
    expect(a.frames).toHaveLength(3);
  });

  it('sends one message per frame, however many events', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, frameMs: 16 });
    const a = transport('a');
    hub.attach(a);
    for (let i = 0; i < 100; i++) hub.broadcast('notice', notice);
    expect(a.frames).toHaveLength(0);
    advance(16);
    expect(a.frames).toHaveLength(1);
    expect(a.frames[0]).toHaveLength(100);
  });

  it('coalesces quotes to the latest per instrument, only for interested clients', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger });
    const a = transport('a');
    const b = transport('b');
    hub.attach(a);
    hub.attach(b);
    for (let i = 0; i < 50; i++) {
      hub.quotes(
        [
          { ...emptyQuote(1, 'live'), last: i },
          { ...emptyQuote(2, 'live'), last: 100 + i },
        ],
        ['a'],
      );
    }
    advance(17);
    expect(b.frames).toHaveLength(0);
    expect(a.frames).toHaveLength(1);
    const q = a.frames[0]![0]!;
    expect(q.event).toBe('quotes');
    if (q.event !== 'quotes') return;
    expect(q.payload.quotes.map((x) => [x.conId, x.last])).toEqual([
      [1, 49],
      [2, 149],
    ]);
  });

  it('caps the quotes of one message and sends the rest next frame, longest-waiting first', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, maxQuotesPerFrame: 200 });
    const t = transport('w1');
    hub.attach(t);
    const q = (conId: number, last: number) => ({ ...emptyQuote(conId, 'live'), last });
    hub.quotes(
      Array.from({ length: 500 }, (_, i) => q(i + 1, 1)),
      ['w1'],
    );
    advance(17);
    expect(t.frames).toHaveLength(1);
    // A quote still waiting is updated in place and keeps its turn; one already sent queues again at the end.
    hub.quotes([q(450, 2), q(1, 3)], ['w1']);
    advance(16);
    expect(t.frames).toHaveLength(1); // never two messages within one frame
    advance(1);
    advance(17);
    const sizes = t.frames.map((f) => (f[0]!.payload as { quotes: unknown[] }).quotes.length);
    expect(sizes).toEqual([200, 200, 101]);
    const all = t.frames.flatMap(
      (f) => (f[0]!.payload as { quotes: { conId: number; last: number }[] }).quotes,
    );
    expect(all.slice(0, 200).map((x) => x.conId)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(all.find((x) => x.conId === 450)!.last).toBe(2);
    expect(all.at(-1)).toMatchObject({ conId: 1, last: 3 });
    expect(new Set(all.slice(200).map((x) => x.conId)).size).toBe(301);
  });

  it('puts the instruments a window shows first in a capped message, and the others keep their turns', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, maxQuotesPerFrame: 4 });
    const t = transport('w1');
    hub.attach(t);
    const q = (conId: number, last: number) => ({ ...emptyQuote(conId, 'live'), last });
    const conIds = (i: number) =>
      (t.frames[i]![0]!.payload as { quotes: { conId: number }[] }).quotes.map((x) => x.conId);
    hub.focus('w1', [9, 8, 42]);
    hub.focus('nobody', [1]);
    // Every instrument changes every frame, as in a replay at 60x: more than one message carries.
    const tick = (n: number) =>
      hub.quotes(
        Array.from({ length: 10 }, (_, i) => q(i + 1, n)),
        ['w1'],
      );
    tick(1);
    advance(17);
    tick(2);
    advance(17);
    tick(3);
    advance(17);
    expect(conIds(0)).toEqual([9, 8, 1, 2]);
    expect(conIds(1)).toEqual([9, 8, 3, 4]);
    expect(conIds(2)).toEqual([9, 8, 5, 6]);
    const nine = (t.frames[2]![0]!.payload as { quotes: { conId: number; last: number }[] }).quotes[0]!;
    expect(nine.last).toBe(3);
    // A new focus replaces the old one; an empty one leaves the plain longest-waiting order.
    hub.focus('w1', [2]);
    tick(4);
    advance(17);
    expect(conIds(3)).toEqual([2, 7, 10, 1]);
    hub.focus('w1', []);
    advance(17);
    expect(conIds(4)).toEqual([3, 4, 5, 6]);
  });

  it('sends a bench stamp in the message that carries its instrument’s quote, once, and only then', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, maxQuotesPerFrame: 2 });
    const t = transport('w1');
    const other = transport('w2');
    hub.attach(t);
    hub.attach(other);
    const q = (conId: number) => ({ ...emptyQuote(conId, 'live'), last: conId });
    const stamp = (conId: number, tickId: number) => ({ conId, tickId, tickAt: 1000 + tickId });
    hub.quotes([q(1), q(2), q(3)], ['w1']);
    hub.probe([stamp(3, 7), stamp(1, 6)], ['w1']);
    // Without its quote waiting for that window, a stamp is not kept (it would label a later quote).
    hub.probe([stamp(4, 8)], ['w1', 'w2']);
    advance(17);
    advance(17);
    advance(17);
    const payloads = t.frames.map((f) => f[0]!.payload as { quotes: { conId: number }[]; probe?: unknown[] });
    expect(payloads.map((p) => p.quotes.map((x) => x.conId))).toEqual([[1, 2], [3]]);
    expect(payloads.map((p) => p.probe)).toEqual([[stamp(1, 6)], [stamp(3, 7)]]);
    expect(other.frames).toHaveLength(0);
    hub.quotes([q(1)], ['w1']);
    advance(17);
    expect(t.frames.at(-1)![0]!.payload).toEqual({ quotes: [q(1)] });
  });

  it('keeps only the latest gauges', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger });
    const a = transport('a');
    hub.attach(a);
    for (let i = 0; i < 5; i++) {
      hub.broadcast('gauges', {
        lines: { used: i, budget: 100 },
        scannerSlots: { used: 0, max: 10 },
        history: { open: 0, queued: 0, etaMs: null },
        messagesPerSec: 0,
      });
    }
    advance(17);
    expect(a.frames[0]).toHaveLength(1);
  });

  it('holds a blocked client back, then drops it after it stays blocked', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, highWaterBytes: 1000, maxBlockedMs: 1000 });
    let backlog = 5000;
    const slow = transport('slow', () => backlog);
    const closed = vi.fn();
    hub.onClientClosed(closed);
    hub.attach(slow);
    hub.broadcast('notice', notice);
    advance(17);
    expect(slow.frames).toHaveLength(0);
    backlog = 0;
    advance(17);
    expect(slow.frames).toHaveLength(1);
    backlog = 5000;
    hub.broadcast('notice', notice);
    for (let i = 0; i < 100; i++) advance(17);
    expect(slow.closed).toMatch(/stopped reading/);
    expect(closed).toHaveBeenCalledWith('slow');
    expect(hub.clientIds()).toEqual([]);
  });

  it('drops a client whose queue grows past the bound', () => {
    const { clock } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, maxQueuedEvents: 10 });
    const a = transport('a', () => 1e12);
    hub.attach(a);
    for (let i = 0; i < 11; i++) hub.broadcast('notice', notice);
    expect(a.closed).toMatch(/did not read/);
  });
  it('collects a frame source when the frame goes out, and sends what it emits in that frame', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, frameMs: 17 });
    const a = transport('a');
    hub.attach(a);
    let value = 0;
    let collected = 0;
    const source = hub.frameSource(() => {
      collected++;
      hub.emitTo('a', 'notice', { ...notice, message: `v${value}` });
    });
    hub.quotes([{ ...emptyQuote(1), last: 1 }], ['a']);
    advance(0);
    expect(a.frames).toHaveLength(1);
    // Changes 5 ms into a frame: collected once, when the next frame goes out 17 ms after the last one.
    advance(5);
    value = 1;
    source.ready();
    value = 2;
    source.ready();
    advance(11);
    expect(collected).toBe(0);
    advance(1);
    expect(collected).toBe(1);
    expect(a.frames).toHaveLength(2);
    expect(a.frames[1]).toEqual([{ event: 'notice', payload: { ...notice, message: 'v2' } }]);
    // What it emitted went in that frame: no frame is asked for after it.
    advance(100);
    expect(a.frames).toHaveLength(2);
    expect(collected).toBe(1);
  });

  it('sends a source that changes after a quiet spell at once, and forgets a removed source', () => {
    const { clock, advance } = fakeClock();
    const hub = createHub({ clock, log: silentLogger, frameMs: 17 });
    const a = transport('a');
    hub.attach(a);
    const collect = vi.fn(() => hub.emitTo('a', 'notice', notice));
    const source = hub.frameSource(collect);
    source.ready();
    advance(0);
    expect(a.frames).toHaveLength(1);
    advance(50);
    source.ready();
    source.remove();
    advance(50);
    source.ready();
    advance(50);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(a.frames).toHaveLength(1);
  });

  it('keeps what a source emitted for a client over its high-water mark until it reads again', () => {
    const { clock, advance } = fakeClock();
    let backlog = 10_000;
    const hub = createHub({ clock, log: silentLogger, frameMs: 17, highWaterBytes: 1000 });
    const a = transport('a', () => backlog);
    hub.attach(a);
    const source = hub.frameSource(() => hub.emitTo('a', 'notice', notice));
    source.ready();
    advance(0);
    expect(a.frames).toHaveLength(0);
    backlog = 0;
    advance(17);
    expect(a.frames).toEqual([[{ event: 'notice', payload: notice }]]);
  });
});
