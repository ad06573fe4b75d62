import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../src-shared/domain/order';
import { systemClock } from '../src-shared/clock';
import { silentLogger } from '../src-shared/logger';
import { orderFixture } from '../tests/support/domain-fixtures';
import { createUpdateSchedule, decideRestart, restartPrompt, workingFrom } from './update-gate';

const order = (orderId: number, status: Order['status']): Order => orderFixture({ orderId, status });

describe('update restart gate', () => {
  it('no working orders: offers to restart now', () => {
    const p = restartPrompt('1.1.0', workingFrom([order(1, 'Filled'), order(2, 'Cancelled')]));
    expect(p.kind).toBe('idle');
    expect(p.buttons[p.defaultId]).toBe('Restart now');
    expect(decideRestart(p, p.restartId, workingFrom([]))).toBe('restart');
    expect(decideRestart(p, p.cancelId, workingFrom([]))).toBe('defer');
  });

  it('orders working: asks, with "Later" as the default and the orders listed', () => {
    const p = restartPrompt('1.1.0', workingFrom([order(7, 'Submitted'), order(8, 'Filled')]));
    expect(p.kind).toBe('orders-working');
    expect(p.message).toContain('1 order is working');
    expect(p.detail).toContain('#7 BUY 100 AAPL LMT 150 (Submitted)');
    expect(p.buttons[p.defaultId]).toBe('Later');
    expect(p.cancelId).toBe(p.defaultId);
    expect(decideRestart(p, p.defaultId, workingFrom([order(7, 'Submitted')]))).toBe('defer');
    expect(decideRestart(p, p.restartId, workingFrom([order(7, 'Submitted')]))).toBe('restart');
  });

  it('counts orders the journal cannot place (Unknown) as working', () => {
    expect(restartPrompt('1.1.0', workingFrom([order(9, 'Unknown')])).kind).toBe('orders-working');
  });

  it('cannot tell (orders service unavailable): asks as if orders were working', () => {
    const p = restartPrompt('1.1.0', { known: false, reason: 'not connected' });
    expect(p.kind).toBe('orders-unknown');
    expect(p.message).toContain('cannot tell whether orders are working (not connected)');
    expect(p.buttons[p.defaultId]).toBe('Later');
  });

  it('an order placed while the question was on screen means asking again', () => {
    const p = restartPrompt('1.1.0', workingFrom([]));
    expect(decideRestart(p, p.restartId, workingFrom([order(3, 'PreSubmitted')]))).toBe('ask-again');
    expect(decideRestart(p, p.restartId, { known: false, reason: 'disconnected' })).toBe('ask-again');
  });

  it('lists at most five orders', () => {
    const many = Array.from({ length: 8 }, (_, i) => order(i + 1, 'Submitted'));
    const p = restartPrompt('1.1.0', workingFrom(many));
    expect(p.detail).toContain('… and 3 more');
    expect(p.detail).not.toContain('#6 ');
  });
});

describe('update schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks after start, then daily; a failing check does not stop the schedule', async () => {
    let calls = 0;
    const check = vi.fn(async () => {
      calls++;
      if (calls === 2) throw new Error('offline');
    });
    const s = createUpdateSchedule({ clock: systemClock, check, log: silentLogger, firstDelayMs: 60_000 });
    s.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(check).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(check).toHaveBeenCalledTimes(3);
    s.stop();
    await vi.advanceTimersByTimeAsync(48 * 3_600_000);
    expect(check).toHaveBeenCalledTimes(3);
  });
});
