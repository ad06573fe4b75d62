import { describe, expect, it } from 'vitest';
import type { AlertFired, AlertView } from '../../../src-shared/domain/alerts';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import type { Bar } from '../../../src-shared/domain/bar';
import type { Execution } from '../../../src-shared/domain/order';
import { emptyQuote, type Quote } from '../../../src-shared/domain/quote';
import { silentLogger } from '../../../src-shared/logger';
import type { AppError } from '../../../src-shared/result';
import { createManualClock } from '../../../tests/support/manual-clock';
import type { AlertsDoc, AlertsStore } from '../../config/alerts-store';
import type { Notice } from '../../config/settings-store';
import { createAlertsService, type AlertLines } from './index';

const AAPL = { symbol: 'AAPL', conId: 265598 };
const MSFT = { symbol: 'MSFT', conId: 272093 };

type SeriesSub = { subId: string; conId: number; barSize: string; duration: string };

function setup(
  opts: { budget?: number; docs?: Record<string, AlertsDoc>; known?: boolean | null; history?: Bar[] } = {},
) {
  const clock = createManualClock();
  const docs: Record<string, AlertsDoc> = opts.docs ?? {};
  const store: AlertsStore = {
    load: async (id) => structuredClone(docs[id] ?? { alerts: [], history: [] }),
    save: async (id, doc) => void (docs[id] = structuredClone(doc)),
  };
  const budget = opts.budget ?? 100;
  const lines = new Map<number, Quote>();
  const holders: string[] = [];
  const lineApi: AlertLines = {
    subscribe(holder, contracts) {
      holders.push(holder.clientId);
      return contracts.map((c) => {
        // A line another pane already holds is shared, with its quote as it stands.
        const q = lines.get(c.conId) ?? emptyQuote(c.conId, lines.size < budget ? 'pending' : 'no-line');
        lines.set(c.conId, q);
        return q;
      });
    },
    unsubscribe: (_h, conIds) => conIds.forEach((c) => lines.delete(c)),
    quote: (conId) => lines.get(conId),
  };
  let state: ConnectionState = 'ready';
  const stateListeners = new Set<(s: ConnectionState) => void>();
  const changes: AlertView[][] = [];
  const fired: AlertFired[] = [];
  const notices: Notice[] = [];
  let n = 0;
  const series: SeriesSub[] = [];
  const unsubscribed: string[] = [];
  const service = createAlertsService({
    bars: {
      subscribe: async (p) => {
        const subId = `bars-${series.length + 1}`;
        series.push({ subId, conId: p.contract.conId, barSize: p.barSize, duration: p.duration });
        return { subId, bars: opts.history ?? [] };
      },
      unsubscribe: (subId) => void unsubscribed.push(subId),
    },
    store,
    lines: lineApi,
    connection: {
      state: () => state,
      onState: (l) => (stateListeners.add(l), () => stateListeners.delete(l)),
    },
    knownConId: async () => (opts.known === undefined ? true : opts.known),
    clock,
    log: silentLogger,
    changed: (list) => changes.push(list),
    fired: (e) => fired.push(e),
    notice: (x) => notices.push(x),
    newId: () => `a${++n}`,
  });
  const quote = (conId: number, last: number, more: Partial<Quote> = {}) => {
    clock.advance(1000);
    const q: Quote = { ...emptyQuote(conId, 'live'), last, close: 100, ...more };
    if (lines.has(conId)) lines.set(conId, q);
    service.onQuotes([q]);
  };
  const setState = (s: ConnectionState) => {
    state = s;
    for (const l of stateListeners) l(s);
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    service,
    clock,
    docs,
    lines,
    holders,
    changes,
    fired,
    notices,
    quote,
    setState,
    flush,
    series,
    unsubscribed,
  };
}

describe('alerts service', () => {
  it('holds a line for the symbol, fires once on a crossing of the quotes main publishes, then lets the line go', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    const v = await t.service.create({ kind: 'price-cross', symbol: AAPL, level: 100, direction: 'up' });
    expect(v.alert).toMatchObject({ id: 'a1', createdAt: t.clock.now(), enabled: true });
    expect(t.holders).toEqual(['main:alerts']);
    expect(t.lines.has(AAPL.conId)).toBe(true);
    t.quote(AAPL.conId, 99);
    t.quote(AAPL.conId, 101);
    t.quote(AAPL.conId, 99);
    t.quote(AAPL.conId, 101);
    expect(t.fired.map((f) => f.text)).toEqual(['AAPL crossed above 100 (last 101)']);
    await t.flush();
    expect(t.lines.has(AAPL.conId)).toBe(false); // spent: no line held
    expect(t.service.list()[0]!.watch).toBe('spent');
    await t.service.saved();
    expect(t.docs.demo!.alerts[0]!.lastFiredAt).toBe(t.fired[0]!.at);
    expect(t.docs.demo!.history.map((h) => h.symbol)).toEqual(['AAPL']);
    expect(t.service.history(10)).toEqual(t.fired);
  });

  it('ignores quotes that are not readings (pending, stale, no line) and quotes of symbols it does not watch', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'price-touch', symbol: AAPL, level: 100 });
    t.quote(AAPL.conId, 99);
    t.quote(AAPL.conId, 101, { state: 'stale' });
    t.quote(MSFT.conId, 101);
    expect(t.fired).toEqual([]);
    t.quote(AAPL.conId, 100);
    expect(t.fired).toHaveLength(1);
  });

  it('arms on the quote that stands when it is set, so the very next tick past the level fires', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    // The watchlist already streams both: AAPL live at 99, MSFT's line stale since a minute.
    t.lines.set(AAPL.conId, { ...emptyQuote(AAPL.conId, 'live'), last: 99, updatedAt: t.clock.now() });
    t.lines.set(MSFT.conId, { ...emptyQuote(MSFT.conId, 'stale'), last: 99, updatedAt: t.clock.now() });
    t.clock.advance(60_000);
    t.lines.set(AAPL.conId, { ...t.lines.get(AAPL.conId)!, updatedAt: t.clock.now() });
    await t.service.create({ kind: 'price-touch', symbol: AAPL, level: 100 });
    await t.service.create({ kind: 'price-touch', symbol: MSFT, level: 100 });
    t.quote(AAPL.conId, 103);
    t.quote(MSFT.conId, 103); // no reading stood when it was set: this one only arms
    expect(t.fired.map((f) => f.text)).toEqual(['AAPL touched 100 (last 103)']);
    // Spent, it let its line go; the watchlist's line still streams. Edited: armed again on the quote that stands
    // (103, above the new level), so the way back down fires.
    await t.flush();
    t.lines.set(AAPL.conId, { ...emptyQuote(AAPL.conId, 'live'), last: 103, updatedAt: t.clock.now() });
    await t.service.update('a1', { kind: 'price-touch', symbol: AAPL, level: 101 });
    t.quote(AAPL.conId, 100.5);
    expect(t.fired.map((f) => f.value)).toEqual([103, 100.5]);
  });

  it('re-arms after the cooldown', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({
      kind: 'price-cross',
      symbol: AAPL,
      level: 100,
      repeat: { mode: 'rearm', cooldownSeconds: 10 },
    });
    for (const p of [99, 101, 99, 101]) t.quote(AAPL.conId, p); // second crossing 2 s after the first: cooling
    t.clock.advance(10_000);
    t.quote(AAPL.conId, 99);
    expect(t.fired.map((f) => f.value)).toEqual([101, 99]);
    expect(t.service.list()[0]!.watch).toBe('watching');
  });

  it('a reconnect only arms: the first reading after it does not fire', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'price-cross', symbol: AAPL, level: 100 });
    t.quote(AAPL.conId, 99);
    t.setState('reconnecting');
    expect(t.service.list()[0]!.watch).toBe('waiting');
    t.setState('ready');
    t.quote(AAPL.conId, 101);
    expect(t.fired).toEqual([]);
    t.quote(AAPL.conId, 99);
    expect(t.fired).toHaveLength(1);
  });

  it('says which alerts are not watched when the line budget is full', async () => {
    const t = setup({ budget: 1 });
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'price-cross', symbol: AAPL, level: 100 });
    await t.service.create({ kind: 'volume-above', symbol: MSFT, volume: 1000 });
    const views = t.service.list();
    expect(views.map((v) => v.watch)).toEqual(['waiting', 'no-line']);
    expect(views[1]!.note).toMatch(/line budget is full/);
    expect(t.notices).toEqual([
      expect.objectContaining({
        title: 'Alerts not watched',
        message: expect.stringMatching(/MSFT \(volume-above\)/),
      }),
    ]);
    // The line comes when the budget frees up: market data publishes the quote with its new state.
    t.quote(MSFT.conId, 50, { volume: 10 });
    expect(t.service.list()[1]!.watch).toBe('watching');
  });

  it('fires on a new fill, not on one from before it started, nor twice for one execution', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'fill', symbol: AAPL });
    const exec = (execId: string, time: number): Execution => ({
      execId,
      orderId: 1,
      permId: null,
      account: 'DU1',
      contract: { symbol: 'AAPL', conId: AAPL.conId, secType: 'STK', exchange: 'SMART', currency: 'USD' },
      side: 'BUY',
      shares: 10,
      price: 101.5,
      time,
      exchange: 'ISLAND',
      commission: null,
      commissionCurrency: null,
      realizedPnl: null,
    });
    t.service.onExecutions([exec('old', t.clock.now() - 60_000)]);
    t.service.onExecutions([exec('e1', t.clock.now()), exec('e1', t.clock.now())]);
    expect(t.fired.map((f) => f.text)).toEqual(['Bought 10 AAPL at 101.5']);
  });

  it('connection lost for more than N s fires from the clock beat', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'connection-lost', seconds: 5 });
    t.setState('reconnecting');
    t.clock.advance(5000);
    expect(t.fired).toEqual([]);
    t.clock.advance(1000);
    expect(t.fired.map((f) => f.kind)).toEqual(['connection-lost']);
  });

  it('answers typed errors for bad input, unknown symbols, unknown ids and kinds it does not evaluate', async () => {
    const t = setup({ known: false });
    await t.service.useProfile('demo');
    const err = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as AppError,
      );
    const bad = await err(t.service.create({ kind: 'price-cross', symbol: AAPL, level: 'abc' }));
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'level' }] });
    expect(await err(t.service.create({ kind: 'price-cross', symbol: AAPL, level: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'symbol' }],
    });
    expect(await err(t.service.pause('nope', true))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await err(t.service.create({ kind: 'scanner', scanCode: 'top gainers', event: 'enter' })),
    ).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'scanCode' }] });
    expect(t.service.list()).toEqual([]);
  });

  it('scanner alerts read the scans windows run: any symbol entering the top N fires, no line is held', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'scanner', scanCode: 'TOP_PERC_GAIN', top: 2, event: 'enter' });
    await t.service.create({
      kind: 'scanner',
      symbol: AAPL,
      scanCode: 'TOP_PERC_GAIN',
      top: 2,
      event: 'leave',
    });
    expect(t.holders).toEqual([]);
    expect(t.service.list().map((v) => [v.watch, v.note])).toEqual([
      ['watching', 'while a Scanner pane runs TOP_PERC_GAIN'],
      ['watching', 'while a Scanner pane runs TOP_PERC_GAIN'],
    ]);
    const scan = (code: string, symbols: string[], stopped = false) => {
      t.clock.advance(5000);
      const rows = symbols.map((symbol, i) => ({
        rank: i,
        contract: {
          conId: symbol === 'AAPL' ? AAPL.conId : 1000 + symbol.charCodeAt(0),
          symbol,
          secType: 'STK' as const,
          exchange: 'SMART',
          currency: 'USD',
        },
        distance: '',
        benchmark: '',
        projection: '',
      }));
      t.service.onScan(code, {
        scanId: 's1',
        rows,
        entered: [],
        left: [],
        at: t.clock.now(),
        ...(stopped ? { stopped: { reason: 'cancelled' } } : {}),
      });
    };
    scan('TOP_PERC_GAIN', ['AAPL', 'B', 'C']); // the first snapshot only arms
    scan('HOT_BY_VOLUME', ['X', 'Y']); // another scan code: not watched
    scan('TOP_PERC_GAIN', ['B', 'AAPL', 'D']); // same top 2 in another order
    expect(t.fired).toEqual([]);
    scan('TOP_PERC_GAIN', ['D', 'E', 'AAPL']); // D and E enter the top 2, AAPL leaves it
    expect(t.fired.map((f) => f.text)).toEqual([
      'D, E entered the top 2 of TOP_PERC_GAIN',
      'AAPL left the top 2 of TOP_PERC_GAIN',
    ]);
    expect(t.fired[0]).toMatchObject({ kind: 'scanner', conId: 1000 + 'D'.charCodeAt(0), value: 2 });
    // Fired once each (the default): later entries do not fire again.
    scan('TOP_PERC_GAIN', ['F', 'G']);
    expect(t.fired).toHaveLength(2);
  });

  it('accepts an alert while disconnected (the symbol cannot be checked) and watches it when data comes', async () => {
    const t = setup({ known: null });
    t.setState('disconnected');
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'price-cross', symbol: AAPL, level: 100 });
    expect(t.service.list()[0]!.watch).toBe('waiting');
    t.setState('ready');
    t.quote(AAPL.conId, 99);
    t.quote(AAPL.conId, 101);
    expect(t.fired).toHaveLength(1);
  });

  it('pauses (letting the line go), resumes armed afresh, edits, deletes; each change saved and announced', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'price-cross', symbol: AAPL, level: 100 });
    t.quote(AAPL.conId, 99);
    expect((await t.service.pause('a1', true)).watch).toBe('paused');
    expect(t.lines.has(AAPL.conId)).toBe(false);
    t.quote(AAPL.conId, 101);
    await t.service.pause('a1', false);
    t.quote(AAPL.conId, 99); // first reading after resuming only arms
    expect(t.fired).toEqual([]);
    const edited = await t.service.update('a1', {
      kind: 'price-cross',
      symbol: AAPL,
      level: 120,
      note: 'breakout',
    });
    expect(edited.alert).toMatchObject({
      id: 'a1',
      level: 120,
      note: 'breakout',
      createdAt: expect.any(Number),
    });
    await t.service.remove('a1');
    expect(t.docs.demo!.alerts).toEqual([]);
    await t.flush();
    expect(t.changes.at(-1)).toEqual([]);
  });

  it('loads the alerts of the active profile and keeps each profile apart', async () => {
    const t = setup();
    await t.service.useProfile('demo');
    await t.service.create({ kind: 'price-cross', symbol: AAPL, level: 100 });
    await t.service.useProfile('paper');
    expect(t.service.list()).toEqual([]);
    expect(t.lines.has(AAPL.conId)).toBe(false);
    await t.service.useProfile('demo');
    expect(t.service.list().map((v) => v.alert.id)).toEqual(['a1']);
  });

  it('study alerts read a live bar series main holds: history warms the study up, live bars cross it', async () => {
    const bar = (time: number, close: number): Bar => ({
      time,
      open: close,
      high: close,
      low: close,
      close,
      volume: 100,
    });
    const t = setup({ history: [bar(60, 90), bar(120, 130), bar(180, 90)] });
    await t.service.useProfile('demo');
    const v = await t.service.create({
      kind: 'study-level',
      symbol: AAPL,
      barSize: '1 min',
      study: { kind: 'sma', params: { period: 2 } },
      level: 100,
      direction: 'up',
    });
    await t.flush();
    expect(t.series).toEqual([{ subId: 'bars-1', conId: AAPL.conId, barSize: '1 min', duration: '18000 S' }]);
    expect(t.lines.has(AAPL.conId)).toBe(false); // bars, not a quote line
    expect(t.service.list()[0]!.watch).toBe('watching');
    expect(t.fired).toEqual([]); // the history crossed 100 (SMA 110) but history never fires
    t.clock.advance(1000);
    t.service.onBars('bars-1', [bar(240, 90)]); // SMA 90: arms below
    t.clock.advance(1000);
    t.service.onBars('bars-1', [bar(240, 120)]); // the live bar revised: SMA 105
    expect(t.fired.map((f) => f.text)).toEqual(['AAPL SMA(2) crossed above 100 (105)']);
    await t.service.pause(v.alert.id, true);
    expect(t.unsubscribed).toEqual(['bars-1']);
  });
});
