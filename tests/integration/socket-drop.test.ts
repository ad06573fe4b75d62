// The reconnect hook of the paper suite: the link's `createApi` lets a caller close the current socket from inside
// the process; the link takes it for a drop, reconnects with back-off and replays its streams on fresh ids.
import { afterEach, describe, expect, it } from 'vitest';
import { createSocketDropper } from '../../src-main/paper/socket-drop';
import { AAPL, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

describe('dropping the link’s own socket', () => {
  it('is seen as a lost connection: reconnect with back-off, streams replayed and delivering again', async () => {
    const gw = await scene.startGateway();
    const dropper = createSocketDropper();
    expect(dropper.drop()).toBe(false);
    const h = await scene.startTrading({ link: { createApi: dropper.createApi } });
    await h.connect(gw);
    h.trading.marketData.subscribe({ key: 'w', clientId: 'w' }, [AAPL]);
    await waitFor(() => h.quotes.some((q) => q.quote.last !== null), 'a quote');
    const reqIdBefore = h.trading.link.streams().find((s) => s.kind === 'quotes')!.reqId;
    const states: string[] = [];
    h.trading.link.onStatus((s) => states.push(s.state));

    expect(dropper.drop()).toBe(true);
    await waitFor(() => states.includes('reconnecting'), 'the drop to be noticed', 5_000);
    expect(h.trading.link.status().reason).toBe('TWS closed the connection');
    await waitFor(() => h.trading.link.status().state === 'ready', 'ready again', 15_000);
    const readyAt = Date.now();
    expect(dropper.created()).toBe(2);
    await waitFor(
      () => h.quotes.some((q) => q.at >= readyAt && q.quote.state === 'live'),
      'live quotes again',
      15_000,
    );
    const quotes = h.trading.link.streams().find((s) => s.kind === 'quotes')!;
    expect(quotes.reqId).not.toBe(reqIdBefore);
    // The old socket is gone on the gateway's side too: one connection of this client id, the new one.
    const conns = gw.connections().filter((c) => c.clientId === h.clientId);
    expect(conns).toHaveLength(1);
    expect(conns[0]!.connectedAt).toBeGreaterThanOrEqual(readyAt - 15_000);
  }, 45_000);
});
