// The lookups the commands share: "SYMBOL[:LISTING]" resolved as a SMART-routed US stock, and an order waited for
// until it is done, until the caller gives up, or until the time is up.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src-shared/domain/order';
import type { Trading } from '../trading';
import { jsonAnswer, resolveSymbol, str, waitOrder } from './command-context';

describe('resolveSymbol', () => {
  it('asks for a US stock (with its listing exchange after a colon) and routes the answer through SMART', async () => {
    const asked: unknown[] = [];
    const t = {
      contracts: {
        resolve: async (ref: Record<string, unknown>) => {
          asked.push(ref);
          return {
            conId: 265598,
            symbol: 'AAPL',
            secType: 'STK',
            exchange: 'NASDAQ',
            currency: 'USD',
            primaryExchange: 'NASDAQ',
          };
        },
      },
    } as unknown as Trading;
    await expect(resolveSymbol(t, 'aapl:nasdaq')).resolves.toEqual({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      currency: 'USD',
      primaryExchange: 'NASDAQ',
    });
    await resolveSymbol(t, 'msft');
    expect(asked).toEqual([
      { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD', primaryExchange: 'NASDAQ' },
      { symbol: 'MSFT', secType: 'STK', exchange: 'SMART', currency: 'USD' },
    ]);
  });
});

describe('waitOrder', () => {
  const ordersOf = (list: () => Partial<Order>[]) => ({ orders: { list } }) as unknown as Trading;

  it('returns the order once it is done', async () => {
    let status = 'PendingSubmit';
    setTimeout(() => (status = 'Submitted'), 120);
    const o = await waitOrder(
      ordersOf(() => [{ orderId: 3, status } as Partial<Order>]),
      3,
      (x) => x.status === 'Submitted',
      5_000,
    );
    expect(o?.status).toBe('Submitted');
  });

  it('returns what it has when the caller gives up or the time is up (undefined for an unknown order)', async () => {
    const t = ordersOf(() => [{ orderId: 3, status: 'PendingSubmit' } as Partial<Order>]);
    expect(
      (
        await waitOrder(
          t,
          3,
          () => false,
          5_000,
          () => true,
        )
      )?.status,
    ).toBe('PendingSubmit');
    const started = Date.now();
    expect(await waitOrder(t, 9, () => true, 100)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});

describe('str', () => {
  it('keeps strings and drops booleans and absent options', () => {
    expect(str('x')).toBe('x');
    expect(str(true)).toBeUndefined();
    expect(str(undefined)).toBeUndefined();
  });
});

describe('jsonAnswer', () => {
  it('puts ok: true first, indents by two and ends the line', () => {
    expect(jsonAnswer({ rows: [1] })).toBe('{\n  "ok": true,\n  "rows": [\n    1\n  ]\n}\n');
  });
});
