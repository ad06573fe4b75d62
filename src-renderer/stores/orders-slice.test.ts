import { describe, expect, it } from 'vitest';
import { bindEvents } from '../api/bind-events';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { execution, order } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { orderBucket, ordersIn, upsertExecutions, upsertOrders } from './orders-slice';

describe('blotter', () => {
  it('upserts orders by id, a later update winning', () => {
    let m = upsertOrders({}, [order(1), order(2)]);
    m = upsertOrders(m, [order(1, { status: 'Filled', updatedAt: 2000 })]);
    expect(m[1]?.status).toBe('Filled');
    m = upsertOrders(m, [order(1, { status: 'Submitted', updatedAt: 1500 })]);
    expect(m[1]?.status).toBe('Filled');
  });

  it('adds the commission to an execution already shown', () => {
    let m = upsertExecutions({}, [execution('e1')]);
    m = upsertExecutions(m, [execution('e1', { commission: 1.02, commissionCurrency: 'USD' })]);
    expect(Object.keys(m)).toEqual(['e1']);
    expect(m.e1?.commission).toBe(1.02);
  });

  it('sorts orders into working, filled and cancelled, newest first', () => {
    const m = upsertOrders({}, [
      order(1, { status: 'Submitted', createdAt: 1 }),
      order(2, { status: 'PreSubmitted', createdAt: 3 }),
      order(3, { status: 'Filled' }),
      order(4, { status: 'Cancelled' }),
      order(5, { status: 'Inactive' }),
    ]);
    expect(ordersIn(m, 'working').map((o) => o.orderId)).toEqual([2, 1]);
    expect(ordersIn(m, 'filled').map((o) => o.orderId)).toEqual([3]);
    expect(ordersIn(m, 'cancelled').map((o) => o.orderId)).toEqual([5, 4]);
    expect(ordersIn(m, 'all')).toHaveLength(5);
    expect(orderBucket({ status: 'Intent' })).toBe('working');
  });

  it('loads the lists at start and takes pushed changes', async () => {
    const client = createFakeClient({
      'orders.list': () => [order(1)],
      'executions.list': () => [execution('e1')],
      'portfolio.get': () => ({ positions: [], accounts: [] }),
    });
    const store = createAppStore(client);
    bindEvents(store);
    await settle();
    expect(Object.keys(store.getState().orders)).toEqual(['1']);
    client.emit('orders', { orders: [order(1, { status: 'Cancelled', updatedAt: 5000 }), order(2)] });
    client.emit('executions', { executions: [execution('e2')] });
    expect(store.getState().orders[1]?.status).toBe('Cancelled');
    expect(Object.keys(store.getState().executions).sort()).toEqual(['e1', 'e2']);
    expect(store.getState().portfolio).toEqual({ positions: [], accounts: [] });
  });

  it('announces the fills it has not seen before, on the web host only (Electron’s main announces its own)', () => {
    const announced: string[][] = [];
    const store = createAppStore(createFakeClient(), {
      notifyFills: (fresh) => announced.push(fresh.map((e) => e.execId)),
    });
    store.setState({ serverInfo: { version: '1', host: 'web' } });
    store.getState().executionsArrived([execution('e1'), execution('e2')]);
    // A commission report sends e2 again: no second notification for it.
    store.getState().executionsArrived([execution('e2', { commission: 1 }), execution('e3')]);
    expect(announced).toEqual([['e1', 'e2'], ['e3']]);
    expect(store.getState().executions.e2?.commission).toBe(1);
    store.setState({ serverInfo: { version: '1', host: 'electron' } });
    store.getState().executionsArrived([execution('e4')]);
    expect(announced).toHaveLength(2);
    expect(Object.keys(store.getState().executions)).toHaveLength(4);
  });

  it('remembers the live confirmation once main accepted it', async () => {
    const client = createFakeClient({
      'orders.confirmLive': ({ typed }) =>
        typed === 'U123' ? null : { error: { code: 'VALIDATION', message: 'Type the account id U123' } },
    });
    const store = createAppStore(client);
    expect((await store.getState().confirmLive('nope')).ok).toBe(false);
    expect(store.getState().liveConfirmed).toBe(false);
    expect((await store.getState().confirmLive('U123')).ok).toBe(true);
    expect(store.getState().liveConfirmed).toBe(true);
  });
});
