// The alert evaluator for a stream of observations: alerts indexed by conId (and scan code) so a tick touches only
// its symbol's alerts, the studies of bar alerts kept once per symbol/bar size/spec, execution ids remembered so a
// fill fires once. The decisions are alert-rules' pure functions; this holds their state between observations.
import type { BarSize } from './bar';
import type { ConnectionState } from './connection';
import { evaluateAlert, initialAlertState, type AlertState, type EvalContext } from './alert-rules';
import type { Alert, AlertFiring, Observation, QuoteObservation } from './alerts';
import { createStudy, type Study, type StudyOptions, type StudySpec, type StudyValue } from './studies';

export type AlertEngineOptions = {
  /** Default 30 s: a symbol silent for longer has a gap, and its next reading only arms. */
  maxGapMs?: number;
  /** Default 5 min, for scanner snapshots. */
  maxScanGapMs?: number;
  /** How many execution ids to remember (oldest forgotten first). Default 10,000. */
  executionMemory?: number;
  /** Per-instrument study options (VWAP session starts). */
  studyOptions?: (conId: number) => StudyOptions;
};

export interface AlertEngine {
  /**
   * Adds or replaces an alert; a replaced or resumed alert arms afresh, on `current` when given: its symbol's reading
   * as it stands (so the very next tick past the level is a crossing, not the reading that arms).
   */
  set(alert: Alert, current?: QuoteObservation): void;
  remove(id: string): void;
  get(id: string): Alert | undefined;
  list(): Alert[];
  /** Evaluates the alerts this observation concerns; the firings carry each alert with `lastFiredAt` set. */
  observe(obs: Observation): readonly AlertFiring[];
}

/** A study shared by the bar alerts on one symbol, bar size and spec, with its value at the bar before the live one. */
type Feed = {
  readonly key: string;
  readonly conId: number;
  readonly barSize: BarSize;
  readonly study: Study<StudyValue>;
  previous: StudyValue | null;
  users: number;
};

type Entry = { alert: Alert; state: AlertState; readonly feed: Feed | null };

const NONE: readonly AlertFiring[] = Object.freeze([]);

export function createAlertEngine(opts: AlertEngineOptions = {}): AlertEngine {
  const ctx: EvalContext = { maxGapMs: opts.maxGapMs ?? 30_000, maxScanGapMs: opts.maxScanGapMs ?? 300_000 };
  const executionMemory = opts.executionMemory ?? 10_000;
  const entries = new Map<string, Entry>();
  const byConId = new Map<number, Entry[]>();
  const byScan = new Map<string, Entry[]>();
  const anySymbol: Entry[] = []; // fills on any symbol, connection-lost
  const feeds = new Map<string, Feed>();
  const feedsByConId = new Map<number, Feed[]>();
  const seenExecutions = new Set<string>();
  let connection: ConnectionState | null = null;

  const add = <K>(index: Map<K, Entry[]>, key: K, e: Entry) => {
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  };
  const drop = <K>(index: Map<K, Entry[]>, key: K, e: Entry) => {
    const list = index.get(key)?.filter((x) => x !== e) ?? [];
    if (list.length) index.set(key, list);
    else index.delete(key);
  };
  /** Files an entry under what its observations are keyed by: conId, scan code, or nothing (any symbol). */
  const place = (e: Entry, on: boolean): void => {
    const a = e.alert;
    if (a.kind === 'scanner') (on ? add : drop)(byScan, a.scanCode, e);
    else if (a.kind !== 'connection-lost' && a.symbol) (on ? add : drop)(byConId, a.symbol.conId, e);
    else if (on) anySymbol.push(e);
    else anySymbol.splice(anySymbol.indexOf(e), 1);
  };

  function feedFor(a: Alert): Feed | null {
    let spec: StudySpec;
    if (a.kind === 'study-level' || a.kind === 'price-study-cross') spec = a.study;
    else if (a.kind === 'volume-vs-average') spec = { kind: 'volume-average', params: { period: a.period } };
    else return null;
    const conId = a.symbol.conId;
    const key = `${conId}|${a.barSize}|${JSON.stringify(spec)}`;
    let feed = feeds.get(key);
    if (!feed) {
      const study = createStudy(spec, opts.studyOptions?.(conId));
      feed = { key, conId, barSize: a.barSize, study, previous: null, users: 0 };
      feeds.set(key, feed);
      feedsByConId.set(conId, [...(feedsByConId.get(conId) ?? []), feed]);
    }
    feed.users++;
    return feed;
  }

  function release(feed: Feed): void {
    if (--feed.users > 0) return;
    feeds.delete(feed.key);
    const rest = (feedsByConId.get(feed.conId) ?? []).filter((f) => f !== feed);
    if (rest.length) feedsByConId.set(feed.conId, rest);
    else feedsByConId.delete(feed.conId);
  }

  function remove(id: string): void {
    const e = entries.get(id);
    if (!e) return;
    entries.delete(id);
    place(e, false);
    if (e.feed) release(e.feed);
  }

  function run(list: readonly Entry[] | undefined, obs: Observation, out: AlertFiring[]): void {
    if (!list) return;
    for (const e of list) {
      let c = ctx;
      if (obs.type === 'bar' && e.feed) {
        const point = e.feed.study.last;
        if (point?.time !== obs.bar.time) continue; // older than the live bar: the study ignored it too
        c = { ...ctx, study: { value: point.value, previous: e.feed.previous } };
      } else if (obs.type === 'execution') c = { ...ctx, seenExecution: seenExecutions.has(obs.execId) };
      const r = evaluateAlert(e.alert, e.state, obs, c);
      e.state = r.state;
      if (r.firing) {
        e.alert = r.firing.alert;
        out.push(r.firing);
      }
    }
  }

  function updateFeeds(obs: Extract<Observation, { type: 'bar' }>): void {
    for (const f of feedsByConId.get(obs.conId) ?? []) {
      if (f.barSize !== obs.barSize) continue;
      const before = f.study.last;
      const point = f.study.update(obs.bar);
      if (before && point.time > before.time) f.previous = before.value;
    }
  }

  function remember(execId: string): void {
    seenExecutions.add(execId);
    if (seenExecutions.size > executionMemory) seenExecutions.delete(seenExecutions.values().next().value!);
  }

  return {
    set(alert, current) {
      remove(alert.id);
      const e: Entry = { alert, state: initialAlertState, feed: feedFor(alert) };
      // Set while connected: the session it watches is already up, so an outage from now on counts.
      if (connection === 'ready')
        e.state = evaluateAlert(alert, e.state, { type: 'connection', state: 'ready', at: 0 }, ctx).state;
      // An unarmed alert's first reading only arms: it cannot fire here.
      if (current) e.state = evaluateAlert(alert, e.state, current, ctx).state;
      entries.set(alert.id, e);
      place(e, true);
    },
    remove,
    get: (id) => entries.get(id)?.alert,
    list: () => [...entries.values()].map((e) => e.alert),
    observe(obs) {
      const out: AlertFiring[] = [];
      switch (obs.type) {
        case 'quote':
          run(byConId.get(obs.conId), obs, out);
          break;
        case 'bar':
          updateFeeds(obs);
          run(byConId.get(obs.conId), obs, out);
          break;
        case 'scan':
          run(byScan.get(obs.scanCode), obs, out);
          break;
        case 'execution':
          if (obs.conId !== null) run(byConId.get(obs.conId), obs, out);
          run(anySymbol, obs, out);
          remember(obs.execId);
          break;
        case 'connection':
          if (obs.state === connection) break;
          connection = obs.state;
          run([...entries.values()], obs, out);
          break;
        case 'clock':
          run([...entries.values()], obs, out);
          break;
      }
      return out.length ? out : NONE;
    },
  };
}
