import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../tests/support/manual-clock';
import type { LogFields, Logger } from '../../src-shared/logger';
import { silentLogger } from '../../src-shared/logger';
import { BeatLoop, beatIntervalMs } from './beat';
import type { BeatPart } from './beat';

function part(name: string, calls: string[], work: { left: number }): BeatPart {
  return {
    hasWork: () => work.left > 0,
    beat: (now) => {
      calls.push(`${name}@${now}`);
      work.left--;
    },
  };
}

describe('BeatLoop', () => {
  it('beats every part in order at its interval, only after a wake', () => {
    const clock = createManualClock(0);
    const calls: string[] = [];
    const work = { left: 10 };
    const loop = new BeatLoop(clock, 250, silentLogger, [
      part('a', calls, { left: 0 }),
      part('b', calls, work),
    ]);
    clock.advance(1000);
    expect(calls).toEqual([]);
    loop.wake();
    loop.wake();
    clock.advance(500);
    expect(calls).toEqual(['a@1250', 'b@1250', 'a@1500', 'b@1500']);
  });

  it('stops its timer once no part has work, and starts again on the next wake', () => {
    const clock = createManualClock(0);
    const calls: string[] = [];
    const work = { left: 2 };
    const loop = new BeatLoop(clock, 100, silentLogger, [part('p', calls, work)]);
    loop.wake();
    clock.advance(1000);
    expect(calls).toEqual(['p@100', 'p@200']);
    expect(loop.running).toBe(false);
    expect(clock.pending()).toBe(0);
    work.left = 1;
    loop.wake();
    clock.advance(100);
    expect(calls.at(-1)).toBe('p@1100');
  });

  it('logs a failing beat and beats again next time', () => {
    const clock = createManualClock(0);
    const errors: string[] = [];
    const log: Logger = { ...silentLogger, error: (m: string, _f?: LogFields) => errors.push(m) };
    let n = 0;
    const flaky: BeatPart = {
      hasWork: () => true,
      beat: () => {
        if (++n === 1) throw new Error('boom');
      },
    };
    const loop = new BeatLoop(clock, 100, log, [flaky]);
    loop.wake();
    clock.advance(200);
    expect(errors).toEqual(['beat failed: boom']);
    expect(n).toBe(2);
    loop.stop();
  });

  it('never runs again after stop', () => {
    const clock = createManualClock(0);
    const calls: string[] = [];
    const loop = new BeatLoop(clock, 100, silentLogger, [part('p', calls, { left: 5 })]);
    loop.wake();
    loop.stop();
    loop.wake();
    clock.advance(1000);
    expect(calls).toEqual([]);
  });

  it('turns a tick rate into an interval of at least 10 ms', () => {
    expect(beatIntervalMs(4)).toBe(250);
    expect(beatIntervalMs(3)).toBe(333);
    expect(beatIntervalMs(100)).toBe(10);
    expect(beatIntervalMs(1000)).toBe(10);
  });
});
