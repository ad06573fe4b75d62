// Conformance of a login with several (linked) accounts, over TCP at both ends of the negotiated range: the
// *_MULTI requests and their cancels as @stoqey/ib sends them (and, byte for byte, as ibapi writes them), the
// account on orders and executions, reqExecutions' account filter, and what the single-account requests report.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract, Execution, Order } from '@stoqey/ib';
import { connect, conformanceSuite, order, stock, until } from './helpers';
import type { Client } from './helpers';
import { RawClient } from './raw-client';

const A1 = 'DU1111111';
const A2 = 'DU2222222';

type PosArgs = [number, string, string, Contract, number, number];
type UpdArgs = [number, string, string, string, string, string];
/** @stoqey/ib hands accountUpdateMultiEnd's reqId over as the text it read. */
const endOf = (reqId: number) => (x: unknown[]) => Number(x[0]) === reqId;

/** Listing exchange and trading class of the symbols these tests trade, as the demo universe lists them. */
const LISTED: Record<string, [string, string]> = { MSFT: ['NASDAQ', 'NMS'], IBM: ['NYSE', 'IBM'] };

const used = new WeakMap<Client, number>();
/** The next order id of a client: its nextValidId, then one up per order. */
function nextOrderId(client: Client): number {
  const next = used.get(client) ?? (client.of(EventName.nextValidId)[0]?.[0] as number);
  used.set(client, next + 1);
  return next;
}

describe.each([157, 193])('several accounts at server version %i', (version) => {
  async function fill(
    client: Client,
    account: string | undefined,
    symbol: string,
    qty: number,
  ): Promise<number> {
    const id = nextOrderId(client);
    client.ib.placeOrder(
      id,
      stock(symbol),
      order({
        action: qty > 0 ? 'BUY' : 'SELL',
        orderType: 'MKT',
        totalQuantity: Math.abs(qty),
        ...(account ? { account } : {}),
      }),
    );
    return id;
  }

  const suite = conformanceSuite({ maxServerVersion: version, seed: 7, accounts: [A1, A2] }, async (gw) => {
    const setup = await connect(gw, 99);
    const a = await fill(setup, A1, 'AAPL', 100);
    const b = await fill(setup, A2, 'MSFT', 40);
    await setup.waitFor(
      () =>
        [a, b].every((id) => setup.of(EventName.orderStatus, id).some((x) => x[1] === 'Filled')) || undefined,
      'setup fills',
    );
    setup.close();
  });

  it('lists both accounts, and refuses an order without one (321) while one with DU2 fills into DU2', async () => {
    const c = await suite.connect(1);
    c.ib.reqManagedAccts();
    const [list] = (await c.waitEvent(EventName.managedAccounts)) as [string];
    expect(list.split(',')).toEqual([A1, A2]);

    const none = await fill(c, undefined, 'IBM', 5);
    const text = await c.waitCode(321, none);
    expect(text).toContain('You must specify an account.');
    expect(suite.gw.orders().some((o) => o.orderId === none)).toBe(false);

    const id = await fill(c, A2, 'IBM', 5);
    const [, , placed] = (await c.waitEvent(EventName.openOrder, (x) => x[0] === id)) as [
      number,
      Contract,
      Order,
    ];
    expect(placed.account).toBe(A2);
    const exec = await c.waitFor(
      () =>
        c
          .of(EventName.execDetails)
          .map((x) => x[2] as Execution)
          .find((e) => e.orderId === id),
      'execution of the DU2 order',
    );
    expect(exec.acctNumber).toBe(A2);
    await until(
      () => suite.gw.positions(A2).some((p) => p.symbol === 'IBM' && p.position === 5),
      'IBM in DU2',
    );
    expect(suite.gw.positions(A1).some((p) => p.symbol === 'IBM')).toBe(false);

    // reqExecutions' acctCode filter: DU1's fills only.
    const req = c.nextReqId();
    c.ib.reqExecutions(req, { acctCode: A1 });
    await c.waitEvent(EventName.execDetailsEnd, (x) => x[0] === req);
    const mine = c.of(EventName.execDetails, req).map((x) => (x[2] as Execution).acctNumber);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine)).toEqual(new Set([A1]));
  });

  it('serves reqPositionsMulti for one account and for All, streams changes, and stops after the cancel', async () => {
    const c = await suite.connect(2);
    const one = c.nextReqId();
    c.ib.reqPositionsMulti(one, A2, '');
    await c.waitEvent(EventName.positionMultiEnd, (x) => x[0] === one);
    const rows = c.of(EventName.positionMulti, one) as PosArgs[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([A2]));
    const msft = rows.find((r) => r[3].symbol === 'MSFT');
    expect(msft?.[2]).toBe(''); // model code
    expect(msft?.[3]).toMatchObject({ conId: expect.any(Number), secType: 'STK', currency: 'USD' });
    expect(msft?.[4]).toBe(suite.gw.positions(A2).find((p) => p.symbol === 'MSFT')?.position);
    expect(msft?.[5]).toBeGreaterThan(0);

    const all = c.nextReqId();
    c.ib.reqPositionsMulti(all, 'All', '');
    await c.waitEvent(EventName.positionMultiEnd, (x) => x[0] === all);
    expect(new Set((c.of(EventName.positionMulti, all) as PosArgs[]).map((r) => r[1]))).toEqual(
      new Set([A1, A2]),
    );

    // A fill in DU2 reaches the DU2 subscription and the All one, with the new quantity.
    const before = msft?.[4] ?? 0;
    await fill(c, A2, 'MSFT', 10);
    await c.waitFor(
      () =>
        (c.of(EventName.positionMulti, one) as PosArgs[]).some(
          (r) => r[3].symbol === 'MSFT' && r[4] === before + 10,
        ),
      'DU2 position update',
    );
    await c.waitFor(
      () =>
        (c.of(EventName.positionMulti, all) as PosArgs[]).some(
          (r) => r[1] === A2 && r[3].symbol === 'MSFT' && r[4] === before + 10,
        ),
      'All position update',
    );

    // After its cancel a subscription hears nothing more; the other one still does.
    c.ib.cancelPositionsMulti(one);
    const seen = c.of(EventName.positionMulti, one).length;
    await fill(c, A2, 'MSFT', -10);
    await c.waitFor(
      () =>
        (c.of(EventName.positionMulti, all) as PosArgs[]).some(
          (r) => r[1] === A2 && r[3].symbol === 'MSFT' && r[4] === before,
        ),
      'All position update after the cancel',
    );
    expect(c.of(EventName.positionMulti, one).length).toBe(seen);
    c.ib.cancelPositionsMulti(all);

    // An account this login does not have: 321 for that request id.
    const bad = c.nextReqId();
    c.ib.reqPositionsMulti(bad, 'DU000', '');
    expect(await c.waitCode(321, bad)).toContain('Invalid account code');
  });

  it('serves reqAccountUpdatesMulti (full and ledger-only) per account and for All, and its cancel', async () => {
    const c = await suite.connect(3);
    const one = c.nextReqId();
    c.ib.reqAccountUpdatesMulti(one, A1, '', false);
    await c.waitEvent(EventName.accountUpdateMultiEnd, endOf(one));
    const values = c.of(EventName.accountUpdateMulti, one) as UpdArgs[];
    expect(new Set(values.map((v) => v[1]))).toEqual(new Set([A1]));
    const nlv = values.find((v) => v[3] === 'NetLiquidation' && v[5] === 'USD');
    expect(Number(nlv?.[4])).toBeCloseTo(Number(suite.gw.accountValues(A1).NetLiquidation), -2);
    expect(values.some((v) => v[3] === 'BuyingPower')).toBe(true);

    const light = c.nextReqId();
    c.ib.reqAccountUpdatesMulti(light, 'All', '', true);
    await c.waitEvent(EventName.accountUpdateMultiEnd, endOf(light));
    const lv = c.of(EventName.accountUpdateMulti, light) as UpdArgs[];
    expect(new Set(lv.map((v) => v[1]))).toEqual(new Set([A1, A2]));
    expect(lv.some((v) => v[3] === 'CashBalance')).toBe(true);
    expect(lv.some((v) => v[3] === 'NetLiquidation')).toBe(true);
    expect(lv.some((v) => v[3] === 'BuyingPower')).toBe(false);

    // A fill in DU1 moves DU1's cash on the DU1 subscription; the cancelled ledger-only one stays quiet.
    c.ib.cancelAccountUpdatesMulti(light);
    const quiet = c.of(EventName.accountUpdateMulti, light).length;
    const cashBefore = values.filter((v) => v[3] === 'TotalCashBalance' && v[5] === 'USD').pop()?.[4];
    await fill(c, A1, 'AAPL', 3);
    await c.waitFor(
      () =>
        (c.of(EventName.accountUpdateMulti, one) as UpdArgs[]).some(
          (v) => v[3] === 'TotalCashBalance' && v[5] === 'USD' && v[4] !== cashBefore,
        ),
      'DU1 cash update',
    );
    expect(c.of(EventName.accountUpdateMulti, light).length).toBe(quiet);
    c.ib.cancelAccountUpdatesMulti(one);
  });

  it('reports every account in reqAccountSummary(All) and reqPositions, and one in reqAccountUpdates and reqPnL', async () => {
    const c = await suite.connect(4);
    const sum = c.nextReqId();
    c.ib.reqAccountSummary(sum, 'All', 'NetLiquidation,AvailableFunds');
    await c.waitEvent(EventName.accountSummaryEnd, (x) => x[0] === sum);
    const rows = c.of(EventName.accountSummary, sum) as [number, string, string, string, string][];
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([A1, A2]));
    expect(rows.filter((r) => r[2] === 'NetLiquidation')).toHaveLength(2);
    c.ib.cancelAccountSummary(sum);

    c.ib.reqPositions();
    await c.waitEvent(EventName.positionEnd);
    expect(new Set(c.of(EventName.position).map((p) => p[0]))).toEqual(new Set([A1, A2]));
    c.ib.cancelPositions();

    c.ib.reqAccountUpdates(true, A2);
    const [ended] = (await c.waitEvent(EventName.accountDownloadEnd)) as [string];
    expect(ended).toBe(A2);
    expect(new Set(c.of(EventName.updateAccountValue).map((v) => v[3]))).toEqual(new Set([A2]));
    expect(new Set(c.of(EventName.updatePortfolio).map((v) => v[7]))).toEqual(new Set([A2]));
    c.ib.reqAccountUpdates(false, A2);

    const p = c.nextReqId();
    c.ib.reqPnL(p, A2, '');
    await c.waitEvent(EventName.pnl, (x) => x[0] === p);
    c.ib.cancelPnL(p);
    // reqPnL has no "All" for a non-advisor login.
    const all = c.nextReqId();
    c.ib.reqPnL(all, 'All', '');
    await c.waitCode(321, all);
  });

  it('sends the POSITION_MULTI frames byte for byte as ibapi reads them', async () => {
    const raw = await RawClient.started(suite.gw.port, 6, `v100..${version}`);
    try {
      expect(raw.frames[0]?.[0]).toBe(String(version));
      // As ibapi's client.py writes them: VERSION 1, reqId, account, modelCode (and ledgerAndNLV).
      raw.send(74, 1, 7001, A2, '');
      await raw.until(() => raw.of(72).length === 1, 'positionMultiEnd');
      const expected = suite.gw
        .positions(A2)
        .map((p) => [
          '71',
          '1',
          '7001',
          A2,
          String(p.conId),
          p.symbol,
          p.secType,
          '',
          '0',
          '',
          '',
          LISTED[p.symbol]?.[0],
          'USD',
          p.symbol,
          LISTED[p.symbol]?.[1],
          String(p.position),
          expect.stringMatching(/^\d+(\.\d{1,2})?$/) as unknown as string,
          '',
        ]);
      expect(raw.of(71)).toEqual(expected);
      expect(raw.of(72)).toEqual([['72', '1', '7001']]);
      raw.send(76, 1, 7002, A2, '', 0);
      await raw.until(() => raw.of(74).length === 1, 'accountUpdateMultiEnd');
      expect(raw.of(73).every((f) => f.length === 8 && f[1] === '1' && f[2] === '7002' && f[3] === A2)).toBe(
        true,
      );
      expect(raw.of(74)).toEqual([['74', '1', '7002']]);
      raw.send(75, 1, 7001);
      raw.send(77, 1, 7002);
      raw.send(49, 1);
      await raw.until(() => raw.of(49).length === 1, 'current time after the cancels');
      expect(raw.of(4).filter((f) => f[2] === '7001' || f[2] === '7002')).toEqual([]);
    } finally {
      raw.close();
    }
  });
});
