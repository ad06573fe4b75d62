// Switching an option chain at a full line budget, over TCP against the demo gateway, as the wire shows it: the
// new chain's at-the-money lines leave among the first messages (each after one of the old chain's cancels, so
// TWS never holds more lines than the budget), not behind all forty cancels at TWS's pace; and an order placed
// during the switch does not wait behind that market-data traffic.
import { afterEach, describe, expect, it } from 'vitest';
import { stockContract } from '../../src-main/demo-gateway/index';
import type { ResolvedContract } from '../../src-main/ib/adapter';
import { BUY_ONE_AAPL, secondExpiry, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

/** TWS's message ids (EClient's outgoing table): the ones this test reads off the wire. */
const REQ_MKT_DATA = '1';
const CANCEL_MKT_DATA = '2';
const PLACE_ORDER = '3';

const optionRef = (o: { conId: number; symbol: string }): ResolvedContract => ({
  conId: o.conId,
  symbol: o.symbol,
  secType: 'OPT',
  exchange: 'SMART',
  currency: 'USD',
});

describe('an option chain switched at a full line budget', () => {
  it("sends the new chain's first lines after one cancel each, never above the budget, and the order first", async () => {
    const gw = await scene.startGateway();
    const h = await scene.startTrading({
      dataDir: await scene.tempDir('ibdesk-chain-switch-'),
      prefs: { marketDataLines: 100, confirmOrders: false },
    });
    await h.connect(gw);
    const { options, marketData, link } = h.trading;

    // Every message the app writes, from before the first line: a request id names the same line throughout.
    const sent: string[][] = [];
    link.setTap({ opened: () => undefined, inbound: () => undefined, outbound: (f) => sent.push([...f]) });

    /** Forty option lines (twenty strikes × call and put) of an underlying's nearest expiry, at the money first. */
    async function chainLines(symbol: string, conId: number): Promise<ResolvedContract[]> {
      const rows = (await secondExpiry(options, { conId, symbol })).rows.filter((r) => r.call && r.put);
      const mid = Math.floor(rows.length / 2);
      const near = [...rows.keys()].sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid)).slice(0, 20);
      return near.flatMap((i) => [optionRef(rows[i]!.call!), optionRef(rows[i]!.put!)]);
    }
    const stocks = gw.universe.instruments.filter((i) => i.secType === 'STK');
    const msft = stocks.find((s) => s.symbol === 'MSFT')!;
    const watched = stocks.filter((s) => s.symbol !== 'MSFT').slice(0, 60);
    const oldChain = await chainLines('AAPL', 265598);
    const newChain = await chainLines('MSFT', msft.conId);
    expect(oldChain).toHaveLength(40);
    expect(newChain).toHaveLength(40);

    marketData.subscribe({ key: 'watchlist', clientId: 'w' }, watched.map(stockContract));
    marketData.subscribe({ key: 'chain', clientId: 'w' }, oldChain);
    expect(marketData.lines()).toEqual({ used: 100, budget: 100 });
    await waitFor(
      () => gw.subscriptions().marketData === 100 && link.queued() === 0,
      '100 lines at TWS',
      20_000,
    );

    const conIdOf = new Map<string, number>();
    for (const f of sent) if (f[0] === REQ_MKT_DATA) conIdOf.set(f[2]!, Number(f[3]));
    expect(conIdOf.size).toBe(100);
    const from = sent.length;

    // The pane switches from AAPL to MSFT: the old chain's lines go, the new chain's (at the money first) come.
    marketData.unsubscribe(
      { key: 'chain', clientId: 'w' },
      oldChain.map((c) => c.conId),
    );
    marketData.subscribe({ key: 'chain', clientId: 'w' }, newChain);
    expect(marketData.lines()).toEqual({ used: 100, budget: 100 });
    const placed = h.trading.orders.place(BUY_ONE_AAPL);

    const switched = () => sent.slice(from);
    await waitFor(
      () => switched().filter((f) => f[0] === REQ_MKT_DATA || f[0] === CANCEL_MKT_DATA).length >= 80,
      "the old chain's 40 cancels and the new chain's 40 requests",
      20_000,
    );
    await placed;
    await waitFor(() => gw.subscriptions().marketData === 100, 'the new chain at TWS', 10_000);

    const md = switched().filter((f) => f[0] === REQ_MKT_DATA || f[0] === CANCEL_MKT_DATA);
    expect(md).toHaveLength(80);
    // At the money (call and put) among the first four market-data messages: cancel, call, cancel, put.
    const firstRequests = md
      .slice(0, 4)
      .filter((f) => f[0] === REQ_MKT_DATA)
      .map((f) => Number(f[3]));
    expect(firstRequests).toEqual([newChain[0]!.conId, newChain[1]!.conId]);
    // The rest of the chain in the order it was asked for.
    expect(md.filter((f) => f[0] === REQ_MKT_DATA).map((f) => Number(f[3]))).toEqual(
      newChain.map((c) => c.conId),
    );
    // Every old line cancelled once, and TWS never holds more than the budget along the way.
    const cancelled = md.filter((f) => f[0] === CANCEL_MKT_DATA).map((f) => conIdOf.get(f[2]!));
    expect(new Set(cancelled)).toEqual(new Set(oldChain.map((c) => c.conId)));
    expect(cancelled).toHaveLength(40);
    let atTws = 100;
    let most = atTws;
    for (const f of md) {
      atTws += f[0] === REQ_MKT_DATA ? 1 : -1;
      most = Math.max(most, atTws);
    }
    expect(most).toBe(100);
    // The order did not queue behind that traffic: it left while the switch's market-data messages were still going.
    const all = switched();
    const orderAt = all.findIndex((f) => f[0] === PLACE_ORDER);
    const lastMarketData = all.findLastIndex((f) => f[0] === REQ_MKT_DATA || f[0] === CANCEL_MKT_DATA);
    expect(orderAt).toBeGreaterThanOrEqual(0);
    expect(orderAt).toBeLessThan(lastMarketData);
  }, 60_000);
});
