// Alerts evaluated in main, so they fire with every window closed: the engine of src-shared/domain/alert-engine.ts
// fed the quotes main already publishes, the connection's states, a clock beat and the fills; a market-data line
// of its own for a symbol no pane shows (counted in the line budget: over it the alert says it is not watched);
// firings kept in a history; everything saved per profile through the alerts store.
import { randomUUID } from 'node:crypto';
import { createAlertEngine, type AlertEngine } from '../../../src-shared/domain/alert-engine';
import { mayFire } from '../../../src-shared/domain/alert-rules';
import {
  firedEntry,
  parseAlert,
  type Alert,
  type AlertFired,
  type AlertFiring,
  type AlertView,
  type Observation,
  type QuoteObservation,
} from '../../../src-shared/domain/alerts';
import type { Bar } from '../../../src-shared/domain/bar';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import type { Execution } from '../../../src-shared/domain/order';
import type { Quote } from '../../../src-shared/domain/quote';
import type { ScanSnapshot } from '../../../src-shared/domain/scanner';
import { AppError } from '../../../src-shared/result';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import { HISTORY_LIMIT, type AlertsStore } from '../../config/alerts-store';
import type { Notice } from '../../config/settings-store';
import type { ResolvedContract } from '../../ib/adapter';
import { createBarFeeds, type AlertBars, type BarNeed } from './bar-feeds';
import { watchOf } from './watch';

/** At most this many alerts per profile: each may hold a market-data line. */
const MAX_ALERTS = 1000;

/** Kinds read from bar series (studies) rather than quotes. */
const BAR_KINDS = new Set<Alert['kind']>(['volume-vs-average', 'study-level', 'price-study-cross']);
type BarAlert = Extract<Alert, { kind: 'volume-vs-average' | 'study-level' | 'price-study-cross' }>;
const isBarAlert = (a: Alert): a is BarAlert => BAR_KINDS.has(a.kind);

/** The quote states whose prices are readings; the others (pending, no-line, stale, error) are no data. */
const READING = new Set<Quote['state']>(['live', 'frozen', 'delayed', 'delayed-frozen']);

/** The lines the alerts hold, as market-data lends them. */
export type AlertLines = {
  subscribe(holder: { key: string; clientId: string }, contracts: readonly ResolvedContract[]): Quote[];
  unsubscribe(holder: { key: string; clientId: string }, conIds: readonly number[]): void;
  quote(conId: number): Quote | undefined;
};

export interface AlertsService {
  list(): AlertView[];
  history(limit: number): AlertFired[];
  create(input: Record<string, unknown>): Promise<AlertView>;
  update(id: string, input: Record<string, unknown>): Promise<AlertView>;
  pause(id: string, paused: boolean): Promise<AlertView>;
  remove(id: string): Promise<void>;
  /** Loads the alerts of a profile: at start, and whenever the active profile changes. */
  useProfile(profileId: string): Promise<void>;
  /** Quotes as market-data publishes them (once per batch of ticks per line). */
  onQuotes(quotes: readonly Quote[]): void;
  /** Executions as the orders service reports them. */
  onExecutions(executions: readonly Execution[]): void;
  /** A scanner snapshot any window received (scanner alerts watch the scans the app already runs). */
  onScan(scanCode: string, snapshot: ScanSnapshot): void;
  /** Bars of a series the alerts hold, as the history service pushes them. */
  onBars(subId: string, bars: readonly Bar[]): void;
  /** Resolves once every change so far is on disk. */
  saved(): Promise<void>;
  stop(): Promise<void>;
}

export type AlertsDeps = {
  store: AlertsStore;
  lines: AlertLines;
  connection: {
    state(): ConnectionState;
    onState(listener: (state: ConnectionState) => void): () => void;
  };
  /** Live bar series for study alerts; without it those kinds are refused. */
  bars?: AlertBars;
  /** Whether TWS knows the conId; null = cannot tell now (not connected): the alert waits for data. */
  knownConId(conId: number): Promise<boolean | null>;
  clock: Clock;
  log: Logger;
  /** The list changed (an alert added, edited, fired, or its line came or went). */
  changed(list: AlertView[]): void;
  fired(entry: AlertFired): void;
  notice(n: Notice): void;
  newId?: () => string;
};

/** Main's own holder of alert lines and bar series: not a window, so no window's closing releases them. */
export const ALERTS_CLIENT_ID = 'main:alerts';
const HOLDER = { key: 'alerts', clientId: ALERTS_CLIENT_ID };

export function createAlertsService(deps: AlertsDeps): AlertsService {
  const { clock, log, store } = deps;
  const newId = deps.newId ?? (() => randomUUID());
  const startedAt = clock.now();
  let engine: AlertEngine = createAlertEngine();
  let profileId: string | null = null;
  let history: AlertFired[] = [];
  /** conId → the contract of the line held for it. */
  const held = new Map<number, ResolvedContract>();
  /** conIds whose line is over the budget: their alerts are not watched. */
  const noLine = new Set<number>();
  let saving: Promise<void> = Promise.resolve();
  let saveQueued = false;
  let changeQueued = false;

  const feeds = deps.bars
    ? createBarFeeds({
        bars: deps.bars,
        clock,
        log,
        observe: (obs) => observe(obs),
        changed: () => announce(),
      })
    : null;
  /** Kinds whose observations main does not feed the engine: refused, not ignored. */
  const notEvaluated = new Set<Alert['kind']>(feeds ? [] : BAR_KINDS);

  /** The quote of the line an alert reads (none for bar, scanner and symbol-less alerts). */
  const quoteOf = (a: Alert): Quote | undefined =>
    'symbol' in a && a.symbol && !isBarAlert(a) && a.kind !== 'scanner'
      ? deps.lines.quote(a.symbol.conId)
      : undefined;

  const view = (a: Alert): AlertView => {
    const base = watchOf(a, quoteOf(a), deps.connection.state());
    if (!feeds || !isBarAlert(a) || base.watch === 'paused' || base.watch === 'spent')
      return { alert: a, ...base };
    if (deps.connection.state() !== 'ready') return { alert: a, ...base };
    const bars = feeds.watch(a.symbol.conId, a.barSize) ?? {
      watch: 'waiting',
      note: 'for the bars of its study',
    };
    return { alert: a, ...bars };
  };
  const list = (): AlertView[] => engine.list().map(view);

  function announce(): void {
    if (changeQueued) return;
    changeQueued = true;
    queueMicrotask(() => {
      changeQueued = false;
      deps.changed(list());
    });
  }

  function persist(): Promise<void> {
    if (!saveQueued && profileId !== null) {
      saveQueued = true;
      const id = profileId;
      saving = saving.then(async () => {
        saveQueued = false;
        await store.save(id, { alerts: engine.list(), history }).catch((err: unknown) =>
          log.error(`The alerts could not be saved: ${(err as Error).message}`, {
            action: 'kept in memory',
          }),
        );
      });
    }
    return saving;
  }

  /** Holds a line for every symbol an armed alert watches, and lets go of the others. */
  function syncLines(): void {
    const wanted = new Map<number, ResolvedContract>();
    const needs: BarNeed[] = [];
    for (const a of engine.list()) {
      // Scanner alerts read the scans' rows, not quotes: no line of their own.
      if (!('symbol' in a) || !a.symbol || a.kind === 'fill' || a.kind === 'scanner') continue;
      if (!a.enabled || !mayFire(a, Number.MAX_SAFE_INTEGER)) continue;
      if (isBarAlert(a)) needs.push({ contract: a.symbol, barSize: a.barSize });
      else wanted.set(a.symbol.conId, a.symbol);
    }
    feeds?.sync(needs);
    const gone = [...held.keys()].filter((c) => !wanted.has(c));
    const fresh = [...wanted.values()].filter((c) => !held.has(c.conId));
    for (const c of gone) {
      held.delete(c);
      noLine.delete(c);
    }
    for (const c of fresh) held.set(c.conId, c);
    if (gone.length) deps.lines.unsubscribe(HOLDER, gone);
    if (fresh.length) {
      const quotes = deps.lines.subscribe(HOLDER, fresh);
      const over = quotes.filter((q) => q.state === 'no-line').map((q) => q.conId);
      for (const c of over) noLine.add(c);
      if (over.length) tellNotWatched(over);
    }
  }

  function tellNotWatched(conIds: readonly number[]): void {
    const names = engine
      .list()
      .filter((a) => 'symbol' in a && a.symbol && conIds.includes(a.symbol.conId))
      .map((a) => `${'symbol' in a && a.symbol ? a.symbol.symbol : ''} (${a.kind})`);
    const message = `The market-data line budget is full, so ${names.length} alert(s) are not watched: ${names
      .slice(0, 10)
      .join(
        ', ',
      )}${names.length > 10 ? '…' : ''}. They start when a line frees up (close a row elsewhere or raise the budget in Settings).`;
    log.warn(message, { action: 'alerts wait for a line' });
    deps.notice({ level: 'warn', title: 'Alerts not watched', message });
  }

  function handle(firings: readonly AlertFiring[]): void {
    if (firings.length === 0) return;
    for (const f of firings) {
      const entry = firedEntry(f);
      history.push(entry);
      log.info(`Alert: ${f.text}`, { action: 'alert fired' });
      deps.fired(entry);
    }
    if (history.length > HISTORY_LIMIT) history = history.slice(-HISTORY_LIMIT);
    void persist();
    announce();
    // A spent alert lets its line go, outside the publish that is running now.
    queueMicrotask(syncLines);
  }

  const observe = (obs: Observation): void => handle(engine.observe(obs));

  const offState = deps.connection.onState((state) => {
    observe({ type: 'connection', state, at: clock.now() });
    announce();
  });
  // Durations (connection lost for more than N s) need the passing of time, not only events.
  const beat: Timer = clock.setInterval(() => observe({ type: 'clock', at: clock.now() }), 1000);

  function find(id: string): Alert {
    const a = engine.get(id);
    if (!a) throw new AppError('NOT_FOUND', `No alert has the id ${id}`);
    return a;
  }

  async function admit(
    input: Record<string, unknown>,
    base: { id: string; createdAt: number },
  ): Promise<Alert> {
    const alert = parseAlert({ ...input, ...base, lastFiredAt: null });
    if (notEvaluated.has(alert.kind))
      throw new AppError('UNAVAILABLE', `${alert.kind} alerts are not evaluated by this version of IBDesk`);
    if ('symbol' in alert && alert.symbol) {
      const known = await deps.knownConId(alert.symbol.conId);
      if (known === false)
        throw new AppError(
          'NOT_FOUND',
          `alert: unknown symbol ${alert.symbol.symbol} (conId ${alert.symbol.conId})`,
          {
            issues: [{ path: 'symbol', message: 'TWS knows no instrument with this conId' }],
          },
        );
    }
    return alert;
  }

  /** A quote as the engine reads it; null when it is no reading (pending, no line, stale, error). */
  function reading(q: Quote | undefined, at: number): QuoteObservation | null {
    if (!q || !READING.has(q.state)) return null;
    const { conId, last, bid, ask, volume, close } = q;
    return { type: 'quote', at, conId, last, bid, ask, volume, close };
  }

  /**
   * Sets an alert armed on its symbol's quote as it stands when a line (held by any pane) has a reading: then the
   * very next tick past the level is a crossing. The reading keeps its own time, so an old one is a gap.
   */
  function setArmed(alert: Alert): void {
    const q = quoteOf(alert);
    engine.set(alert, reading(q, q?.updatedAt ?? clock.now()) ?? undefined);
  }

  async function put(alert: Alert): Promise<AlertView> {
    setArmed(alert);
    syncLines();
    announce();
    await persist();
    return view(engine.get(alert.id) ?? alert);
  }

  return {
    list,
    history: (limit) => history.slice(-limit).reverse(),
    async create(input) {
      if (engine.list().length >= MAX_ALERTS)
        throw new AppError('LIMIT', `A profile keeps at most ${MAX_ALERTS} alerts: delete some first`);
      return put(await admit(input, { id: newId(), createdAt: clock.now() }));
    },
    async update(id, input) {
      const old = find(id);
      // An edited alert is a new promise: it arms afresh and may fire again.
      return put(await admit(input, { id, createdAt: old.createdAt }));
    },
    async pause(id, paused) {
      const a = find(id);
      return put({ ...a, enabled: !paused });
    },
    async remove(id) {
      find(id);
      engine.remove(id);
      syncLines();
      announce();
      await persist();
    },
    async useProfile(id) {
      if (id === profileId) return;
      await saving;
      const doc = await store.load(id);
      profileId = id;
      history = doc.history;
      const state = deps.connection.state();
      engine = createAlertEngine();
      engine.observe({ type: 'connection', state, at: clock.now() });
      for (const a of doc.alerts) setArmed(a);
      syncLines();
      announce();
    },
    onQuotes(quotes) {
      let at: number | null = null;
      for (const q of quotes) {
        if (!held.has(q.conId)) continue;
        const over = q.state === 'no-line';
        if (over !== noLine.has(q.conId)) {
          if (over) noLine.add(q.conId);
          else noLine.delete(q.conId);
          announce();
        }
        if (!READING.has(q.state)) continue;
        at ??= clock.now();
        observe(reading(q, at)!);
      }
    },
    onExecutions(executions) {
      const at = clock.now();
      for (const e of executions)
        observe({
          type: 'execution',
          at,
          // Fills from before this process started are history (asked for again at connect), not news.
          replay: e.time < startedAt,
          execId: e.execId,
          conId: e.contract.conId ?? null,
          symbol: e.contract.symbol,
          side: e.side,
          shares: e.shares,
          price: e.price,
          time: e.time,
        });
    },
    onScan(scanCode, snapshot) {
      // A stopped scan is no news about its members: the next snapshot after a restart only arms.
      if (snapshot.stopped) return;
      const contracts = snapshot.rows.map((r) => r.contract);
      observe({
        type: 'scan',
        at: clock.now(),
        scanCode,
        conIds: contracts.map((c) => c.conId ?? 0),
        symbols: contracts.map((c) => c.symbol),
      });
    },
    onBars: (subId, bars) => feeds?.onBars(subId, bars),
    saved: () => saving,
    async stop() {
      offState();
      clock.clearInterval(beat);
      feeds?.stop();
      if (held.size) deps.lines.unsubscribe(HOLDER, [...held.keys()]);
      held.clear();
      await saving;
    },
  };
}
