// Option orders at server versions 157, 176 and 193, driven by @stoqey/ib over TCP: a market order fills at the
// option's own ask and everything after it carries the option contract (openOrder, execution, position,
// portfolio) with the multiplier applied (commission per contract, cash and values × 100, PnL); a limit rests
// until it is marketable; an underspecified or unlisted option is refused with TWS's codes; an option position
// survives a restart with the state file.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract, Execution, Order } from '@stoqey/ib';
import {
  ACCOUNT,
  connect,
  conformanceSuite,
  optionsNearTheMoney,
  order,
  startGateway,
  stateFileForSuite,
} from './helpers';
import type { Client } from './helpers';

describe.each([157, 176, 193])('option orders at server version %i', (version) => {
  const suite = conformanceSuite({ maxServerVersion: version, seed: 9 });
  let c: Client;
  let nextId = 1;

  const connectAs = async (clientId: number): Promise<void> => {
    c = await suite.connect(clientId);
    nextId = c.of(EventName.nextValidId)[0]?.[0] as number;
  };
  const status = (id: number): string | undefined => c.of(EventName.orderStatus, id).at(-1)?.[1] as string;
  const place = (contract: Contract, o: Order): number => {
    const id = nextId++;
    c.ib.placeOrder(id, contract, o);
    return id;
  };

  const calls = async (): Promise<Contract[]> =>
    (await optionsNearTheMoney(c, suite.gw)).map((d) => d.contract);

  it('fills a market order at the option’s ask; execution, commission, position, portfolio and PnL use × 100', async () => {
    await connectAs(1);
    const [atm] = await calls();
    const conId = atm?.conId as number;
    const ask = suite.gw.quote(conId)?.ask as number;
    const id = place(
      { conId, exchange: 'SMART' },
      order({ action: 'BUY', orderType: 'MKT', totalQuantity: 2 }),
    );
    await c.waitFor(() => status(id) === 'Filled', `order ${id} filled`);

    const [, contract, exec] = c
      .of(EventName.execDetails)
      .find((a) => (a[2] as Execution).orderId === id) as [number, Contract, Execution];
    expect(contract).toMatchObject({
      conId,
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDateOrContractMonth: atm?.lastTradeDateOrContractMonth,
      strike: atm?.strike,
      right: 'C',
      multiplier: 100,
      localSymbol: atm?.localSymbol,
      tradingClass: 'AAPL',
      exchange: 'CBOE',
    });
    expect(exec).toMatchObject({ side: 'BOT', shares: 2, exchange: 'CBOE', cumQty: 2 });
    // The ask moves with the underlying between the request and the fill: within a few cents here.
    expect(Math.abs((exec.price as number) - ask)).toBeLessThan(0.5);
    const report = await c.waitFor(
      () => c.of(EventName.commissionReport).find((a) => (a[0] as { execId: string }).execId === exec.execId),
      'commission',
    );
    expect((report[0] as { commission: number }).commission).toBe(1.3);
    const open = c.of(EventName.openOrder, id).at(-1) as [number, Contract, Order];
    expect(open[1]).toMatchObject({
      conId,
      secType: 'OPT',
      strike: atm?.strike,
      right: 'C',
      multiplier: 100,
    });

    c.ib.reqPositions();
    const pos = await c.waitFor(
      () => c.of(EventName.position).find((a) => (a[1] as Contract).conId === conId),
      'position',
    );
    expect(pos[1]).toMatchObject({ secType: 'OPT', strike: atm?.strike, right: 'C', multiplier: 100 });
    expect(pos[2]).toBe(2);
    expect(pos[3]).toBeCloseTo((exec.price as number) * 100 + 0.65, 2);

    c.ib.reqAccountUpdates(true, ACCOUNT);
    const pf = await c.waitFor(
      () => c.of(EventName.updatePortfolio).find((a) => (a[0] as Contract).conId === conId),
      'portfolio',
    );
    const [pfContract, qty, marketPrice, marketValue, avgCost] = pf as [
      Contract,
      number,
      number,
      number,
      number,
    ];
    expect(pfContract).toMatchObject({ secType: 'OPT', strike: atm?.strike, right: 'C', multiplier: 100 });
    expect(qty).toBe(2);
    expect(marketValue).toBeCloseTo(2 * marketPrice * 100, 1);
    expect(avgCost).toBeCloseTo((exec.price as number) * 100 + 0.65, 2);
    const values = suite.gw.accountValues(ACCOUNT);
    expect(Number(values.NetLiquidation)).toBeGreaterThan(0);
    c.ib.reqAccountUpdates(false, ACCOUNT);

    const pnlId = c.nextReqId();
    c.ib.reqPnLSingle(pnlId, ACCOUNT, '', conId);
    const pnl = (await c.waitEvent(EventName.pnlSingle, (a) => a[0] === pnlId)) as number[];
    expect(pnl[1]).toBe(2);
    const last = suite.gw.quote(conId)?.last as number;
    expect(Math.abs((pnl[5] as number) - 2 * last * 100)).toBeLessThan(2 * 100 * 0.5);
    c.ib.cancelPnLSingle(pnlId);
  });

  it('rests a limit below the bid, fills it once re-placed above the ask; refuses bad option orders', async () => {
    await connectAs(2);
    const [, second] = await calls();
    const conId = second?.conId as number;
    const q = suite.gw.quote(conId);
    // Far below the bid and on the grid ($0.01 steps below $3).
    const low = (q?.bid as number) > 1 ? 0.5 : 0.01;
    const id = place(
      { conId, exchange: 'SMART' },
      order({ action: 'BUY', orderType: 'LMT', totalQuantity: 1, lmtPrice: low }),
    );
    await c.waitFor(() => status(id) === 'Submitted', 'resting');
    await new Promise((r) => setTimeout(r, 600));
    expect(status(id)).toBe('Submitted');
    const high = Math.ceil((q?.ask as number) * 1.5 * 20) / 20;
    c.ib.placeOrder(
      id,
      { conId, exchange: 'SMART' },
      order({ action: 'BUY', orderType: 'LMT', totalQuantity: 1, lmtPrice: high }),
    );
    await c.waitFor(() => status(id) === 'Filled', 'filled after the change');
    const avg = c.of(EventName.orderStatus, id).at(-1)?.[4] as number;
    expect(avg).toBeLessThan(high);

    // Right, strike or expiry missing without an OCC symbol: 321, as TWS answers.
    const vague = place(
      { symbol: 'AAPL', secType: 'OPT', exchange: 'SMART', currency: 'USD' } as Contract,
      order({ action: 'BUY', orderType: 'MKT', totalQuantity: 1 }),
    );
    expect(await c.waitCode(321, vague)).toContain(
      'please fill the following fields (right, strike, expiry)',
    );
    // Off the option's tick grid (a penny class: $0.05 from $3): 110.
    const off = place(
      { conId, exchange: 'SMART' },
      order({ action: 'BUY', orderType: 'LMT', totalQuantity: 1, lmtPrice: 3.01 }),
    );
    await c.waitCode(110, off);
    // An option that is not listed: 200.
    const missing = place(
      {
        symbol: 'AAPL',
        secType: 'OPT',
        lastTradeDateOrContractMonth: second?.lastTradeDateOrContractMonth,
        strike: 100_000,
        right: 'P',
        exchange: 'SMART',
        currency: 'USD',
      } as Contract,
      order({ action: 'BUY', orderType: 'MKT', totalQuantity: 1 }),
    );
    await c.waitCode(200, missing);
  });
});

describe('option positions in the state file', () => {
  const statePath = stateFileForSuite();

  it('keep an option position and its cash across a gateway restart', async () => {
    const first = await startGateway({ statePath, seed: 4 });
    const c = await connect(first, 1);
    try {
      const [put] = await optionsNearTheMoney(c, first, 'P', 4);
      const id = c.of(EventName.nextValidId)[0]?.[0] as number;
      const contract = { conId: put?.contract.conId, exchange: 'SMART' } as Contract;
      c.ib.placeOrder(id, contract, order({ action: 'BUY', orderType: 'MKT', totalQuantity: 3 }));
      await c.waitFor(() => c.of(EventName.orderStatus, id).some((a) => a[1] === 'Filled'), 'filled');
    } finally {
      c.close();
    }
    const held = first.positions();
    const cash = first.accountValues(ACCOUNT).TotalCashValue;
    await first.close();

    const second = await startGateway({ statePath, seed: 4 });
    try {
      expect(held).toEqual([expect.objectContaining({ symbol: 'AAPL', secType: 'OPT', position: 3 })]);
      expect(second.positions()).toEqual(held);
      expect(second.accountValues(ACCOUNT).TotalCashValue).toBe(cash);
    } finally {
      await second.close();
    }
  });
});
