// The demo gateway's bench stamps (tickString 9901 "<seq>;<epoch ms>") reach the quote as its tickId, through the
// real link and tws adapter, so the renderer can time tick → paint; without stamps a quote carries none.
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { AAPL, startGateway, startTrading, type TradingHarness } from '../support/trading-harness';
import { waitFor } from '../support/wait';

let gw: DemoGateway | null = null;
let h: TradingHarness | null = null;
afterEach(async () => {
  await h?.stop();
  await gw?.close();
  h = null;
  gw = null;
});

describe('bench stamps', () => {
  it('carry an increasing tick id to the quotes of a stamped gateway', async () => {
    gw = await startGateway({ benchStamps: true, tickRate: 20 });
    h = await startTrading();
    await h.connect(gw);
    h.trading.marketData.subscribe({ key: 'w', clientId: 'w' }, [AAPL]);
    await waitFor(() => h!.quotes.filter((q) => q.quote.tickId !== undefined).length >= 3, 'stamped quotes');
    const ids = h.quotes.map((q) => q.quote.tickId).filter((id): id is number => id !== undefined);
    expect(ids.every((id, i) => i === 0 || id >= ids[i - 1]!)).toBe(true);
    expect(new Set(ids).size).toBeGreaterThan(1);
  });

  it('leave quotes without a tick id when the gateway does not stamp', async () => {
    gw = await startGateway({ tickRate: 20 });
    h = await startTrading();
    await h.connect(gw);
    h.trading.marketData.subscribe({ key: 'w', clientId: 'w' }, [AAPL]);
    await waitFor(() => h!.quotes.filter((q) => q.quote.last !== null).length >= 3, 'quotes');
    expect(h.quotes.some((q) => q.quote.tickId !== undefined)).toBe(false);
  });
});
