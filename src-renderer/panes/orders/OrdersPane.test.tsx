// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { APP_STATUS_HELP, type Order } from '../../../src-shared/domain/order';
import { createAppStore } from '../../stores/app-store';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { order as orderOf } from '../../../tests/support/renderer/fixtures';
import { render as mount } from '../../../tests/support/renderer/render';
import { OrdersPane } from './OrdersPane';

const order = (orderId: number, status: Order['status'], message: string | null = null): Order =>
  orderOf(orderId, { status, message, quantity: 10, remaining: 10, account: 'DU1' });

function render(orders: Order[]): HTMLElement {
  const store = createAppStore(createFakeClient());
  store.setState({ orders: Object.fromEntries(orders.map((o) => [o.orderId, o])) });
  return mount(<OrdersPane />, { store, paneId: 'orders' });
}

const statusCell = (h: HTMLElement, orderId: number) =>
  h.querySelector(`tr[data-order-id="${orderId}"] td.status-cell > span`) as HTMLElement | null;

describe('OrdersPane statuses', () => {
  it('shows an unacknowledged order among the working ones, in plain words with what it means and what the app did', () => {
    const h = render([order(1, 'Unacknowledged'), order(2, 'Submitted')]);
    const cell = statusCell(h, 1)!;
    expect(cell.textContent).toBe('Unacknowledged');
    expect(cell.title).toMatch(/TWS has not confirmed this order/);
    expect(cell.title).toMatch(/Nothing is sent again/);
    expect(cell.title).toMatch(/Do not place it again/);
    // Still working: it may be live at TWS, so it can be cancelled.
    expect(h.querySelector('button[aria-label="Cancel order 1"]')).not.toBeNull();
    expect(h.querySelector('tr[data-order-id="2"] td.status-cell')!.textContent).toBe('Submitted');
  });

  it('shows an order TWS never received as such, says it is safe to place again, and offers no cancel', () => {
    const h = render([order(3, 'NotReceived', 'TWS did not receive order 3')]);
    // Not working: it sits with the finished orders.
    expect(h.querySelector('tr[data-order-id="3"]')).toBeNull();
    act(() => (h.querySelector('button[role="radio"]:last-child') as HTMLButtonElement).click());
    const cell = statusCell(h, 3)!;
    expect(cell.textContent).toBe(APP_STATUS_HELP.NotReceived!.label);
    expect(cell.textContent).toBe('Not received by TWS');
    expect(cell.title).toMatch(/safe to place it again/);
    expect(h.querySelector('button[aria-label="Cancel order 3"]')).toBeNull();
  });
});
