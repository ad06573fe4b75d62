// Conformance of account requests at every negotiated version: positions, account summary (with $LEDGER), account
// updates with portfolio, PnL and single-position PnL, and that fills move them.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { ACCOUNT, VERSIONS, connect, conformanceSuite, order, stock } from './helpers';

describe.each(VERSIONS)('server version %i', (version) => {
  const suite = conformanceSuite({ maxServerVersion: version, seed: 5 }, async (gw) => {
    // Give the account a position to report.
    const setup = await connect(gw, 99);
    const id = setup.of(EventName.nextValidId)[0]?.[0] as number;
    setup.ib.placeOrder(id, stock('AAPL'), order({ action: 'BUY', orderType: 'MKT', totalQuantity: 200 }));
    await setup.waitFor(
      () => setup.of(EventName.orderStatus, id).some((a) => a[1] === 'Filled'),
      'setup fill',
    );
    setup.close();
  });

  it('reports positions and streams position changes after fills', async () => {
    const c = await suite.connect(1);
    c.ib.reqPositions();
    await c.waitEvent(EventName.positionEnd);
    const [account, contract, pos, avgCost] = c
      .of(EventName.position)
      .find((a) => (a[1] as Contract).symbol === 'AAPL') as [string, Contract, number, number];
    expect(account).toBe(ACCOUNT);
    expect(contract).toMatchObject({ conId: 265598, secType: 'STK', exchange: 'NASDAQ', currency: 'USD' });
    expect(pos).toBe(200);
    expect(avgCost).toBeGreaterThan(0);
    const id = c.of(EventName.nextValidId)[0]?.[0] as number;
    c.ib.placeOrder(id, stock('AAPL'), order({ action: 'SELL', orderType: 'MKT', totalQuantity: 50 }));
    await c.waitFor(() => c.of(EventName.position).some((a) => a[2] === 150), 'position update');
    const report = await c.waitFor(
      () => c.of(EventName.commissionReport)[0]?.[0] as { realizedPNL?: number } | undefined,
      'commission',
    );
    expect(typeof report.realizedPNL).toBe('number'); // closing fills carry realized P&L
    c.ib.cancelPositions();
  });

  it('answers the account summary with the tags asked for and $LEDGER cash balances', async () => {
    const c = await suite.connect(2);
    const id = c.nextReqId();
    c.ib.reqAccountSummary(
      id,
      'All',
      'NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds,GrossPositionValue,AccountType,$LEDGER',
    );
    await c.waitEvent(EventName.accountSummaryEnd, (a) => a[0] === id);
    const rows = c.of(EventName.accountSummary, id) as [number, string, string, string, string][];
    const byTag = new Map(rows.map((r) => [`${r[2]}/${r[4]}`, r[3]]));
    expect(Number(byTag.get('NetLiquidation/USD'))).toBeGreaterThan(900_000);
    expect(Number(byTag.get('GrossPositionValue/USD'))).toBeGreaterThan(0);
    expect(Number(byTag.get('BuyingPower/USD'))).toBeGreaterThan(Number(byTag.get('AvailableFunds/USD')));
    expect(byTag.get('AccountType/')).toBe('INDIVIDUAL');
    expect(byTag.has('CashBalance/USD')).toBe(true);
    expect(rows.every((r) => r[1] === ACCOUNT)).toBe(true);
    c.ib.cancelAccountSummary(id);
  });

  it('streams account updates: values, portfolio, update time, download end', async () => {
    const c = await suite.connect(3);
    c.ib.reqAccountUpdates(true, ACCOUNT);
    await c.waitEvent(EventName.accountDownloadEnd);
    const values = c.of(EventName.updateAccountValue) as [string, string, string, string][];
    expect(values.find((v) => v[0] === 'NetLiquidation' && v[2] === 'USD')?.[3]).toBe(ACCOUNT);
    const [contract, position, marketPrice, marketValue] = c.of(EventName.updatePortfolio)[0] as [
      Contract,
      number,
      number,
      number,
    ];
    expect(contract.symbol).toBe('AAPL');
    expect(position).toBeGreaterThan(0);
    expect(marketValue).toBeCloseTo(position * marketPrice, 0);
    expect(c.of(EventName.updateAccountTime)[0]?.[0]).toMatch(/^\d{2}:\d{2}$/);
    c.ib.reqAccountUpdates(false, ACCOUNT);
  });

  it('streams PnL for the account and for one position', async () => {
    const c = await suite.connect(4);
    const a = c.nextReqId();
    c.ib.reqPnL(a, ACCOUNT, '');
    const [, daily, unrealized, realized] = (await c.waitEvent(EventName.pnl, (x) => x[0] === a)) as number[];
    expect(typeof daily).toBe('number');
    expect(typeof unrealized).toBe('number');
    expect(typeof realized).toBe('number');
    const b = c.nextReqId();
    c.ib.reqPnLSingle(b, ACCOUNT, '', 265598);
    const [, pos, , , , value] = (await c.waitEvent(EventName.pnlSingle, (x) => x[0] === b)) as number[];
    expect(pos).toBeGreaterThan(0);
    expect(value).toBeGreaterThan(0);
    c.ib.cancelPnL(a);
    c.ib.cancelPnLSingle(b);
    const bad = c.nextReqId();
    c.ib.reqPnL(bad, 'DU000', '');
    await c.waitCode(321, bad);
    expect(version).toBeGreaterThan(0);
  });
});
