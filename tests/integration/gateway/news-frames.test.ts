// The news model's message bodies as @stoqey/ib decodes them: fed to IBApi's own framing and decoder (no socket),
// every news message becomes its event with the values the model made, and no decoding error is raised. The
// gateway's handlers are not wired yet; this pins the layouts they will send.
import { EventName } from '@stoqey/ib';
import type { IBApi } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { createIbApi } from '../../../src-main/ib/connection/index';
import {
  NEWS_PROVIDERS,
  bulletinsBetween,
  createNewsModel,
  historicalNewsEndMessage,
  historicalNewsMessage,
  newsArticleMessage,
  newsBulletinMessage,
  newsProvidersMessage,
  newsTick,
  tickNewsMessage,
} from '../../../src-main/demo-gateway/news';

function framed(body: string): Buffer {
  const b = Buffer.from(body, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

/** An IBApi whose socket is fed from memory after a handshake at `version` (as bench/suites/ingest.ts does). */
async function offline(
  version: number,
): Promise<{ api: IBApi; feed(body: string): void; errors: unknown[] }> {
  const api = createIbApi({ host: '127.0.0.1', port: 1, clientId: 0 });
  const socket = (api as unknown as { controller: { socket: { onData(b: Buffer): void; _status: number } } })
    .controller.socket;
  socket._status = 1;
  const errors: unknown[] = [];
  api.on(EventName.error, (e, code) => errors.push([String(e), code]));
  socket.onData(framed(`${version}\x0020260709 09:30:00 EST\0`));
  socket.onData(framed('9\x001\x001\0'));
  socket.onData(framed('15\x001\x00DU1234567\0'));
  await new Promise((r) => setTimeout(r, 10));
  return { api, feed: (body) => socket.onData(framed(body)), errors };
}

describe.each([157, 176, 193])('news messages at server version %i', (version) => {
  it('decode into their events with the model values', async () => {
    const { api, feed, errors } = await offline(version);
    const seen: Record<string, unknown[][]> = {};
    // One untyped listener for several events: IBApi's overloads type each event separately.
    const emitter = api as unknown as { on(ev: string, fn: (...args: unknown[]) => void): void };
    const on = (ev: EventName): void => {
      emitter.on(ev, (...args: unknown[]) => (seen[ev] ??= []).push(args));
    };
    for (const ev of [
      EventName.newsProviders,
      EventName.historicalNews,
      EventName.historicalNewsEnd,
      EventName.newsArticle,
      EventName.tickNews,
      EventName.updateNewsBulletin,
    ])
      on(ev);

    const model = createNewsModel({ seed: 4 });
    const open = Date.UTC(2026, 6, 9, 13, 30);
    const items = model.add([
      { time: open, conId: 265598, symbol: 'AAPL', kind: 'gap', magnitude: 4.2, name: 'Apple Inc' },
      { time: open + 3_600_000, conId: 265598, symbol: 'AAPL', kind: 'big-move', magnitude: -12 },
    ]);
    const hist = model.historical({
      conId: 265598,
      providerCodes: 'BRFG+BRFUPDN+DEMO',
      startDateTime: '',
      endDateTime: '',
      totalResults: 2,
    });
    const article = model.article(items[1]!.providerCode, items[1]!.articleId)!;
    const [bulletin] = bulletinsBetween(1, open - 86_400_000, open);

    feed(newsProvidersMessage(NEWS_PROVIDERS));
    for (const row of hist.rows) feed(historicalNewsMessage(9001, row));
    feed(historicalNewsEndMessage(9001, hist.hasMore));
    feed(newsArticleMessage(9002, article));
    feed(tickNewsMessage(5, newsTick(items[0]!)));
    feed(newsBulletinMessage(bulletin!));
    await new Promise((r) => setTimeout(r, 10));
    api.disconnect();

    expect(errors).toEqual([]);
    expect(seen[EventName.newsProviders]).toEqual([
      [NEWS_PROVIDERS.map((p) => ({ providerCode: p.code, providerName: p.name }))],
    ]);
    expect(seen[EventName.historicalNews]).toEqual(
      hist.rows.map((r) => [9001, r.time, r.providerCode, r.articleId, r.headline]),
    );
    expect(seen[EventName.historicalNewsEnd]).toEqual([[9001, true]]);
    expect(seen[EventName.newsArticle]).toEqual([[9002, 0, article.articleText]]);
    const t = items[0]!;
    expect(seen[EventName.tickNews]).toEqual([
      [5, t.time, t.providerCode, t.articleId, t.headline, t.extraData],
    ]);
    expect(seen[EventName.updateNewsBulletin]).toEqual([
      [bulletin!.msgId, bulletin!.msgType, bulletin!.message, bulletin!.origExchange],
    ]);
  });
});
