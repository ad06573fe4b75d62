import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, ConnectionStatus } from '../../src-shared/domain/connection';
import type { Execution } from '../../src-shared/domain/order';
import { systemClock } from '../../src-shared/clock';
import { connectionStatusFixture, executionFixture } from '../../tests/support/domain-fixtures';
import { createAlertRules, type Alert } from './alert-rules';

vi.mock('electron', () => ({}));

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const status = (state: ConnectionState, extra: Partial<ConnectionStatus> = {}): ConnectionStatus =>
  connectionStatusFixture({ state, since: Date.now(), ...extra });
const exec = (execId: string, orderId: number, shares: number, p: number, time = Date.now()): Execution =>
  executionFixture({ execId, orderId, shares, price: p, time });

let alerts: Alert[];
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  alerts = [];
});
afterEach(() => vi.useRealTimers());

const rules = () => createAlertRules({ clock: systemClock, notify: (a) => alerts.push(a) });

describe('connection-lost notifications', () => {
  it('says nothing for a drop shorter than 30 s', () => {
    const r = rules();
    r.onStatus(status('ready'));
    r.onStatus(status('reconnecting', { reason: 'TWS closed the connection' }));
    vi.advanceTimersByTime(20_000);
    r.onStatus(status('connecting'));
    r.onStatus(status('handshaking'));
    r.onStatus(status('ready'));
    vi.advanceTimersByTime(60_000);
    expect(alerts).toEqual([]);
  });

  it('notifies once after 30 s of outage (through retries), and again when it is back', () => {
    const r = rules();
    r.onStatus(status('ready'));
    r.onStatus(status('reconnecting', { reason: 'TWS stopped answering', nextRetryAt: T0 + 1000 }));
    vi.advanceTimersByTime(10_000);
    r.onStatus(status('connecting'));
    r.onStatus(status('reconnecting', { reason: 'Could not connect', twsCode: 502 }));
    vi.advanceTimersByTime(19_999);
    expect(alerts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'connection-lost', title: 'Connection to TWS lost' });
    expect(alerts[0]!.body).toContain('for 30 s');
    expect(alerts[0]!.body).toContain('Could not connect (TWS 502)');
    vi.advanceTimersByTime(120_000);
    expect(alerts).toHaveLength(1);
    r.onStatus(status('ready'));
    expect(alerts[1]).toMatchObject({ kind: 'connection-back' });
    expect(alerts[1]!.body).toContain('after 2 min 30 s');
  });

  it('TWS losing IB (degraded, 1100) has its own words', () => {
    const r = rules();
    r.onStatus(status('ready'));
    r.onStatus(status('degraded', { twsCode: 1100 }));
    vi.advanceTimersByTime(30_000);
    expect(alerts[0]!.title).toBe('TWS lost its connection to IB');
  });

  it('a deliberate disconnect, or an outage that ends in a stop, raises nothing', () => {
    const r = rules();
    r.onStatus(status('ready'));
    r.onStatus(status('disconnected', { reason: 'Disconnected by the user' }));
    vi.advanceTimersByTime(60_000);
    r.onStatus(status('ready'));
    r.onStatus(status('reconnecting'));
    vi.advanceTimersByTime(5_000);
    r.onStatus(status('disconnected', { twsCode: 326 }));
    vi.advanceTimersByTime(60_000);
    expect(alerts).toEqual([]);
  });

  it('a first connection that takes long is not an outage', () => {
    const r = rules();
    r.onStatus(status('connecting'));
    r.onStatus(status('reconnecting'));
    vi.advanceTimersByTime(120_000);
    expect(alerts).toEqual([]);
  });
});

describe('fill notifications', () => {
  it('one per new fill, never twice for the same execution', () => {
    const r = rules();
    r.onExecutions([exec('e1', 10, 100, 150.25)]);
    r.onExecutions([exec('e1', 10, 100, 150.25)]);
    expect(alerts).toEqual([{ kind: 'fill', title: 'Bought 100 AAPL', body: 'at 150.25, order #10' }]);
  });

  it('partial fills of one order in one batch become one notification with the average', () => {
    const r = rules();
    r.onExecutions([exec('a', 11, 100, 10), exec('b', 11, 300, 10.2)]);
    expect(alerts).toEqual([
      { kind: 'fill', title: 'Bought 400 AAPL', body: 'at 10.15 on average (2 fills), order #11' },
    ]);
  });

  it("ignores the day's earlier executions replayed at connect", () => {
    const r = rules();
    r.onExecutions([exec('old', 1, 100, 10, T0 - 3_600_000), exec('new', 2, 5, 11, T0 + 1000)]);
    expect(alerts.map((a) => a.title)).toEqual(['Bought 5 AAPL']);
  });

  it('many orders filled at once: one summary', () => {
    const r = rules();
    r.onExecutions([1, 2, 3, 4, 5].map((i) => exec(`x${i}`, i, 10, 20)));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title).toBe('5 fills on 5 orders');
  });
});
