import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, ConnectionStatus } from '../src-shared/domain/connection';
import { systemClock } from '../src-shared/clock';
import { silentLogger } from '../src-shared/logger';
import { createNetworkWatch, createWakeCheck, networkSignature, wakeAction } from './wake-check';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const withState = (state: ConnectionState) => () => ({ state }) as ConnectionStatus;

describe('wake check', () => {
  it.each([
    ['reconnecting', 'reconnect-now'],
    ['ready', 'probe'],
    ['degraded', 'probe'],
    ['connecting', 'none'],
    ['handshaking', 'none'],
    ['disconnected', 'none'],
  ] as const)('decides per connection state: %s → %s', (state, action) => {
    expect(wakeAction(state)).toBe(action);
  });

  it('reconnects now on resume while reconnecting, once for a burst of wake events', () => {
    const reconnectNow = vi.fn(async () => undefined);
    const w = createWakeCheck({
      clock: systemClock,
      status: withState('reconnecting'),
      reconnectNow,
      log: silentLogger,
    });
    expect(w.trigger('resume')).toBe('reconnect-now');
    expect(w.trigger('unlock')).toBe('none');
    expect(w.trigger('online')).toBe('none');
    expect(reconnectNow).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    w.trigger('network-change');
    expect(reconnectNow).toHaveBeenCalledTimes(2);
  });

  it('pokes a session that looks ready; leaves a stopped one alone', () => {
    const probe = vi.fn();
    const reconnectNow = vi.fn();
    let state: ConnectionState = 'ready';
    const w = createWakeCheck({
      clock: systemClock,
      status: () => ({ state }) as ConnectionStatus,
      reconnectNow,
      probe,
      log: silentLogger,
    });
    w.trigger('resume');
    expect(probe).toHaveBeenCalledTimes(1);
    state = 'disconnected';
    vi.advanceTimersByTime(10_000);
    expect(w.trigger('resume')).toBe('none');
    expect(reconnectNow).not.toHaveBeenCalled();
  });

  it('a failing reconnect is logged, not thrown', async () => {
    const warn = vi.fn();
    const w = createWakeCheck({
      clock: systemClock,
      status: withState('reconnecting'),
      reconnectNow: async () => {
        throw new Error('boom');
      },
      log: { ...silentLogger, warn },
    });
    w.trigger('online');
    await vi.runAllTimersAsync();
    expect(warn).toHaveBeenCalledWith('Reconnect after online failed: boom');
  });
});

describe('network watch', () => {
  const ifaces = (addr: string) => ({
    lo: [{ address: '127.0.0.1', internal: true } as never],
    wlan0: [{ address: addr, internal: false } as never],
  });

  it('ignores loopback and sorts addresses', () => {
    expect(networkSignature(ifaces('192.168.1.5'))).toBe('wlan0:192.168.1.5');
  });

  it('reports an address change, coming back online, and a jump of the clock (sleep)', () => {
    let sig = 'a';
    let online = true;
    const changes: string[] = [];
    const watch = createNetworkWatch({
      clock: systemClock,
      signature: () => sig,
      isOnline: () => online,
      onChange: (r) => changes.push(r),
      intervalMs: 5000,
    });
    watch.start();
    vi.advanceTimersByTime(20_000);
    expect(changes).toEqual([]);
    sig = 'b';
    vi.advanceTimersByTime(5000);
    online = false;
    vi.advanceTimersByTime(5000);
    online = true;
    vi.advanceTimersByTime(5000);
    vi.setSystemTime(Date.now() + 3_600_000);
    vi.advanceTimersByTime(5000);
    expect(changes).toEqual(['network-change', 'online', 'clock-jump']);
    watch.stop();
    sig = 'c';
    vi.advanceTimersByTime(20_000);
    expect(changes).toHaveLength(3);
  });
});
