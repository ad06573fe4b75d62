import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { defaultTicket, isOpen, newOrderRecord, remaining } from './order-types';

const aapl = buildUniverse(Date.UTC(2026, 10, 24)).bySymbol('AAPL')[0] as Instrument;
const ticket = { ...defaultTicket(), action: 'BUY', totalQuantity: 100, orderType: 'MKT' };

describe('newOrderRecord', () => {
  it('books a new order as pending, untransmitted, with nothing filled and nothing left over', () => {
    const o = newOrderRecord({ orderId: 7, clientId: 2, permId: 99, account: 'DU1', inst: aapl, ticket });
    expect(o).toEqual({
      orderId: 7,
      clientId: 2,
      permId: 99,
      account: 'DU1',
      inst: aapl,
      ticket,
      status: 'PendingSubmit',
      filled: 0,
      avgFillPrice: 0,
      lastFillPrice: 0,
      whyHeld: '',
      commission: 0,
      transmitted: false,
      triggered: false,
      trailStop: undefined,
      waitingForParent: false,
      createdAt: 0,
      completedAt: 0,
      completedStatus: '',
    });
    expect(isOpen(o)).toBe(true);
    expect(remaining(o)).toBe(100);
  });

  it('takes what the caller sets over the defaults', () => {
    const o = newOrderRecord({
      orderId: 7,
      clientId: 2,
      permId: 99,
      account: 'DU1',
      inst: aapl,
      ticket,
      status: 'Filled',
      filled: 100,
      createdAt: 5,
    });
    expect([o.status, o.filled, o.createdAt, remaining(o), isOpen(o)]).toEqual(['Filled', 100, 5, 0, false]);
  });
});
