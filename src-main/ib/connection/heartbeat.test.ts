import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import { createHeartbeat } from './heartbeat';

function setup() {
  const clock = createManualClock(0);
  let alive = true;
  const pings: number[] = [];
  const deaths: number[] = [];
  const hb = createHeartbeat({
    clock,
    timing: { heartbeatEveryMs: 5_000, silenceMs: 10_000 },
    alive: () => alive,
    ping: () => pings.push(clock.now()),
    dead: (silentMs) => deaths.push(silentMs),
  });
  return { clock, hb, pings, deaths, setAlive: (on: boolean) => (alive = on) };
}

describe('heartbeat', () => {
  it('pings every 5 s while TWS answers, and never declares it dead', async () => {
    const { clock, hb, pings, deaths } = setup();
    hb.start();
    for (let i = 0; i < 30; i++) {
      clock.advance(1_000);
      hb.received();
      await Promise.resolve(); // the read's messages are decoded: the next read stamps again
    }
    expect(pings).toEqual([5_000, 10_000, 15_000, 20_000, 25_000, 30_000]);
    expect(deaths).toEqual([]);
  });

  it('declares the connection dead after 10 s of silence, although pings go out', () => {
    const { clock, hb, pings, deaths } = setup();
    hb.start();
    clock.advance(9_000);
    expect(deaths).toEqual([]);
    clock.advance(1_000);
    expect(pings).toEqual([5_000]);
    expect(deaths).toEqual([10_000]);
  });

  it('stamps a socket read once, whatever the number of messages in it', async () => {
    const { clock, hb } = setup();
    hb.start();
    clock.advance(2_000);
    hb.received();
    clock.advance(500); // still the same read (no microtask ran): not stamped again
    hb.received();
    expect(hb.lastInbound()).toBe(2_000);
    await Promise.resolve();
    hb.received();
    expect(hb.lastInbound()).toBe(2_500);
    clock.advance(100);
    hb.touch();
    expect(hb.lastInbound()).toBe(2_600);
  });

  it('does nothing once the session ended, and stops with stop()', () => {
    const { clock, hb, pings, deaths, setAlive } = setup();
    hb.start();
    setAlive(false);
    clock.advance(20_000);
    expect(pings).toEqual([]);
    expect(deaths).toEqual([]);
    setAlive(true);
    hb.stop();
    clock.advance(20_000);
    expect(deaths).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
