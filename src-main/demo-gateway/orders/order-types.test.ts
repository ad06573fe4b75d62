import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { defaultTicket, isOpen, newOrderRecord, remaining } from './order-types';
import type { OrderRecord } from './order-types';

const aapl = buildUniverse(Date.UTC(2026, 10, 24)).bySymbol('AAPL')[0] as Instrument;
const ticket = { ...defaultTicket(), action: 'BUY', totalQuantity: 100, orderType: 'MKT' };
const order = (patch: Partial<OrderRecord> = {}): OrderRecord =>
  newOrderRecord({ orderId: 7, clientId: 2, permId: 99, account: 'DU1', inst: aapl, ticket, ...patch });

describe('newOrderRecord', () => {
  it('books a new order as pending and untransmitted, with nothing filled, elected or completed', () => {
    const o = order();
    expect([o.orderId, o.clientId, o.permId, o.account, o.inst, o.ticket]).toEqual([
      7,
      2,
      99,
      'DU1',
      aapl,
      ticket,
    ]);
    expect([o.status, o.transmitted, o.triggered, o.waitingForParent]).toEqual([
      'PendingSubmit',
      false,
      false,
      false,
    ]);
    expect([o.filled, o.avgFillPrice, o.commission, o.trailStop, o.completedStatus]).toEqual([
      0,
      0,
      0,
      undefined,
      '',
    ]);
    expect(isOpen(o)).toBe(true);
    expect(remaining(o)).toBe(100);
  });

  it('takes what the caller sets over the defaults', () => {
    const o = order({ status: 'Filled', filled: 100, createdAt: 5 });
    expect([o.status, o.filled, o.createdAt, remaining(o), isOpen(o)]).toEqual(['Filled', 100, 5, 0, false]);
  });
});
