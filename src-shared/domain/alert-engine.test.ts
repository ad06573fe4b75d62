import { describe, expect, it } from 'vitest';
import { createAlertEngine, type AlertEngine } from './alert-engine';
import { parseAlert, type AlertFiring, type AlertInput, type Observation } from './alerts';
import type { Bar } from './bar';

const AAPL = { symbol: 'AAPL', conId: 265598 };
const MSFT = { symbol: 'MSFT', conId: 272093 };
const T = 1_700_000_000_000;
/** Fires on every occurrence, with no pause between firings. */
const REARM = { mode: 'rearm', cooldownSeconds: 0 } as const;

type Engine = AlertEngine & { feed(...obs: Observation[]): AlertFiring[] };

function engine(...alerts: Record<string, unknown>[]): Engine {
  const e = createAlertEngine();
  alerts.forEach((a, i) => e.set(parseAlert({ id: `a${i}`, createdAt: T, ...a } as AlertInput)));
  return Object.assign(e, { feed: (...obs: Observation[]) => obs.flatMap((o) => [...e.observe(o)]) });
}

let clock = T;
const q = (
  last: number | null,
  more: Partial<Extract<Observation, { type: 'quote' }>> = {},
): Observation => ({
  type: 'quote',
  conId: AAPL.conId,
  at: (clock += 1000),
  last,
  bid: null,
  ask: null,
  volume: null,
  close: null,
  ...more,
});
const conn = (
  state: 'ready' | 'disconnected' | 'reconnecting' | 'degraded',
  at = (clock += 1000),
): Observation => ({
  type: 'connection',
  state,
  at,
});

describe('alert engine: price', () => {
  it('crosses up once; a once alert is spent, a re-armed one fires on the next crossing', () => {
    const once = engine({ kind: 'price-cross', symbol: AAPL, level: 100, direction: 'up' });
    expect(once.feed(q(101))).toEqual([]); // first reading: arms only
    expect(once.feed(q(99), q(101), q(102))).toHaveLength(1);
    expect(once.feed(q(99), q(101))).toEqual([]);
    expect(once.get('a0')!.lastFiredAt).not.toBe(null);

    const again = engine({ kind: 'price-cross', symbol: AAPL, level: 100, direction: 'up', repeat: REARM });
    const fired = again.feed(q(99), q(100), q(101), q(100), q(99), q(100.5));
    expect(fired.map((f) => f.value)).toEqual([101, 100.5]);
    expect(fired[0]!.text).toBe('AAPL crossed above 100 (last 101)');
    expect(fired[0]!.alert.lastFiredAt).toBe(fired[0]!.at);
  });

  it('touches the level from either side, bid/ask/mid when asked', () => {
    const e = engine({ kind: 'price-touch', symbol: AAPL, level: 100, price: 'mid', repeat: REARM });
    const mid = (m: number) => q(null, { bid: m - 0.01, ask: m + 0.01 });
    expect(e.feed(mid(99), mid(100), mid(100.5), mid(100), mid(101), mid(98)).map((f) => f.value)).toEqual([
      100, 100, 98,
    ]);
    expect(e.feed(q(100))).toEqual([]); // no bid/ask: no mid, no reading
  });

  it('% change on the day above / below', () => {
    const e = engine(
      { kind: 'day-change', symbol: AAPL, percent: 5, direction: 'above' },
      { kind: 'day-change', symbol: AAPL, percent: -2, direction: 'below' },
    );
    const fired = e.feed(q(104, { close: 100 }), q(106, { close: 100 }), q(97, { close: 100 }));
    expect(fired.map((f) => [f.alertId, f.value])).toEqual([
      ['a0', expect.closeTo(6, 9)],
      ['a1', expect.closeTo(-3, 9)],
    ]);
    expect(fired[0]!.text).toBe('AAPL is +6.00 % on the day (above 5 %)');
  });

  it('day volume above N', () => {
    const e = engine({ kind: 'volume-above', symbol: AAPL, volume: 1_000_000 });
    expect(
      e.feed(q(1, { volume: 900_000 }), q(1, { volume: 1_000_000 }), q(1, { volume: 1_000_100 })),
    ).toHaveLength(1);
  });

  it('a tick touches only its own symbol', () => {
    const e = engine({ kind: 'price-cross', symbol: MSFT, level: 100 });
    expect(e.feed(q(99), q(101))).toEqual([]);
    expect(e.feed(q(99, { conId: MSFT.conId }), q(101, { conId: MSFT.conId }))).toHaveLength(1);
  });
});

describe('alert engine: reliability', () => {
  const alert = {
    kind: 'price-cross',
    symbol: AAPL,
    level: 100,
    repeat: REARM,
  };

  it('a crossing during a disconnection does not fire after the reconnect; the next one does', () => {
    const e = engine(alert);
    expect(e.feed(conn('ready'), q(99), conn('reconnecting'), conn('ready'), q(101))).toEqual([]);
    expect(e.feed(q(99))).toHaveLength(1);
  });

  it('a repeated connection state is no change', () => {
    const e = engine(alert);
    expect(e.feed(conn('ready'), q(99), conn('ready'), q(101))).toHaveLength(1);
  });

  it('degraded (1100) counts as a loss too', () => {
    const e = engine(alert);
    expect(e.feed(q(99), conn('degraded'), conn('ready'), q(101))).toEqual([]);
  });

  it('a gap in the data is not a crossing', () => {
    const e = engine(alert);
    expect(e.feed(q(99), q(101, { at: (clock += 31_000) }))).toEqual([]);
    expect(e.feed(q(99))).toHaveLength(1);
  });

  it('replayed quotes never fire and never arm', () => {
    const e = engine(alert);
    expect(e.feed(q(99, { replay: true }), q(101, { replay: true }), q(99))).toEqual([]);
    expect(e.feed(q(101))).toHaveLength(1);
  });

  it('an alert set while disconnected starts when data returns', () => {
    const e = createAlertEngine();
    e.observe(conn('disconnected'));
    e.set(parseAlert({ id: 'late', createdAt: clock, ...alert }));
    expect(e.observe(q(101))).toEqual([]);
    expect(e.observe(conn('ready'))).toEqual([]);
    expect(e.observe(q(99))).toEqual([]); // first reading after the data returns: arms
    expect(e.observe(q(101))).toHaveLength(1);
  });

  it('a paused alert ignores data; resumed, it arms afresh', () => {
    const e = engine(alert);
    e.feed(q(99));
    e.set({ ...e.get('a0')!, enabled: false });
    expect(e.feed(q(101), q(99))).toEqual([]);
    e.set({ ...e.get('a0')!, enabled: true });
    expect(e.feed(q(101))).toEqual([]);
    expect(e.feed(q(99))).toHaveLength(1);
  });

  it('a removed alert is gone from every index', () => {
    const e = engine(alert, { kind: 'fill' }, { kind: 'connection-lost', seconds: 1 });
    ['a0', 'a1', 'a2'].forEach((id) => e.remove(id));
    expect(e.list()).toEqual([]);
    expect(
      e.feed(q(99), q(101), conn('ready'), conn('disconnected'), { type: 'clock', at: clock + 5000 }),
    ).toEqual([]);
  });
});

const bar = (i: number, close: number, volume = 100, open = close): Bar => ({
  time: 1_700_000_040 + i * 60,
  open,
  high: Math.max(open, close),
  low: Math.min(open, close),
  close,
  volume,
});
const b = (x: Bar, replay = false): Observation => ({
  type: 'bar',
  conId: AAPL.conId,
  barSize: '1 min',
  bar: x,
  at: (clock += 1000),
  replay,
});

describe('alert engine: studies', () => {
  it('RSI crossing above 70: history only warms the study, live bars fire once', () => {
    const e = engine({
      kind: 'study-level',
      symbol: AAPL,
      study: { kind: 'rsi', params: { period: 14 } },
      level: 70,
    });
    const history = Array.from({ length: 30 }, (_, i) => b(bar(i, 100 + (i % 2 ? 1 : -1)), true));
    expect(e.feed(...history)).toEqual([]);
    const live = Array.from({ length: 10 }, (_, k) => b(bar(30 + k, 101 + 3 * k)));
    const fired = e.feed(...live);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.value).toBeGreaterThan(70);
    expect(fired[0]!.text).toMatch(/^AAPL RSI\(14\) crossed above 70 \(\d/);
  });

  it('price crossing its 20 EMA on revisions of the live bar', () => {
    const e = engine({
      kind: 'price-study-cross',
      symbol: AAPL,
      study: { kind: 'ema', params: { period: 20 } },
    });
    e.feed(...Array.from({ length: 25 }, (_, i) => b(bar(i, 100), true)));
    const fired = e.feed(b(bar(25, 99.5)), b(bar(25, 99.8)), b(bar(25, 100.4)), b(bar(25, 100.6)));
    expect(fired).toHaveLength(1);
    expect(fired[0]!.text).toBe('AAPL crossed above its EMA(20) (100.4 vs 100.038)');
  });

  it('a Bollinger line by name', () => {
    const e = engine({
      kind: 'price-study-cross',
      symbol: AAPL,
      study: { kind: 'bollinger', params: { period: 5, k: 1 } },
      line: 'upper',
      direction: 'up',
    });
    e.feed(...[100, 101, 100, 101].map((c, i) => b(bar(i, c), true)));
    expect(e.feed(b(bar(4, 100)), b(bar(4, 103)))).toHaveLength(1);
  });

  it('bar volume above 3× the average of the bars before it, once per bar crossing', () => {
    const e = engine({ kind: 'volume-vs-average', symbol: AAPL, period: 20, factor: 3, repeat: REARM });
    e.feed(...Array.from({ length: 25 }, (_, i) => b(bar(i, 100, 100), true)));
    const growing = [50, 200, 299, 301, 350, 500].map((v) => b(bar(25, 100, v)));
    const fired = e.feed(...growing);
    expect(fired.map((f) => f.value)).toEqual([301]);
    // A new bar starts low again: its own crossing fires (the average now includes the 500 bar: 120 × 3 = 360).
    expect(
      e.feed(b(bar(26, 100, 10)), b(bar(26, 100, 350)), b(bar(26, 100, 361))).map((f) => f.value),
    ).toEqual([361]);
  });

  it('alerts on the same study share it; other bar sizes do not feed it', () => {
    const e = engine(
      { kind: 'study-level', symbol: AAPL, study: { kind: 'sma', params: { period: 2 } }, level: 100 },
      {
        kind: 'study-level',
        symbol: AAPL,
        study: { kind: 'sma', params: { period: 2 } },
        level: 100,
        direction: 'down',
      },
    );
    e.feed(b(bar(0, 99)), b(bar(1, 99)));
    const fiveMin: Observation = {
      ...(b(bar(2, 500)) as Extract<Observation, { type: 'bar' }>),
      barSize: '5 mins',
    };
    expect(e.feed(fiveMin)).toEqual([]);
    expect(e.feed(b(bar(2, 103))).map((f) => f.alertId)).toEqual(['a0']);
    expect(e.feed(b(bar(3, 90))).map((f) => f.alertId)).toEqual(['a1']);
  });
});

describe('alert engine: scanner, fills, connection', () => {
  const scan = (conIds: number[], at = (clock += 10_000)): Observation => ({
    type: 'scan',
    scanCode: 'TOP_PERC_GAIN',
    conIds,
    at,
  });
  const ranked = (rank: number) => [...Array.from({ length: rank - 1 }, (_, i) => 1000 + i), AAPL.conId];

  it('entering and leaving the top N', () => {
    const e = engine(
      { kind: 'scanner', symbol: AAPL, scanCode: 'TOP_PERC_GAIN', top: 10, event: 'enter' },
      { kind: 'scanner', symbol: AAPL, scanCode: 'TOP_PERC_GAIN', top: 10, event: 'leave' },
    );
    expect(e.feed(scan(ranked(3)))).toEqual([]); // already in at the first snapshot: arms
    expect(e.feed(scan(ranked(12))).map((f) => f.alertId)).toEqual(['a1']);
    const entered = e.feed(scan(ranked(4)), scan(ranked(2)));
    expect(entered.map((f) => [f.alertId, f.value, f.text])).toEqual([
      ['a0', 4, 'AAPL entered the top 10 of TOP_PERC_GAIN'],
    ]);
    const other = {
      ...(scan(ranked(20)) as Extract<Observation, { type: 'scan' }>),
      scanCode: 'MOST_ACTIVE',
    };
    expect(e.feed(other)).toEqual([]);
  });

  const fill = (
    execId: string,
    more: Partial<Extract<Observation, { type: 'execution' }>> = {},
  ): Observation => ({
    type: 'execution',
    execId,
    conId: AAPL.conId,
    symbol: 'AAPL',
    side: 'BUY',
    shares: 100,
    price: 150.02,
    time: clock,
    at: (clock += 1000),
    ...more,
  });

  it('fills: any symbol or one; each execution once; replays and older executions never', () => {
    const e = engine({ kind: 'fill', repeat: REARM }, { kind: 'fill', symbol: MSFT, repeat: REARM });
    const first = e.feed(fill('e1'));
    expect(first.map((f) => [f.alertId, f.text])).toEqual([['a0', 'Bought 100 AAPL at 150.02']]);
    expect(e.feed(fill('e1'))).toEqual([]);
    expect(e.feed(fill('e2', { replay: true }))).toEqual([]);
    expect(e.feed(fill('e3', { time: T - 60_000 }))).toEqual([]);
    const msft = e.feed(fill('e4', { conId: MSFT.conId, symbol: 'MSFT', side: 'SELL' }));
    expect(msft.map((f) => f.alertId).sort()).toEqual(['a0', 'a1']);
  });

  it('connection lost for more than N s: once per outage, only after it was up', () => {
    const e = engine({ kind: 'connection-lost', seconds: 10, repeat: REARM });
    const t0 = clock;
    const tick = (dt: number): Observation => ({ type: 'clock', at: t0 + dt });
    expect(e.feed(conn('disconnected', t0), tick(60_000))).toEqual([]); // never up since set
    expect(e.feed(conn('ready', t0 + 61_000), conn('reconnecting', t0 + 62_000), tick(72_000))).toEqual([]);
    const fired = e.feed(tick(72_001), tick(80_000));
    expect(fired.map((f) => f.text)).toEqual(['Connection lost for more than 10 s']);
    expect(e.feed(conn('ready', t0 + 90_000), conn('disconnected', t0 + 91_000), tick(95_000))).toEqual([]);
    expect(e.feed(tick(101_001))).toHaveLength(1);
  });

  it('an alert set while the connection is up counts an outage that starts after it', () => {
    const e = createAlertEngine();
    const t0 = (clock += 1000);
    e.observe({ type: 'connection', state: 'ready', at: t0 });
    e.set(parseAlert({ id: 'c', createdAt: t0, kind: 'connection-lost', seconds: 5 }));
    e.observe({ type: 'connection', state: 'reconnecting', at: t0 + 1000 });
    expect(e.observe({ type: 'clock', at: t0 + 6000 })).toEqual([]);
    expect(e.observe({ type: 'clock', at: t0 + 6001 }).map((f) => f.alertId)).toEqual(['c']);
  });
});
