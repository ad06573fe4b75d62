import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  crossStep,
  evaluateAlert,
  initialAlertState,
  mayFire,
  UNARMED,
  type AlertState,
  type Side,
  type Trigger,
} from './alert-rules';
import { parseAlert, type Alert, type Observation } from './alerts';

const ctx = { maxGapMs: 30_000, maxScanGapMs: 300_000 };
const quote = (at: number, last: number, replay = false): Observation => ({
  type: 'quote',
  conId: 1,
  at,
  last,
  bid: null,
  ask: null,
  volume: null,
  close: null,
  replay,
});

function crossAlert(direction: 'up' | 'down' | 'either', cooldownSeconds = 0): Alert {
  return parseAlert({
    id: 'x',
    createdAt: 0,
    kind: 'price-cross',
    symbol: { symbol: 'X', conId: 1 },
    level: 0,
    direction,
    repeat: { mode: 'rearm', cooldownSeconds },
  });
}

/** Feeds observations through the pure evaluator; returns the indices that fired. */
function fired(alert: Alert, observations: readonly Observation[]): number[] {
  let state: AlertState = initialAlertState;
  let a = alert;
  const out: number[] = [];
  observations.forEach((o, i) => {
    const r = evaluateAlert(a, state, o, ctx);
    state = r.state;
    if (r.firing) {
      a = r.firing.alert;
      out.push(i);
    }
  });
  return out;
}

/** The crossings by definition: a change between the last two non-zero sides of live prices, first one excluded. */
function crossings(prices: readonly number[], direction: 'up' | 'down' | 'either'): number[] {
  const out: number[] = [];
  let last = 0;
  prices.forEach((p, i) => {
    const s = Math.sign(p);
    if (s === 0) return;
    if (last !== 0 && s !== last && (direction === 'either' || (direction === 'up') === s > 0)) out.push(i);
    last = s;
  });
  return out;
}

const pricePath = fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 60 });

describe('crossStep', () => {
  it.each<[Side[], Trigger, boolean[]]>([
    [[-1, 1], 'up', [false, true]],
    [[1, -1], 'up', [false, false]],
    [[-1, 0, 1], 'up', [false, false, true]],
    [[-1, 0, -1], 'either', [false, false, false]],
    [[1, 0, 1], 'either', [false, false, false]],
    [[1, -1, 1], 'either', [false, true, true]],
    [[-1, 0, 0, 1], 'touch', [false, true, false, false]],
    [[1, -1], 'touch', [false, true]],
    [[0, 1, 0], 'touch', [false, false, true]],
  ])('%j with %s fires %j', (sides, trigger, expected) => {
    let mem = UNARMED;
    const hits = sides.map((s) => {
      const r = crossStep(mem, s, trigger);
      mem = r.mem;
      return r.hit;
    });
    expect(hits).toEqual(expected);
  });
});

describe('evaluateAlert on a price path', () => {
  it('fires exactly once per crossing, never on the first reading', () => {
    fc.assert(
      fc.property(
        pricePath,
        fc.constantFrom('up' as const, 'down' as const, 'either' as const),
        (prices, dir) => {
          const obs = prices.map((p, i) => quote(i * 1000, p));
          expect(fired(crossAlert(dir), obs)).toEqual(crossings(prices, dir));
        },
      ),
    );
  });

  it('is blind to replayed observations wherever they are inserted', () => {
    fc.assert(
      fc.property(
        pricePath,
        fc.array(fc.tuple(fc.nat(60), fc.integer({ min: -3, max: 3 }))),
        (prices, inserts) => {
          const live = prices.map((p, i) => quote(i * 1000, p));
          const mixed: Observation[] = [...live];
          for (const [at, p] of inserts.sort((a, b) => b[0] - a[0]))
            mixed.splice(Math.min(at, mixed.length), 0, quote(Math.min(at, mixed.length) * 1000, p, true));
          const liveIndex = mixed.map((o) => live.indexOf(o));
          expect(fired(crossAlert('either'), mixed).map((i) => liveIndex[i])).toEqual(
            crossings(prices, 'either'),
          );
        },
      ),
    );
  });

  it('only arms after a gap in the data or a lost connection', () => {
    const a = crossAlert('either');
    expect(fired(a, [quote(0, -1), quote(1000, 1)])).toEqual([1]);
    expect(fired(a, [quote(0, -1), quote(31_000, 1), quote(32_000, -1)])).toEqual([2]);
    const drop: Observation = { type: 'connection', at: 500, state: 'reconnecting' };
    expect(fired(a, [quote(0, -1), drop, quote(1000, 1), quote(2000, -1)])).toEqual([3]);
  });

  it('holds a re-armed alert through its cooldown and a once alert for good', () => {
    const path = [-1, 1, -1, 1, -1, 1].map((p, i) => quote(i * 20_000, p));
    // Crossings at 20, 40, 60, 80, 100 s; a 50 s cooldown lets through 20 s and 80 s only. maxGap is 30 s.
    expect(fired(crossAlert('either', 50), path)).toEqual([1, 4]);
    const once = parseAlert({ ...crossAlert('either'), repeat: { mode: 'once' } });
    expect(fired(once, path)).toEqual([1]);
    expect(mayFire({ ...once, lastFiredAt: 20_000 }, 1e12)).toBe(false);
  });

  it('a fill alert on one symbol ignores the fills of another', () => {
    const msft = parseAlert({ id: 'f', createdAt: 0, kind: 'fill', symbol: { symbol: 'MSFT', conId: 2 } });
    const exec = (conId: number): Observation => ({
      type: 'execution',
      execId: `e${conId}`,
      conId,
      symbol: conId === 2 ? 'MSFT' : 'AAPL',
      side: 'SELL',
      shares: 5,
      price: 400,
      time: 10,
      at: 20,
    });
    expect(evaluateAlert(msft, initialAlertState, exec(1), ctx).firing).toBe(null);
    expect(evaluateAlert(msft, initialAlertState, exec(2), ctx).firing?.text).toBe('Sold 5 MSFT at 400');
  });

  it('ignores everything while paused and arms afresh when resumed', () => {
    const paused = { ...crossAlert('either'), enabled: false };
    const r = evaluateAlert(
      paused,
      { ...initialAlertState, mem: { prev: -1, lastSide: -1 } },
      quote(0, 1),
      ctx,
    );
    expect(r).toEqual({ state: initialAlertState, firing: null });
  });
});

describe('scanner alerts on any symbol', () => {
  const anyEntering = parseAlert({
    id: 's',
    createdAt: 0,
    kind: 'scanner',
    scanCode: 'TOP_PERC_GAIN',
    top: 2,
    event: 'enter',
    repeat: { mode: 'rearm', cooldownSeconds: 0 },
  });
  const scan = (at: number, conIds: number[], replay = false, symbols?: string[]): Observation => ({
    type: 'scan',
    scanCode: 'TOP_PERC_GAIN',
    at,
    conIds,
    replay,
    ...(symbols ? { symbols } : {}),
  });

  it('fires when a conId enters the top N between two snapshots in a row, not on the first', () => {
    expect(
      fired(anyEntering, [scan(0, [1, 2]), scan(10, [2, 1, 3]), scan(20, [3, 1]), scan(30, [3, 1])]),
    ).toEqual([2]);
  });

  it('only arms after a gap, a replayed snapshot or a change of the connection', () => {
    const gap = 300_001;
    expect(fired(anyEntering, [scan(0, [1, 2]), scan(gap, [3, 4]), scan(gap + 10, [5, 4])])).toEqual([2]);
    expect(fired(anyEntering, [scan(0, [1, 2]), scan(10, [3, 4], true), scan(20, [5, 6])])).toEqual([2]);
    const lost: Observation = { type: 'connection', state: 'reconnecting', at: 15 };
    expect(fired(anyEntering, [scan(0, [1, 2]), lost, scan(20, [3, 4]), scan(30, [5, 4])])).toEqual([3]);
  });

  it('names what entered from the snapshot’s symbols', () => {
    const first = evaluateAlert(anyEntering, initialAlertState, scan(0, [1, 2], false, ['A', 'B']), ctx);
    const second = evaluateAlert(anyEntering, first.state, scan(10, [3, 1], false, ['C', 'A']), ctx);
    expect(second.firing).toMatchObject({ text: 'C entered the top 2 of TOP_PERC_GAIN', conId: 3, value: 1 });
  });
});
