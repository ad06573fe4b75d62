import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import { maxInWindow } from '../../../tests/support/wait';
import { createPacer, Priority, SendWindow } from './pacer';

describe('SendWindow', () => {
  it('tells when the next message fits', () => {
    const w = new SendWindow(3, 1000);
    w.record(0);
    w.record(100);
    w.record(200);
    expect(w.room(300)).toBe(0);
    expect(w.nextFree(300, 1)).toBe(1000);
    expect(w.nextFree(300, 2)).toBe(1100);
    expect(w.room(1000)).toBe(1);
    expect(w.countSince(1050, 1000)).toBe(2);
  });
});

/** Submits `n` subscriptions at once to an open pacer and lets `ms` pass: the times each one was sent. */
function storm(n: number, ms: number): number[] {
  const clock = createManualClock(0);
  const pacer = createPacer({ clock });
  const sent: number[] = [];
  pacer.open();
  for (let i = 0; i < n; i++)
    pacer.submit({ priority: Priority.subscribe, label: `s${i}`, run: () => sent.push(clock.now()) });
  clock.advance(ms);
  return sent;
}

describe('createPacer', () => {
  it('never sends more than 45 messages in any one-second window, whatever the storm', () => {
    const sent = storm(500, 20_000);
    expect(sent).toHaveLength(500);
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(45);
    // It still moves close to the limit: 500 messages in about 11.8 s (42.9/s steady), within N/45 + 1 s.
    expect(sent.at(-1)!).toBeLessThan((500 / 45 + 1) * 1000);
    // …and never at TWS's own 50/s.
    expect(sent.at(-1)!).toBeGreaterThan((500 / 50) * 1000);
  });

  it('spreads a storm evenly instead of sending 45 at once', () => {
    const sent = storm(200, 10_000);
    expect(sent).toHaveLength(200);
    // One message every 23 ms, bursts of 2 at most: never more than 7 in any 100 ms (not 45 at once).
    expect(maxInWindow(sent, 100)).toBeLessThanOrEqual(7);
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(45);
    // Even with the guard, a one-second window at TWS stays at 45 when its reads lag ours by up to 50 ms.
    expect(maxInWindow(sent, 1050)).toBeLessThanOrEqual(45);
  });

  it('widens its window for a second after a stall, so the message TWS reads late is not squeezed', () => {
    // The process (and TWS with it) stalls once, 3 s into a storm: the timer due then fires 150 ms late, and
    // TWS reads the message we sent just before the stall only when we wake.
    function storm(maxStallMs?: number): number[] {
      const base = createManualClock(0);
      let stalled = false;
      const clock = {
        ...base,
        setTimeout: (fn: () => void, ms: number) => {
          const late = !stalled && base.now() + ms >= 3000;
          if (late) stalled = true;
          return base.setTimeout(fn, ms + (late ? 150 : 0));
        },
      };
      // A small static guard, so what is tested is the widening.
      const pacer = createPacer({
        clock,
        guardMs: 20,
        ratePerSec: 44,
        ...(maxStallMs !== undefined ? { maxStallMs } : {}),
      });
      const sent: number[] = [];
      pacer.open();
      for (let i = 0; i < 300; i++)
        pacer.submit({ priority: Priority.subscribe, label: `s${i}`, run: () => sent.push(base.now()) });
      base.advance(20_000);
      expect(sent).toHaveLength(300);
      const wake = sent.find((t) => t >= 3000)!;
      expect(wake).toBeGreaterThanOrEqual(3150);
      const before = sent.filter((t) => t < wake).at(-1)!;
      return sent.map((t) => (t === before ? wake : t)).sort((x, y) => x - y);
    }
    expect(maxInWindow(storm(), 1000)).toBeLessThanOrEqual(45);
    // The same stall without the widening lets one too many through.
    expect(maxInWindow(storm(0), 1000)).toBeGreaterThan(45);
  });

  it('counts multi-message jobs and messages sent outside it', () => {
    const clock = createManualClock(0);
    const pacer = createPacer({ clock, limit: 5, windowMs: 1000, guardMs: 0, burst: 5 });
    const sent: string[] = [];
    pacer.note(2);
    pacer.open();
    pacer.submit({ priority: Priority.subscribe, label: 'a', cost: 3, run: () => sent.push('a') });
    pacer.submit({ priority: Priority.subscribe, label: 'b', run: () => sent.push('b') });
    expect(sent).toEqual(['a']);
    clock.advance(1000);
    expect(sent).toEqual(['a', 'b']);
  });

  it('lets orders and heartbeats jump the queue', () => {
    const clock = createManualClock(0);
    const pacer = createPacer({ clock, limit: 2, windowMs: 1000, guardMs: 0 });
    const sent: string[] = [];
    pacer.open();
    for (let i = 0; i < 5; i++)
      pacer.submit({ priority: Priority.replay, label: `r${i}`, run: () => sent.push(`r${i}`) });
    pacer.submit({ priority: Priority.order, label: 'order', run: () => sent.push('order') });
    pacer.submit({ priority: Priority.control, label: 'ping', run: () => sent.push('ping') });
    clock.advance(1000);
    expect(sent).toEqual(['r0', 'r1', 'ping', 'order']);
  });

  it("sends a released line's cancel after the new lines asked for since, before a replay, and after orders", () => {
    const clock = createManualClock(0);
    const pacer = createPacer({ clock, limit: 1, windowMs: 1000, guardMs: 0 });
    const sent: string[] = [];
    const job = (priority: Priority, label: string) =>
      pacer.submit({ priority, label, run: () => sent.push(label) });
    pacer.open();
    job(Priority.subscribe, 'busy');
    job(Priority.replay, 'replay');
    for (let i = 0; i < 3; i++) job(Priority.release, `cancel${i}`);
    job(Priority.subscribe, 'atm-call');
    job(Priority.subscribe, 'atm-put');
    job(Priority.order, 'order');
    clock.advance(10_000);
    expect(sent).toEqual(['busy', 'order', 'atm-call', 'atm-put', 'cancel0', 'cancel1', 'cancel2', 'replay']);
  });

  it('drops queued jobs on close: nothing is sent on a later connection', () => {
    const clock = createManualClock(0);
    const pacer = createPacer({ clock, limit: 1, windowMs: 1000, guardMs: 0 });
    const sent: string[] = [];
    const dropped: string[] = [];
    pacer.open();
    for (const l of ['a', 'b', 'c'])
      pacer.submit({
        priority: Priority.order,
        label: l,
        run: () => sent.push(l),
        dropped: () => dropped.push(l),
      });
    pacer.close('socket closed');
    pacer.open();
    clock.advance(5000);
    expect(sent).toEqual(['a']);
    expect(dropped).toEqual(['b', 'c']);
  });

  it('holds jobs while closed and reports its rate', () => {
    const clock = createManualClock(0);
    const pacer = createPacer({ clock });
    let n = 0;
    pacer.submit({ priority: Priority.request, label: 'x', run: () => n++ });
    expect(n).toBe(0);
    expect(pacer.queued()).toBe(1);
    pacer.open();
    expect(n).toBe(1);
    expect(pacer.rate()).toBe(1);
    clock.advance(1500);
    expect(pacer.rate()).toBe(0);
  });
});
