import { OrderAction } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import type { JournalOrder } from '../../../src-shared/domain/order';
import {
  completedOrderOf,
  ibOrderOf,
  openOrderOf,
  orderRefOf,
  orderStatusOf,
  refersTo,
  sideOf,
  statusOf,
} from './order-mapping';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

const order = (over: Partial<JournalOrder> = {}): JournalOrder => ({
  orderId: 12,
  parentId: null,
  clientId: 1,
  account: 'DU111',
  contract: AAPL,
  action: 'BUY',
  quantity: 10,
  orderType: 'LMT',
  limitPrice: 100,
  stopPrice: null,
  trailingAmount: null,
  trailingPercent: null,
  tif: 'DAY',
  outsideRth: false,
  ocaGroup: null,
  transmit: true,
  note: null,
  ...over,
});

describe("the journal's order → TWS's order", () => {
  it('maps a limit order, transmit explicit, with our orderRef', () => {
    expect(ibOrderOf(order())).toEqual({
      orderId: 12,
      action: OrderAction.BUY,
      totalQuantity: 10,
      orderType: 'LMT',
      tif: 'DAY',
      outsideRth: false,
      transmit: true,
      lmtPrice: 100,
      account: 'DU111',
      orderRef: 'ibdesk:12',
    });
  });

  it('puts a stop trigger, or a trailing amount, in auxPrice', () => {
    expect(ibOrderOf(order({ orderType: 'STP', limitPrice: null, stopPrice: 95 }))).toMatchObject({
      auxPrice: 95,
    });
    const trail = ibOrderOf(
      order({ orderType: 'TRAIL', limitPrice: null, stopPrice: 90, trailingAmount: 1.5, action: 'SELL' }),
    );
    expect(trail).toMatchObject({ orderType: 'TRAIL', auxPrice: 1.5, action: OrderAction.SELL });
    expect(trail).not.toHaveProperty('lmtPrice');
    const pct = ibOrderOf(order({ orderType: 'TRAIL', limitPrice: null, trailingPercent: 2 }));
    expect(pct).toMatchObject({ trailingPercent: 2 });
    expect(pct).not.toHaveProperty('auxPrice');
  });

  it('links a bracket leg to its parent and its OCA group, and holds it back when told', () => {
    const leg = ibOrderOf(order({ orderId: 14, parentId: 13, ocaGroup: 'ibdesk-13', transmit: false }));
    expect(leg).toMatchObject({ parentId: 13, ocaGroup: 'ibdesk-13', ocaType: 1, transmit: false });
    expect(ibOrderOf(order({ account: '' }))).not.toHaveProperty('account');
  });

  it('reads a record of an older journal, whose optional prices are missing, without inventing any', () => {
    const old = { ...order({ orderType: 'MKT', limitPrice: null }) } as Partial<JournalOrder>;
    delete old.trailingAmount;
    delete old.trailingPercent;
    const ib = ibOrderOf(old as JournalOrder);
    expect(ib).not.toHaveProperty('auxPrice');
    expect(ib).not.toHaveProperty('trailingPercent');
  });

  it('keeps the trader’s note before our reference, and recognises our reference in either form', () => {
    expect(orderRefOf({ orderId: 7, note: 'scalp' })).toBe('scalp [ibdesk:7]');
    expect(refersTo('ibdesk:7', 7)).toBe(true);
    expect(refersTo('scalp [ibdesk:7]', 7)).toBe(true);
    expect(refersTo('ibdesk:77', 7)).toBe(false);
    expect(refersTo('[ibdesk:7] later', 7)).toBe(false);
    expect(refersTo(null, 7)).toBe(false);
  });
});

describe("TWS's order reports → the app's types", () => {
  it('reads an open order back into the journal’s terms, with TWS’s status', () => {
    const info = openOrderOf(
      33,
      { conId: 265598, symbol: 'AAPL', secType: 'STK' as never, exchange: 'SMART', currency: 'USD' },
      {
        action: OrderAction.SELL,
        totalQuantity: 3,
        orderType: 'TRAIL' as never,
        trailStopPrice: 97.5,
        auxPrice: 2,
        tif: 'GTC' as never,
        orderRef: 'other app',
        permId: 555,
      },
      { status: 'PreSubmitted' } as never,
    );
    expect(info).toMatchObject({
      orderId: 33,
      clientId: -1,
      action: 'SELL',
      quantity: 3,
      stopPrice: 97.5,
      trailingAmount: null,
      limitPrice: null,
      tif: 'GTC',
      note: 'other app',
      transmit: true,
      permId: 555,
      status: 'PreSubmitted',
    });
  });

  it('knows TWS’s statuses and sides, and calls anything else Unknown / BUY', () => {
    expect(statusOf('Submitted')).toBe('Submitted');
    expect(statusOf('Intent')).toBe('Unknown'); // the app's own status is never TWS's
    expect(statusOf(undefined)).toBe('Unknown');
    expect(['SLD', 'SELL', 'SSHORT', 'BOT', 'BUY'].map(sideOf)).toEqual([
      'SELL',
      'SELL',
      'SELL',
      'BUY',
      'BUY',
    ]);
  });

  it('reads orderStatus and completedOrder', () => {
    expect(orderStatusOf([5, 'Filled', 10, 0, 101.25, 77, 0, 0, 1, ''])).toEqual({
      orderId: 5,
      status: 'Filled',
      filled: 10,
      remaining: 0,
      avgFillPrice: 101.25,
      permId: 77,
      parentId: null,
      clientId: 1,
      whyHeld: null,
    });
    expect(orderStatusOf([5, 'Submitted', 0, 10, 0, 77])).toMatchObject({ avgFillPrice: null });
    expect(
      completedOrderOf(
        { symbol: 'AAPL' },
        { permId: 9, orderRef: 'ibdesk:5', totalQuantity: 1 } as never,
        {
          status: 'Cancelled',
          completedStatus: 'Cancelled by Trader',
        } as never,
      ),
    ).toMatchObject({
      permId: 9,
      status: 'Cancelled',
      orderRef: 'ibdesk:5',
      completedStatus: 'Cancelled by Trader',
    });
  });
});
