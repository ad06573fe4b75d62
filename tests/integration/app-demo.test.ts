// The whole contract as a window uses it, over the web host's WebSocket, with the Demo profile on the embedded
// demo gateway: every result is checked against its schema (validateResults).
import { afterEach, describe, expect, it } from 'vitest';
import type { Headline, NewsArticle, NewsProvider } from '../../src-shared/domain/news';
import { createDemoEndpoint, startDemoGateway } from '../../src-main/demo-profile';
import type { Harness } from '../support/app-harness';
import { ApiClient, buyAaplAndFill, callOk, eventsOf, startHarness } from '../support/app-harness';
import { waitFor } from '../support/wait';

let h: Harness | null = null;
let demo: ReturnType<typeof createDemoEndpoint> | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
  await demo?.stop();
  demo = null;
});

const call = callOk;
const of = eventsOf;

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };

describe('the app on the Demo profile', () => {
  it('serves quotes, scans, bars, orders and the portfolio through the contract', async () => {
    demo = createDemoEndpoint();
    h = await startHarness({ demoEndpoint: demo.endpoint, autoConnect: true });
    const c = await ApiClient.open(h.host);
    await waitFor(() => of(c, 'connection').some((e) => e.payload.state === 'ready'), 'ready', 20_000);

    const matches = await call<{ symbol: string }[]>(c, 'contracts.search', { pattern: 'AAP' });
    expect(matches.some((m) => m.symbol === 'AAPL')).toBe(true);
    const details = await call<{ conId: number; minTick: number }[]>(c, 'contracts.details', {
      conId: 265598,
    });
    expect(details[0]).toMatchObject({ conId: 265598, minTick: 0.01 });

    const sub = await call<{ quotes: { state: string }[] }>(c, 'quotes.subscribe', { contracts: [AAPL] });
    expect(sub.quotes).toHaveLength(1);
    await waitFor(
      () =>
        of(c, 'quotes').some((e) =>
          e.payload.quotes.some((q) => q.conId === 265598 && q.last !== null && q.state === 'live'),
        ),
      'live AAPL quote',
    );

    const params = await call<{ scanTypes: { code: string }[]; locations: { code: string }[] }>(
      c,
      'scanner.params',
    );
    expect(params.scanTypes.map((s) => s.code)).toEqual(
      expect.arrayContaining(['TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME']),
    );
    expect(params.locations.map((l) => l.code)).toContain('STK.US.MAJOR');
    const { scanId } = await call<{ scanId: string }>(c, 'scanner.start', {
      scanCode: 'HOT_BY_VOLUME',
      rows: 15,
    });
    await waitFor(
      () => of(c, 'scan').some((e) => e.payload.scanId === scanId && e.payload.rows.length === 15),
      'scan rows',
    );

    // A day in seconds, not "1 D": the demo's day just after midnight New York time holds a handful of bars.
    const hist = await call<{ bars: { time: number }[]; fromCache: boolean }>(c, 'history.get', {
      contract: AAPL,
      barSize: '5 mins',
      duration: '86400 S',
    });
    expect(hist.bars.length).toBeGreaterThan(50);
    expect(
      (
        await call<{ fromCache: boolean }>(c, 'history.get', {
          contract: AAPL,
          barSize: '5 mins',
          duration: '86400 S',
        })
      ).fromCache,
    ).toBe(true);
    const live = await call<{ subId: string; bars: unknown[] }>(c, 'history.subscribe', {
      contract: AAPL,
      barSize: '5 secs',
      duration: '600 S',
    });
    expect(live.bars.length).toBeGreaterThan(10);
    await waitFor(
      () => of(c, 'bars').some((e) => e.payload.subId === live.subId),
      'a live bar update',
      15_000,
    );

    const id = await buyAaplAndFill(c, 2);
    await waitFor(
      () =>
        of(c, 'executions').some((e) =>
          e.payload.executions.some((x) => x.orderId === id && x.commission !== null),
        ),
      'execution with commission',
    );
    const list = await call<{ orderId: number; status: string }[]>(c, 'orders.list');
    expect(list.find((o) => o.orderId === id)?.status).toBe('Filled');
    expect((await call<{ orderId: number }[]>(c, 'executions.list')).some((x) => x.orderId === id)).toBe(
      true,
    );

    const bid = (await call<{ quotes: { bid: number }[] }>(c, 'quotes.subscribe', { contracts: [AAPL] }))
      .quotes[0]!.bid;
    const price = (f: number) => Math.round(bid * f * 100) / 100;
    const resting = await call<{ orderIds: number[] }>(c, 'orders.place', {
      contract: { symbol: 'AAPL' },
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: price(0.95),
      tif: 'GTC',
    });
    await waitFor(
      () =>
        of(c, 'orders').some((e) =>
          e.payload.orders.some((o) => o.orderId === resting.orderIds[0] && o.status === 'Submitted'),
        ),
      'resting order',
    );
    await call(c, 'orders.modify', { orderId: resting.orderIds[0], limitPrice: price(0.94) });
    await waitFor(
      () =>
        of(c, 'orders').some((e) =>
          e.payload.orders.some((o) => o.orderId === resting.orderIds[0] && o.limitPrice === price(0.94)),
        ),
      'modified',
    );
    await call(c, 'orders.cancel', { orderId: resting.orderIds[0] });
    await waitFor(
      () =>
        of(c, 'orders').some((e) =>
          e.payload.orders.some((o) => o.orderId === resting.orderIds[0] && o.status === 'Cancelled'),
        ),
      'cancelled',
    );

    await waitFor(
      () =>
        of(c, 'portfolio').some((e) =>
          e.payload.positions.some((p) => p.contract.symbol === 'AAPL' && p.position === 2),
        ),
      'position',
    );
    const pf = await call<{ accounts: { netLiquidation: number | null }[] }>(c, 'portfolio.get');
    expect(pf.accounts[0]!.netLiquidation).toBeGreaterThan(0);

    const g = await call<{ lines: { used: number }; scannerSlots: { used: number } }>(c, 'gauges.get');
    expect(g.lines.used).toBeGreaterThanOrEqual(1);
    expect(g.scannerSlots.used).toBe(1);
    await waitFor(() => of(c, 'gauges').length > 0, 'gauges event');

    // The window goes: its lines, scans and charts are released.
    c.close();
    await waitFor(
      () => h!.app.trading.gauges().scannerSlots.used === 0 && h!.app.trading.marketData.lines().used === 0,
      'released',
    );
  }, 60_000);
  it("carries the demo gateway's bench stamps (npm run bench) as the probe of quotes events, beside their quote", async () => {
    demo = createDemoEndpoint(() => startDemoGateway({ gateway: { benchStamps: true } }));
    h = await startHarness({ demoEndpoint: demo.endpoint, autoConnect: true, benchProbe: true });
    const c = await ApiClient.open(h.host);
    await waitFor(() => of(c, 'connection').some((e) => e.payload.state === 'ready'), 'ready', 20_000);
    const before = Date.now();
    await call(c, 'quotes.subscribe', { contracts: [AAPL] });
    const stamped = () => of(c, 'quotes').filter((e) => (e.payload.probe ?? []).length > 0);
    const stamps = () => stamped().flatMap((e) => e.payload.probe ?? []);
    await waitFor(() => new Set(stamps().map((p) => p.tickId)).size >= 2, 'two stamped AAPL frames', 20_000);
    // Each stamp travels in the frame that carries its instrument's quote; the quotes carry no stamp.
    for (const e of stamped())
      for (const p of e.payload.probe ?? []) expect(e.payload.quotes.map((q) => q.conId)).toContain(p.conId);
    for (const e of of(c, 'quotes')) for (const q of e.payload.quotes) expect(q).not.toHaveProperty('tickId');
    const [a, b] = [...new Map(stamps().map((p) => [p.tickId, p])).values()];
    expect(a!.conId).toBe(265598);
    expect(b!.tickId).toBeGreaterThan(a!.tickId);
    expect(a!.tickAt).toBeGreaterThanOrEqual(before - 1);
    expect(b!.tickAt).toBeLessThanOrEqual(Date.now() + 1);
    expect(b!.tickAt).toBeGreaterThanOrEqual(a!.tickAt);
  });

  it('serves news: providers, a symbol’s headlines newest first, articles in their forms, typed errors', async () => {
    demo = createDemoEndpoint();
    h = await startHarness({ demoEndpoint: demo.endpoint, autoConnect: true });
    const c = await ApiClient.open(h.host);
    await waitFor(() => of(c, 'connection').some((e) => e.payload.state === 'ready'), 'ready', 20_000);

    const providers = await call<NewsProvider[]>(c, 'news.providers');
    expect(providers.map((p) => p.code)).toEqual(['BRFG', 'BRFUPDN', 'DJNL', 'DEMO']);
    const sub = await call<{ subId: string; headlines: Headline[] }>(c, 'news.subscribe', {
      contract: AAPL,
      limit: 300,
    });
    expect(sub.headlines.length).toBeGreaterThan(0);
    const times = sub.headlines.map((x) => x.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(sub.headlines.every((x) => !x.headline.startsWith('{'))).toBe(true);

    const first = sub.headlines[0]!;
    const article = await call<NewsArticle>(c, 'news.article', { articleId: first.articleId });
    expect(article).toMatchObject({ articleId: first.articleId, providerCode: first.providerCode });
    expect(article.body.length).toBeGreaterThan(20);
    // The window sanitizes: main passes the hostile article through as the provider sent it.
    const hostile = await call<NewsArticle>(c, 'news.article', { articleId: 'DEMO$0badc0de' });
    expect(hostile).toMatchObject({ kind: 'html', body: expect.stringContaining('<script>') });

    expect(await c.call('news.article', { articleId: 'BRFG$deadbeef' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', twsCode: 10172 },
    });
    expect(await c.call('news.article', { articleId: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call(c, 'news.unsubscribe', { subId: sub.subId })).toBeNull();
  });
});
