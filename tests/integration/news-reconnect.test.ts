// A news subscription survives a dropped connection: its tick line is a stream of the link, so the reconnect
// replays it on a fresh request id, and whatever TWS sends again reaches the window at most once per article.
import { afterEach, describe, expect, it } from 'vitest';
import { AAPL, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

describe('news across a reconnect', () => {
  it('replays the news line on a fresh id and sends no article twice', async () => {
    const { dropper, h } = await scene.startDroppable();
    const sub = await h.trading.news.subscribe('w', AAPL, 50);
    expect(sub.headlines.length).toBeGreaterThan(0);
    const line = () => h.trading.link.streams().find((s) => s.kind === 'news');
    const before = line()!.reqId;
    expect(before).not.toBeNull();

    expect(dropper.drop()).toBe(true);
    await waitFor(() => h.trading.link.status().state === 'reconnecting', 'the drop', 5_000);
    await waitFor(() => h.trading.link.status().state === 'ready', 'ready again', 15_000);
    await waitFor(() => line()?.reqId !== before && line()?.reqId !== null, 'the news line replayed', 5_000);
    expect(h.trading.news.open()).toBe(1);

    const sent = h.events
      .filter((e) => e.event === 'news')
      .flatMap((e) =>
        (e.payload as { headlines: { articleId: string }[] }).headlines.map((x) => x.articleId),
      );
    const all = [...sub.headlines.map((x) => x.articleId), ...sent];
    expect(new Set(all).size).toBe(all.length);
    h.trading.news.unsubscribe(sub.subId);
    expect(line()).toBeUndefined();
  });
});
