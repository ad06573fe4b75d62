// The unhandled-error handlers both hosts install: logged every time, one dialog at a time, quiet for a minute.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { crashDialog, installCrashHandlers, type CrashDialog } from './unhandled-errors';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('unhandled errors in main', () => {
  function setup(answer = 0) {
    const proc = new EventEmitter();
    const shown: CrashDialog[] = [];
    const errors: string[] = [];
    const relaunch = vi.fn();
    let resolveShow: ((n: number) => void) | null = null;
    const uninstall = installCrashHandlers({
      proc: proc as never,
      log: { ...silentLogger, error: (m: string) => void errors.push(m) },
      clock: systemClock,
      logFile: '/logs/ibdesk.log',
      show: (d) => {
        shown.push(d);
        return new Promise((r) => (resolveShow = r));
      },
      relaunch,
    });
    return { proc, shown, errors, relaunch, answer: () => resolveShow!(answer), uninstall };
  }

  it('logs and shows an error instead of exiting; one dialog at a time', async () => {
    const s = setup();
    s.proc.emit('uncaughtException', new Error('boom'));
    s.proc.emit('unhandledRejection', new Error('second'));
    expect(s.errors).toEqual([
      'Unhandled exception in main: boom',
      'Unhandled promise rejection in main: second',
    ]);
    expect(s.shown).toHaveLength(1);
    expect(s.shown[0]!.message).toBe('IBDesk hit an unexpected error: boom');
    expect(s.shown[0]!.detail).toContain('/logs/ibdesk.log');
    s.answer();
    await vi.runAllTimersAsync();
    expect(s.relaunch).not.toHaveBeenCalled();
    s.proc.emit('unhandledRejection', 'a string reason');
    expect(s.shown).toHaveLength(2);
  });

  it('does not show the same error again within a minute', async () => {
    const s = setup();
    s.proc.emit('uncaughtException', new Error('loop'));
    s.answer();
    await vi.runAllTimersAsync();
    s.proc.emit('uncaughtException', new Error('loop'));
    expect(s.shown).toHaveLength(1);
    vi.advanceTimersByTime(61_000);
    s.proc.emit('uncaughtException', new Error('loop'));
    expect(s.shown).toHaveLength(2);
  });

  it('"Restart IBDesk" relaunches; uninstall removes the handlers', async () => {
    const s = setup(crashDialog('error', new Error('x'), null).restartId);
    s.proc.emit('uncaughtException', new Error('x'));
    s.answer();
    await vi.runAllTimersAsync();
    expect(s.relaunch).toHaveBeenCalledTimes(1);
    s.uninstall();
    expect(s.proc.listenerCount('uncaughtException')).toBe(0);
    expect(s.proc.listenerCount('unhandledRejection')).toBe(0);
  });
});
