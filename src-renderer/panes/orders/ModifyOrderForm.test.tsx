// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { OrderModify } from '../../../src-shared/domain/order';
import { createAppStore } from '../../stores/app-store';
import { createFakeClient, settle } from '../../../tests/support/renderer/fake-client';
import { order } from '../../../tests/support/renderer/fixtures';
import { typeInto } from '../../../tests/support/renderer/input';
import { render } from '../../../tests/support/renderer/render';
import { ModifyOrderForm } from './ModifyOrderForm';

function mount(answer: null | { error: { code: 'IB_REJECTED'; message: string; twsCode: number } }) {
  const sent: OrderModify[] = [];
  const done: string[] = [];
  const store = createAppStore(createFakeClient({ 'orders.modify': (m) => (sent.push(m), answer) }));
  const host = render(<ModifyOrderForm order={order(7, { stopPrice: 95 })} onDone={(t) => done.push(t)} />, {
    store,
  });
  const field = (label: string) =>
    [...host.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
  const submit = async () => {
    act(() => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(settle);
  };
  return { host, sent, done, field, submit };
}

describe('modify order form', () => {
  it('offers the order’s own prices and sends only what changed', async () => {
    const f = mount(null);
    expect(f.field('Quantity').value).toBe('100');
    expect(f.field('Limit price').value).toBe('100');
    expect(f.field('Stop price').value).toBe('95');
    typeInto(f.field('Quantity'), '150');
    await f.submit();
    expect(f.sent).toEqual([{ orderId: 7, quantity: 150 }]);
    expect(f.done).toEqual(['Modification of order 7 sent']);
  });

  it('refuses numbers at or below zero without sending, and shows what TWS said', async () => {
    const refused = mount({ error: { code: 'IB_REJECTED', message: 'Order not found', twsCode: 135 } });
    typeInto(refused.field('Limit price'), '0');
    await refused.submit();
    expect(refused.sent).toEqual([]);
    expect(refused.host.querySelector('[role="alert"]')?.textContent).toBe(
      'Quantity and prices must be numbers above zero',
    );
    typeInto(refused.field('Limit price'), '99.5');
    await refused.submit();
    expect(refused.sent).toEqual([{ orderId: 7, limitPrice: 99.5 }]);
    expect(refused.host.querySelector('[role="alert"]')?.textContent).toBe('Order not found (TWS 135)');
    expect(refused.done).toEqual([]);
  });
});
