// The tape service against the demo gateway over TCP: the trades before now come from reqHistoricalTicks (oldest
// first), then live AllLast prints arrive in batches, each marked against the quote once the quote is in.
import { afterEach, describe, expect, it } from 'vitest';
import type { TapeBatch } from '../../src-shared/domain/tape';
import { AAPL, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

describe('tape service over the demo gateway', () => {
  it('answers history, then streams live prints', async () => {
    const gw = await scene.startGateway();
    const h = await scene.startTrading();
    await h.connect(gw);
    h.trading.marketData.subscribe({ key: 'w1', clientId: 'w1' }, [AAPL]);
    const { prints } = await h.trading.tape.subscribe('w1', AAPL);
    expect(prints.length).toBeGreaterThan(0);
    const times = prints.map((p) => p.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(prints.every((p) => p.price > 0 && p.size >= 0)).toBe(true);
    const batches = () => h.events.filter((e) => e.event === 'tape').map((e) => e.payload as TapeBatch);
    await waitFor(
      () => batches().some((b) => b.prints.some((p) => p.at !== null)),
      'a live print marked',
      20_000,
    );
    expect(batches().every((b) => b.conId === AAPL.conId && !b.gap)).toBe(true);
    h.trading.tape.unsubscribe('w1', AAPL.conId);
    expect(h.trading.link.streams().filter((s) => s.kind === 'tape')).toHaveLength(0);
  }, 45_000);
});
