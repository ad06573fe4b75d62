// Level-1 quotes: one TWS line per instrument whatever the number of panes and windows that show it
// (reference-counted per holder), the market-data line budget (over it a quote is `no-line`, not an error), the
// per-instrument fall-back to delayed data when the account has no subscription (354/10089/10090/10186), and a
// state per quote (live, frozen, delayed, stale…) with the time of its last tick.
// Ticks are the hot path (tens of thousands a second): they update a per-line draft in place and every line that
// changed is published once per socket read (a microtask), with one clock read per read, not one per tick.
// With a `probe` output (npm run bench only), the demo gateway's bench stamps go out beside the quotes they close.
import type { QuoteProbe } from '../../src-shared/bench-probe';
import {
  copyQuote,
  emptyQuote,
  setQuoteField,
  type Quote,
  type QuoteState,
} from '../../src-shared/domain/quote';
import type { MarketDataType } from '../../src-shared/domain/settings';
import { describeTwsCode, plainTwsMessage } from '../../src-shared/errors';
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { StreamHandle } from '../ib/connection';
import type { MarketDataSink, ResolvedContract, TickField, Tws } from '../ib/adapter';
import type { OptionGreeks } from '../../src-shared/domain/option';

/** Who holds a line: a window (its client id) or something acting for one (a scan's rows). */
type Holder = { key: string; clientId: string };

const MD_TYPE_NUMBER: Record<MarketDataType, 1 | 2 | 3 | 4> = {
  live: 1,
  frozen: 2,
  delayed: 3,
  'delayed-frozen': 4,
};
const TYPE_STATE: Record<number, QuoteState> = { 1: 'live', 2: 'frozen', 3: 'delayed', 4: 'delayed-frozen' };

type Line = {
  contract: ResolvedContract;
  holders: Map<string, { clientId: string; count: number }>;
  quote: Quote;
  stream: StreamHandle | null;
  delayed: boolean;
  dataType: number | null;
  waitingSince: number | null;
  lastTickAt: number | null;
  /** `quote` is a draft of this batch of ticks (not yet published, so it may be changed in place). */
  draft: boolean;
  /** The windows of this line's holders, kept until the holders change. */
  clients: Set<string> | null;
  /** The bench stamp that closed this batch of ticks, published right after the quote. */
  probe: QuoteProbe | null;
  /** Has a line of the budget, but TWS still holds the lines of cancels that have not left: waits for one. */
  awaitingSlot: boolean;
};

/** A line's sink's work, given the line: written once per service (see LineSink). */
type LineHandlers = {
  starting(line: Line): void;
  tick(line: Line, field: TickField, value: number, delayed: boolean): void;
  greeks(line: Line, greeks: OptionGreeks, delayed: boolean): void;
  probe(line: Line, tickId: number, tickAt: number): void;
  dataType(line: Line, type: number): void;
  error(line: Line, code: number, message: string): 'keep' | 'end' | 'restart';
};

/**
 * What the adapter hands a line's messages to. A class at module level, not an object of closures made per line:
 * a tick reaches its line through this one object (its methods shared by every line) instead of a closure and its
 * context per line, each a likely cache miss per tick with 500 lines (the decoder's garbage streams through the
 * cache). `probe` exists only when bench stamps are read (the adapter asks for none otherwise).
 */
class LineSink implements MarketDataSink {
  readonly probe?: (tickId: number, tickAt: number) => void;
  constructor(
    private readonly line: Line,
    private readonly handlers: LineHandlers,
    probes: boolean,
  ) {
    if (probes) this.probe = (tickId, tickAt) => handlers.probe(line, tickId, tickAt);
  }
  starting(): void {
    this.handlers.starting(this.line);
  }
  tick(field: TickField, value: number, delayed: boolean): void {
    this.handlers.tick(this.line, field, value, delayed);
  }
  greeks(greeks: OptionGreeks, delayed: boolean): void {
    this.handlers.greeks(this.line, greeks, delayed);
  }
  dataType(type: number): void {
    this.handlers.dataType(this.line, type);
  }
  error(code: number, message: string): 'keep' | 'end' | 'restart' {
    return this.handlers.error(this.line, code, message);
  }
}

export interface MarketData {
  subscribe(holder: Holder, contracts: readonly ResolvedContract[]): Quote[];
  unsubscribe(holder: Holder, conIds: readonly number[]): void;
  /** Drops every line a window held (it closed). */
  releaseClient(clientId: string): void;
  quote(conId: number): Quote | undefined;
  /** A one-off quote: the live line's state when there is one, else a TWS snapshot (no line kept). */
  snapshot(contract: ResolvedContract): Promise<Quote>;
  lines(): { used: number; budget: number };
  /** Re-applies the preferences (budget, market data type). */
  configure(prefs: { marketDataLines: number; marketDataType: MarketDataType }): void;
  stop(): void;
}

const STALE_AFTER_MS = 60_000;

export function createMarketData(deps: {
  tws: Tws;
  clock: Clock;
  log: Logger;
  publish: (quotes: readonly Quote[], clientIds: Iterable<string>) => void;
  /** Where bench stamps go (npm run bench); without it the lines ask the adapter for none. */
  probe?: ((stamps: readonly QuoteProbe[], clientIds: Iterable<string>) => void) | undefined;
  prefs: { marketDataLines: number; marketDataType: MarketDataType };
  staleAfterMs?: number;
}): MarketData {
  const { tws, clock, log } = deps;
  const lines = new Map<number, Line>();
  let budget = deps.prefs.marketDataLines;
  let type = MD_TYPE_NUMBER[deps.prefs.marketDataType];
  const staleAfter = deps.staleAfterMs ?? STALE_AFTER_MS;
  tws.link.setMarketDataType(type);

  // Counted as they change, not by a pass over every line: a window subscribing 500 rows asks for both per row.
  let streams = 0;
  let awaiting = 0;
  const used = (): number => streams + awaiting;
  const streaming = (): number => streams;
  function setStream(line: Line, stream: StreamHandle | null): void {
    streams += (stream !== null ? 1 : 0) - (line.stream !== null ? 1 : 0);
    line.stream = stream;
  }
  function setAwaiting(line: Line, value: boolean): void {
    if (line.awaitingSlot !== value) awaiting += value ? 1 : -1;
    line.awaitingSlot = value;
  }
  /**
   * Lines released whose cancels still wait in the pacer: TWS holds them until the cancels leave. Those cancels
   * go after the requests queued behind them (a new chain's at-the-money lines before the old chain's cancels), so
   * a new line takes one of their places only once its cancel has left: TWS never holds more than the budget.
   */
  let freeing = 0;
  /** Lines waiting for such a place, in the order they were asked for (a chain asks at the money first). */
  const slotQueue: Line[] = [];
  let stopped = false;

  function take(line: Line): void {
    if (streaming() + freeing < budget) open(line);
    else {
      line.waitingSince = null;
      setAwaiting(line, true);
      slotQueue.push(line);
    }
  }

  function fillSlots(): void {
    while (!stopped && slotQueue.length > 0 && streaming() + freeing < budget) {
      const line = slotQueue.shift()!;
      setAwaiting(line, false);
      open(line);
    }
  }

  function freed(): void {
    freeing--;
    fillSlots();
  }

  function clientsOf(line: Line): Set<string> {
    line.clients ??= new Set([...line.holders.values()].map((h) => h.clientId));
    return line.clients;
  }

  function emit(line: Line, patch: Partial<Quote>): void {
    line.quote = { ...line.quote, ...patch };
    line.draft = false;
    if (line.quote.note === undefined) delete line.quote.note;
    deps.publish([line.quote], clientsOf(line));
  }

  // ---- the tick path: drafts published once per batch --------------------------------------------------------
  let batch: Line[] = [];
  let batchAt: number | null = null;

  /** Whether two lines' windows are the same (sets made per line, so equal ones are seldom the same object). */
  function sameClients(a: Set<string>, b: Set<string>): boolean {
    if (a === b) return true;
    if (a.size !== b.size) return false;
    for (const id of b) if (!a.has(id)) return false;
    return true;
  }

  function publishBatch(): void {
    const lines = batch;
    batch = [];
    batchAt = null;
    // Lines after one another with the same windows go out in one call (with one window, a whole read in one), in
    // the order they ticked: one array, one pass over the windows and the taps per read instead of per line.
    let run: Quote[] = [];
    let runClients: Set<string> | null = null;
    const flushRun = (): void => {
      if (run.length === 0) return;
      deps.publish(run, runClients!);
      run = [];
    };
    for (const line of lines) {
      if (line.draft) {
        line.draft = false;
        const clients = clientsOf(line);
        if (runClients === null || !sameClients(runClients, clients)) {
          flushRun();
          runClients = clients;
        }
        run.push(line.quote);
      }
      // The stamp follows its quote (published here, or emitted since) in the same task, so in the same frame.
      if (line.probe !== null) {
        flushRun();
        if (line.stream !== null) probeOut?.([line.probe], clientsOf(line));
        line.probe = null;
      }
    }
    flushRun();
  }

  const probeOut = deps.probe;

  /** The quote of a line, as a draft of the current batch that ticks may change in place. */
  function draftOf(line: Line): Quote {
    if (!line.draft) {
      line.quote = copyQuote(line.quote);
      line.draft = true;
      batch.push(line);
      if (batchAt === null) {
        batchAt = clock.now();
        queueMicrotask(publishBatch);
      }
    }
    return line.quote;
  }

  function delayedNote(line: Line, code: number): string {
    return `No live market data subscription for ${line.contract.symbol}: showing delayed data (15–20 min) instead (TWS ${code})`;
  }

  /** What each line's sink does (one object for the service, shared by every line's sink). */
  const handlers: LineHandlers = {
    starting(line) {
      line.dataType = null;
      if (line.quote.state !== 'error') emit(line, { state: line.delayed ? 'delayed' : 'pending' });
    },
    tick(line, field, value, delayed) {
      const q = draftOf(line);
      const now = batchAt ?? clock.now();
      // The ticks of one read share its time: the long-lived line is written once per read, not per tick.
      if (line.lastTickAt !== now) line.lastTickAt = now;
      if (q.state === 'stale' && !line.delayed) delete q.note;
      q.state = delayed
        ? line.dataType === 4
          ? 'delayed-frozen'
          : 'delayed'
        : (TYPE_STATE[line.dataType ?? 1] ?? 'live');
      setQuoteField(q, field, value);
      q.updatedAt = now;
    },
    greeks(line, greeks, delayed) {
      const q = draftOf(line);
      q.greeks = greeks;
      if (delayed && q.state === 'pending') q.state = 'delayed';
    },
    probe(line, tickId, tickAt) {
      draftOf(line);
      line.probe = { conId: line.contract.conId, tickId, tickAt };
    },
    dataType(line, t) {
      line.dataType = t;
      const state = TYPE_STATE[t] ?? 'live';
      if (state !== line.quote.state && line.quote.state !== 'pending') emit(line, { state });
      else if (line.quote.state === 'pending' && line.lastTickAt !== null) emit(line, { state });
    },
    error(line, code, message) {
      const info = describeTwsCode(code);
      if (info.reaction === 'delayed-data') {
        if (code === 10167 || code === 10090) {
          // TWS already sends delayed data on this line; label it.
          line.delayed = true;
          emit(line, { state: 'delayed', note: delayedNote(line, code) });
          return 'keep';
        }
        if (!line.delayed) {
          line.delayed = true;
          log.info(`${line.contract.symbol}: ${plainTwsMessage(code, message)}`, {
            twsCode: code,
            action: 'switched this instrument to delayed data',
          });
          emit(line, { state: 'delayed', note: delayedNote(line, code) });
          return 'restart';
        }
      }
      if (info.severity !== 'error' && info.reaction !== 'delayed-data') {
        log.info(`${line.contract.symbol}: ${plainTwsMessage(code, message)}`, { twsCode: code });
        return 'keep';
      }
      log.warn(`${line.contract.symbol}: ${plainTwsMessage(code, message)}`, {
        twsCode: code,
        action: 'quote line stopped',
      });
      setStream(line, null);
      emit(line, { state: 'error', note: plainTwsMessage(code, message) });
      promote();
      return 'end';
    },
  };

  function open(line: Line): void {
    line.waitingSince = null;
    const stream = tws.marketData(
      line.contract,
      { delayed: () => line.delayed },
      new LineSink(line, handlers, probeOut !== undefined),
    );
    // Set after the call, as before: an error the adapter reports inside it ends the line, and the handle still wins.
    setStream(line, stream);
  }

  function promote(): void {
    fillSlots();
    const waiting = [...lines.values()]
      .filter((l) => l.stream === null && l.waitingSince !== null)
      .sort((a, b) => a.waitingSince! - b.waitingSince!);
    for (const line of waiting) {
      if (used() >= budget) break;
      take(line);
      emit(line, { state: line.delayed ? 'delayed' : 'pending', note: undefined });
    }
  }

  function noLineNote(): string {
    return `Over the market-data line budget (${budget} lines in use): close a row elsewhere or raise the budget in Settings`;
  }

  function subscribe(holder: Holder, contracts: readonly ResolvedContract[]): Quote[] {
    const out: Quote[] = [];
    for (const contract of contracts) {
      let line = lines.get(contract.conId);
      if (!line) {
        line = {
          contract,
          holders: new Map(),
          quote: emptyQuote(contract.conId),
          stream: null,
          delayed: false,
          dataType: null,
          waitingSince: null,
          lastTickAt: null,
          draft: false,
          clients: null,
          probe: null,
          awaitingSlot: false,
        };
        lines.set(contract.conId, line);
        if (used() < budget) take(line);
        else {
          line.waitingSince = clock.now();
          line.quote = { ...line.quote, state: 'no-line', note: noLineNote() };
        }
      }
      const h = line.holders.get(holder.key) ?? { clientId: holder.clientId, count: 0 };
      h.count++;
      line.holders.set(holder.key, h);
      line.clients = null;
      out.push(line.quote);
    }
    return out;
  }

  function drop(conId: number, line: Line): void {
    lines.delete(conId);
    line.draft = false;
    if (line.awaitingSlot) {
      setAwaiting(line, false);
      slotQueue.splice(slotQueue.indexOf(line), 1);
    }
    const stream = line.stream;
    setStream(line, null);
    if (stream) {
      freeing++;
      stream.close(freed);
    }
  }

  function unsubscribe(holder: Holder, conIds: readonly number[]): void {
    let released = false;
    for (const conId of conIds) {
      const line = lines.get(conId);
      const h = line?.holders.get(holder.key);
      if (!line || !h) continue;
      h.count--;
      if (h.count <= 0) {
        line.holders.delete(holder.key);
        line.clients = null;
      }
      if (line.holders.size === 0) {
        released ||= line.stream !== null || line.awaitingSlot;
        drop(conId, line);
      }
    }
    if (released) promote();
  }

  function releaseClient(clientId: string): void {
    let released = false;
    for (const [conId, line] of [...lines]) {
      for (const [key, h] of [...line.holders])
        if (h.clientId === clientId) {
          line.holders.delete(key);
          line.clients = null;
        }
      if (line.holders.size === 0) {
        released ||= line.stream !== null || line.awaitingSlot;
        drop(conId, line);
      }
    }
    if (released) promote();
  }

  // Stale: a live line that has not ticked for a while (the farm may be down, or the instrument halted).
  const staleTimer: Timer = clock.setInterval(() => {
    const now = clock.now();
    for (const line of lines.values()) {
      if (line.stream === null || line.quote.state !== 'live') continue;
      const last = line.lastTickAt ?? line.stream.info().startedAt;
      if (last !== null && now - last > staleAfter) emit(line, { state: 'stale' });
    }
  }, 5_000);

  // Without a usable connection nothing ticks: say so on every quote instead of showing old prices as live.
  const offStatus = tws.link.onStatus((st) => {
    const paused =
      st.state === 'degraded'
        ? 'TWS lost its connection to IB: prices are paused'
        : st.state === 'ready'
          ? null
          : 'Not connected to TWS: prices are paused';
    if (paused === null) return;
    for (const line of lines.values()) {
      if (line.stream === null || line.quote.state === 'error' || line.quote.state === 'stale') continue;
      emit(line, { state: 'stale', note: paused });
    }
  });

  return {
    subscribe,
    unsubscribe,
    releaseClient,
    quote: (conId) => lines.get(conId)?.quote,
    async snapshot(contract) {
      const line = lines.get(contract.conId);
      if (line && line.stream && line.lastTickAt !== null) return line.quote;
      const f = await tws.snapshot(contract);
      const { delayed, ...values } = f;
      return {
        ...emptyQuote(contract.conId, delayed ? 'delayed' : 'live'),
        ...values,
        updatedAt: clock.now(),
      };
    },
    lines: () => ({ used: used(), budget }),
    configure(prefs) {
      budget = prefs.marketDataLines;
      const next = MD_TYPE_NUMBER[prefs.marketDataType];
      if (next !== type) {
        type = next;
        tws.link.setMarketDataType(type);
        // The type applies to requests sent after it: ask every line again.
        for (const line of lines.values()) line.stream?.restart();
      }
      promote();
    },
    stop() {
      stopped = true;
      offStatus();
      clock.clearInterval(staleTimer);
      for (const [conId, line] of [...lines]) drop(conId, line);
    },
  };
}
