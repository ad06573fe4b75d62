// An option chain across a TWS drop, over TCP against the demo gateway: the chain's option lines (quotes, model
// greeks and open interest from generic tick 101) are replayed by the stream registry on fresh request ids after
// the link's own socket is closed, no more lines than before (the budget holds), and deliver again.
import { afterEach, describe, expect, it } from 'vitest';
import { AAPL, secondExpiry, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

describe('an option chain across a reconnect', () => {
  it('gets its option lines back, with greeks and open interest, on fresh ids and within the budget', async () => {
    const { gw, dropper, h } = await scene.startDroppable({ prefs: { marketDataLines: 12 } });
    const { options, marketData, link } = h.trading;

    const expiry = await secondExpiry(options, { conId: AAPL.conId, symbol: 'AAPL' });
    marketData.subscribe({ key: 'chain', clientId: 'w' }, [AAPL]);
    await waitFor(() => marketData.quote(AAPL.conId)?.last != null, 'AAPL last');
    const spot = marketData.quote(AAPL.conId)!.last!;
    // The five strikes nearest the money, calls and puts: ten option lines and the underlying's, in a budget of 12.
    const near = [...expiry.rows]
      .sort((a, b) => Math.abs(a.strike - spot) - Math.abs(b.strike - spot))
      .slice(0, 5)
      .flatMap((r) => [r.call, r.put])
      .filter((o) => o !== null)
      .map((o) => ({
        conId: o.conId,
        symbol: o.symbol,
        secType: o.secType,
        exchange: 'SMART',
        currency: 'USD',
      }));
    expect(near).toHaveLength(10);
    marketData.subscribe({ key: 'chain', clientId: 'w' }, near);
    const complete = (since: number) =>
      near.every((o) =>
        h.quotes.some(
          ({ at, quote: q }) =>
            at >= since &&
            q.conId === o.conId &&
            q.greeks?.delta != null &&
            (q.openInterest ?? null) !== null &&
            q.bid !== null,
        ),
      );
    await waitFor(() => complete(0), 'greeks and open interest of the ten option lines', 15_000);
    const idsBefore = new Set(
      link
        .streams()
        .filter((s) => s.kind === 'quotes')
        .map((s) => s.reqId),
    );
    const linesBefore = marketData.lines();
    expect(linesBefore).toEqual({ used: 11, budget: 12 });

    expect(dropper.drop()).toBe(true);
    await waitFor(() => link.status().state === 'reconnecting', 'the drop to be noticed', 5_000);
    await waitFor(() => link.status().state === 'ready', 'ready again', 15_000);
    const readyAt = Date.now();
    await waitFor(() => complete(readyAt), 'greeks and open interest again after the reconnect', 15_000);

    const after = link.streams().filter((s) => s.kind === 'quotes');
    expect(after).toHaveLength(11);
    for (const s of after) expect(idsBefore.has(s.reqId)).toBe(false);
    expect(marketData.lines()).toEqual(linesBefore);
    // One connection of this client on the gateway, holding the same eleven lines: nothing left over from the old one.
    const conns = gw.connections().filter((c) => c.clientId === h.clientId);
    expect(conns).toHaveLength(1);
  }, 60_000);
});
