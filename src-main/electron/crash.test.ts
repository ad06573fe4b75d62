// A renderer that dies is reloaded within a budget per window, then the user is asked.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { createReloadGuard, watchRenderer } from './crash';

vi.mock('electron', () => ({}));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('renderer crashes', () => {
  function contents(id = 5) {
    const e = new EventEmitter() as EventEmitter & {
      id: number;
      reload: () => void;
      isDestroyed: () => boolean;
    };
    e.id = id;
    e.reload = vi.fn();
    e.isDestroyed = () => false;
    return e;
  }

  it('reloads after a crash, not after a clean exit, and gives up after 3 in a minute', () => {
    const c = contents();
    const giveUp = vi.fn();
    watchRenderer(c as never, {
      guard: createReloadGuard({ clock: systemClock }),
      log: silentLogger,
      label: 'main',
      giveUp,
    });
    c.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(c.reload).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) c.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(c.reload).toHaveBeenCalledTimes(3);
    c.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(c.reload).toHaveBeenCalledTimes(3);
    expect(giveUp).toHaveBeenCalledWith({ reason: 'oom', exitCode: 0 });
    vi.advanceTimersByTime(60_000);
    c.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(c.reload).toHaveBeenCalledTimes(4);
  });

  it('counts each window on its own', () => {
    const guard = createReloadGuard({ clock: systemClock, max: 1 });
    expect(guard.allow('1')).toBe(true);
    expect(guard.allow('2')).toBe(true);
    expect(guard.allow('1')).toBe(false);
  });
});
