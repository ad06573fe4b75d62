// The depth service against the demo gateway over TCP: the book fills both sides in price order from TWS's
// inserts, keeps updating, and after a dropped socket it is emptied (`pending`, no rows) before the replayed
// request fills it again, never a mix of the two connections' rows.
import { afterEach, describe, expect, it } from 'vitest';
import type { DepthBook } from '../../src-shared/domain/depth';
import { AAPL, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

describe('depth service over the demo gateway', () => {
  it('fills a sorted book, and rebuilds it from empty after a reconnect', async () => {
    const { dropper, h } = await scene.startDroppable();
    const first = h.trading.depth.subscribe('w1', AAPL);
    expect(first).toMatchObject({ conId: AAPL.conId });
    const books = () => h.events.filter((e) => e.event === 'depth').map((e) => e.payload as DepthBook);
    const full = (b: DepthBook) => b.state === 'live' && b.bids.length >= 10 && b.asks.length >= 10;
    await waitFor(() => books().some(full), 'a book with 10 rows a side', 10_000);
    const book = books().findLast(full)!;
    const bidPrices = book.bids.map((r) => r.price);
    const askPrices = book.asks.map((r) => r.price);
    expect(bidPrices).toEqual([...bidPrices].sort((a, b) => b - a));
    expect(askPrices).toEqual([...askPrices].sort((a, b) => a - b));
    expect(bidPrices[0]!).toBeLessThan(askPrices[0]!);
    expect(h.events.filter((e) => e.event === 'depth').every((e) => e.clientId === 'w1')).toBe(true);

    const before = books().length;
    expect(dropper.drop()).toBe(true);
    await waitFor(
      () => books().length > before && books().slice(before).some(full),
      'the book again',
      20_000,
    );
    const after = books().slice(before);
    const firstAfter = after.findIndex((b) => b.bids.length > 0 || b.asks.length > 0);
    expect(after[0]).toMatchObject({ state: 'pending', bids: [], asks: [] });
    expect(firstAfter).toBeGreaterThan(0);
    expect(h.trading.depth.lines()).toBe(1);
    h.trading.depth.unsubscribe('w1', AAPL.conId);
    expect(h.trading.depth.lines()).toBe(0);
  }, 45_000);
});
