// The pure alert evaluator: given an alert, its state and one observation, the next state and whether it fires.
// Exactly once per crossing: a crossing needs a previous live reading on the other side, so the first reading
// after a start, a reconnect, a pause or a data gap only arms; replayed data never fires; cooldown and `once` gate.
import { quoteChange } from './quote';
import type {
  Alert,
  AlertFiring,
  BarObservation,
  ClockObservation,
  ConnectionObservation,
  Observation,
  QuoteObservation,
} from './alerts';
import { lineValue, studyLabel, studyLines, type StudyValue } from './studies';

export type Side = -1 | 0 | 1;

/**
 * What a crossing alert remembers: the side of its previous live reading (0 = exactly at the level) and the last
 * side that was not 0, so that resting on the level and leaving on the same side is no crossing. null = unarmed.
 */
export type CrossMemory = { readonly prev: Side | null; readonly lastSide: -1 | 1 | null };
export const UNARMED: CrossMemory = { prev: null, lastSide: null };

/** up/down/either: strictly from one side to the other; touch: reaching the level (or jumping it) from a side. */
export type Trigger = 'up' | 'down' | 'either' | 'touch';

function sideOf(value: number, level: number): Side {
  return value > level ? 1 : value < level ? -1 : 0;
}

export function crossStep(
  mem: CrossMemory,
  side: Side,
  trigger: Trigger,
): { mem: CrossMemory; hit: boolean } {
  const next: CrossMemory = { prev: side, lastSide: side !== 0 ? side : mem.lastSide };
  if (mem.prev === null) return { mem: next, hit: false };
  const up = mem.lastSide === -1 && side === 1;
  const down = mem.lastSide === 1 && side === -1;
  const hit =
    trigger === 'touch'
      ? mem.prev !== 0 && side !== mem.prev
      : trigger === 'up'
        ? up
        : trigger === 'down'
          ? down
          : up || down;
  return { mem: next, hit };
}

export type AlertState = {
  readonly mem: CrossMemory;
  /** `at` of the last live reading, to see a gap in the data. */
  readonly lastAt: number | null;
  /** connection-lost: `ready` was seen since the alert was set, when the current outage began, whether it fired. */
  readonly seenReady: boolean;
  readonly lostAt: number | null;
  readonly outageFired: boolean;
  /** Scanner alerts on any symbol: the previous snapshot's top N (null = unarmed). */
  readonly top: readonly { readonly conId: number; readonly symbol: string }[] | null;
};

export const initialAlertState: AlertState = {
  mem: UNARMED,
  lastAt: null,
  seenReady: false,
  lostAt: null,
  outageFired: false,
  top: null,
};

export type EvalContext = {
  /** A live reading more than this after the previous one only arms (a gap in the data is not a crossing). */
  readonly maxGapMs: number;
  /** The same for scanner snapshots, which come every few seconds or tens of seconds. */
  readonly maxScanGapMs: number;
  /** Bar alerts: the study's value at the observed bar and at the bar before it; the engine keeps the study. */
  readonly study?: { readonly value: StudyValue | null; readonly previous: StudyValue | null };
  /** Fill alerts: this execution id was seen before (a replay that was not flagged as one). */
  readonly seenExecution?: boolean;
};

export type Evaluation = { readonly state: AlertState; readonly firing: AlertFiring | null };

/** Whether the alert may fire at `at`: enabled, not a spent `once`, past its cooldown. */
export function mayFire(alert: Alert, at: number): boolean {
  if (!alert.enabled) return false;
  if (alert.lastFiredAt === null) return true;
  return alert.repeat.mode === 'rearm' && at - alert.lastFiredAt >= alert.repeat.cooldownSeconds * 1000;
}

export function evaluateAlert(
  alert: Alert,
  state: AlertState,
  obs: Observation,
  ctx: EvalContext,
): Evaluation {
  if (!alert.enabled) return { state: state === initialAlertState ? state : initialAlertState, firing: null };
  if (obs.type === 'connection' || obs.type === 'clock') return onConnection(alert, state, obs);
  switch (alert.kind) {
    case 'price-cross':
    case 'price-touch':
    case 'day-change':
    case 'volume-above':
      return obs.type === 'quote' && obs.conId === alert.symbol.conId
        ? onQuote(alert, state, obs, ctx)
        : same(state);
    case 'volume-vs-average':
    case 'study-level':
    case 'price-study-cross':
      return obs.type === 'bar' && obs.conId === alert.symbol.conId && obs.barSize === alert.barSize
        ? onBar(alert, state, obs, ctx)
        : same(state);
    case 'scanner': {
      if (obs.type !== 'scan' || obs.scanCode !== alert.scanCode) return same(state);
      if (!alert.symbol) return onAnyInScan(alert, state, obs, ctx);
      const rank = obs.conIds.indexOf(alert.symbol.conId);
      const side: Side = rank >= 0 && rank < alert.top ? 1 : -1;
      const trigger = alert.event === 'enter' ? 'up' : 'down';
      const text = `${alert.symbol.symbol} ${alert.event === 'enter' ? 'entered' : 'left'} the top ${alert.top} of ${alert.scanCode}`;
      return crossing(alert, state, obs, side, trigger, ctx.maxScanGapMs, rank >= 0 ? rank + 1 : null, text);
    }
    case 'fill': {
      if (obs.type !== 'execution' || obs.replay || ctx.seenExecution) return same(state);
      if (alert.symbol && obs.conId !== alert.symbol.conId) return same(state);
      if (obs.time < alert.createdAt || !mayFire(alert, obs.at)) return same(state);
      const verb = obs.side === 'BUY' ? 'Bought' : 'Sold';
      return fire(
        alert,
        state,
        obs.at,
        obs.conId,
        obs.price,
        `${verb} ${obs.shares} ${obs.symbol} at ${num(obs.price)}`,
      );
    }
    case 'connection-lost':
      return same(state);
  }
}

const same = (state: AlertState): Evaluation => ({ state, firing: null });

function onQuote(
  alert: Extract<Alert, { kind: 'price-cross' | 'price-touch' | 'day-change' | 'volume-above' }>,
  state: AlertState,
  q: QuoteObservation,
  ctx: EvalContext,
): Evaluation {
  const sym = alert.symbol.symbol;
  switch (alert.kind) {
    case 'price-cross':
    case 'price-touch': {
      const price = priceOf(q, alert.price);
      if (price === null) return same(state);
      const side = sideOf(price, alert.level);
      const text =
        alert.kind === 'price-touch'
          ? `${sym} touched ${num(alert.level)} (${alert.price} ${num(price)})`
          : `${sym} crossed ${side > 0 ? 'above' : 'below'} ${num(alert.level)} (${alert.price} ${num(price)})`;
      const trigger = alert.kind === 'price-touch' ? 'touch' : alert.direction;
      return crossing(alert, state, q, side, trigger, ctx.maxGapMs, price, text);
    }
    case 'day-change': {
      const pct = quoteChange(q).changePct;
      if (pct === null) return same(state);
      const text = `${sym} is ${pct >= 0 ? '+' : ''}${pct.toFixed(2)} % on the day (${alert.direction} ${num(alert.percent)} %)`;
      const trigger = alert.direction === 'above' ? 'up' : 'down';
      return crossing(alert, state, q, sideOf(pct, alert.percent), trigger, ctx.maxGapMs, pct, text);
    }
    case 'volume-above': {
      if (q.volume === null) return same(state);
      const text = `${sym} volume ${num(q.volume)} passed ${num(alert.volume)}`;
      return crossing(alert, state, q, sideOf(q.volume, alert.volume), 'up', ctx.maxGapMs, q.volume, text);
    }
  }
}

function onBar(
  alert: Extract<Alert, { kind: 'volume-vs-average' | 'study-level' | 'price-study-cross' }>,
  state: AlertState,
  b: BarObservation,
  ctx: EvalContext,
): Evaluation {
  const sym = alert.symbol.symbol;
  if (!ctx.study) return same(state);
  if (alert.kind === 'volume-vs-average') {
    const avg = lineValue(ctx.study.previous, 'value');
    if (avg === null) return same(state);
    const text = `${sym} bar volume ${num(b.bar.volume)} is above ${num(alert.factor)}× its ${alert.period}-bar average (${num(avg)})`;
    return crossing(
      alert,
      state,
      b,
      sideOf(b.bar.volume, avg * alert.factor),
      'up',
      ctx.maxGapMs,
      b.bar.volume,
      text,
    );
  }
  const line = alert.line ?? studyLines[alert.study.kind][0]!;
  const value = lineValue(ctx.study.value, line);
  if (value === null) return same(state);
  const name = `${studyLabel(alert.study)}${line === 'value' ? '' : ` ${line}`}`;
  if (alert.kind === 'study-level') {
    const side = sideOf(value, alert.level);
    const text = `${sym} ${name} crossed ${side > 0 ? 'above' : 'below'} ${num(alert.level)} (${num(value)})`;
    return crossing(alert, state, b, side, alert.direction, ctx.maxGapMs, value, text);
  }
  const side = sideOf(b.bar.close, value);
  const text = `${sym} crossed ${side > 0 ? 'above' : 'below'} its ${name} (${num(b.bar.close)} vs ${num(value)})`;
  return crossing(alert, state, b, side, alert.direction, ctx.maxGapMs, b.bar.close, text);
}

function onConnection(
  alert: Alert,
  state: AlertState,
  obs: ConnectionObservation | ClockObservation,
): Evaluation {
  if (alert.kind !== 'connection-lost') {
    // Any change of the connection (lost, degraded, back): the next reading is the first after it, and only arms.
    if (obs.type === 'connection' && (state.mem !== UNARMED || state.lastAt !== null))
      return same({ ...state, mem: UNARMED, lastAt: null, top: null });
    return same(state);
  }
  let next = state;
  if (obs.type === 'connection') {
    if (obs.state === 'ready') next = { ...state, seenReady: true, lostAt: null, outageFired: false };
    else if (state.seenReady && state.lostAt === null) next = { ...state, lostAt: obs.at };
  }
  if (next.lostAt === null || next.outageFired || obs.at - next.lostAt <= alert.seconds * 1000)
    return same(next);
  next = { ...next, outageFired: true };
  if (!mayFire(alert, obs.at)) return same(next);
  const text = `Connection lost for more than ${alert.seconds} s`;
  return fire(alert, next, obs.at, null, (obs.at - next.lostAt!) / 1000, text);
}

/**
 * A scanner alert on any symbol: fires when symbols enter (or leave) the top N between two snapshots in a row. The
 * first snapshot after a start, a reconnect or a gap only arms; several symbols at once are one firing.
 */
function onAnyInScan(
  alert: Extract<Alert, { kind: 'scanner' }>,
  state: AlertState,
  obs: Extract<Observation, { type: 'scan' }>,
  ctx: EvalContext,
): Evaluation {
  if (obs.replay) return same(state);
  const top = obs.conIds
    .slice(0, alert.top)
    .map((conId, i) => ({ conId, symbol: obs.symbols?.[i] ?? `conId ${conId}` }));
  const gap = state.lastAt !== null && obs.at - state.lastAt > ctx.maxScanGapMs;
  const prev = gap ? null : state.top;
  const next: AlertState = { ...state, top, lastAt: obs.at };
  if (prev === null) return same(next);
  const [from, to] = alert.event === 'enter' ? [prev, top] : [top, prev];
  const moved = to.filter((x) => !from.some((y) => y.conId === x.conId));
  if (moved.length === 0 || !mayFire(alert, obs.at)) return same(next);
  const text = `${moved.map((x) => x.symbol).join(', ')} ${alert.event === 'enter' ? 'entered' : 'left'} the top ${alert.top} of ${alert.scanCode}`;
  return fire(alert, next, obs.at, moved[0]!.conId, moved.length, text);
}

/** The crossing core shared by every level-like kind: replay and gaps, the step, then the gate. */
function crossing(
  alert: Alert,
  state: AlertState,
  obs: { readonly at: number; readonly replay?: boolean },
  side: Side,
  trigger: Trigger,
  maxGapMs: number,
  value: number | null,
  text: string,
): Evaluation {
  if (obs.replay) return same(state);
  const gap = state.lastAt !== null && obs.at - state.lastAt > maxGapMs;
  const step = crossStep(gap ? UNARMED : state.mem, side, trigger);
  const next: AlertState = { ...state, mem: step.mem, lastAt: obs.at };
  if (!step.hit || !mayFire(alert, obs.at)) return same(next);
  return fire(
    alert,
    next,
    obs.at,
    'symbol' in alert && alert.symbol ? alert.symbol.conId : null,
    value,
    text,
  );
}

function fire(
  alert: Alert,
  state: AlertState,
  at: number,
  conId: number | null,
  value: number | null,
  text: string,
): Evaluation {
  const fired: Alert = { ...alert, lastFiredAt: at };
  return { state, firing: { alertId: alert.id, kind: alert.kind, conId, at, value, text, alert: fired } };
}

function priceOf(q: QuoteObservation, source: 'last' | 'bid' | 'ask' | 'mid'): number | null {
  if (source === 'mid') return q.bid !== null && q.ask !== null ? (q.bid + q.ask) / 2 : null;
  return q[source];
}

/** Numbers in texts: at most 6 significant digits, no trailing zeros. */
function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}
