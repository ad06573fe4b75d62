// Time and sales: one tick-by-tick AllLast stream per instrument whatever the number of windows that show it, each
// trade marked at the ask / at the bid against the instrument's quote when it arrived, the last trades before the
// pane opened from reqHistoricalTicks, and new prints published in batches (at most one per `coalesceMs`). A
// restart of the stream (a reconnect) is published as a gap: the trades meanwhile are not sent again by TWS.
// Memory is bounded: a line keeps its last `keep` prints for panes that open later.
import type { Clock, Timer } from '../../src-shared/clock';
import type { Quote } from '../../src-shared/domain/quote';
import { printSide, type Print, type TapeBatch } from '../../src-shared/domain/tape';
import { describeTwsCode, plainTwsMessage } from '../../src-shared/errors';
import type { Logger } from '../../src-shared/logger';
import type { StreamHandle } from '../ib/connection';
import type { ResolvedContract, Tws } from '../ib/adapter';
import { hold } from '../../src-shared/holds';
import { windowHolds } from './window-holds';

type Line = {
  contract: ResolvedContract;
  holders: Map<string, number>;
  recent: Print[];
  pending: Print[];
  gap: boolean;
  stream: StreamHandle | null;
  history: Promise<Print[]>;
};

export interface Tape {
  /** Holds the instrument's tape for a window; answers the prints so far (history first), oldest first. */
  subscribe(clientId: string, contract: ResolvedContract): Promise<{ prints: Print[] }>;
  unsubscribe(clientId: string, conId: number): void;
  releaseClient(clientId: string): void;
  stop(): void;
}

export type TapeDeps = {
  tws: Pick<Tws, 'tape' | 'recentTrades'>;
  clock: Clock;
  log: Logger;
  emitTo: (clientId: string, batch: TapeBatch) => void;
  quote: (conId: number) => Pick<Quote, 'bid' | 'ask'> | undefined;
  coalesceMs?: number;
  keep?: number;
  historyCount?: number;
};

export function createTape(deps: TapeDeps): Tape {
  const { tws, clock, log } = deps;
  const coalesceMs = deps.coalesceMs ?? 50;
  const keep = deps.keep ?? 2000;
  const historyCount = Math.min(1000, deps.historyCount ?? 500);
  const lines = new Map<number, Line>();
  let flushTimer: Timer | null = null;

  function flush(): void {
    flushTimer = null;
    for (const line of lines.values()) {
      if (line.pending.length === 0 && !line.gap) continue;
      const batch: TapeBatch = { conId: line.contract.conId, prints: line.pending, gap: line.gap };
      line.pending = [];
      line.gap = false;
      for (const clientId of line.holders.keys()) deps.emitTo(clientId, batch);
    }
  }
  const schedule = () => {
    flushTimer ??= clock.setTimeout(flush, coalesceMs);
  };

  function open(contract: ResolvedContract): Line {
    const line: Line = {
      contract,
      holders: new Map(),
      recent: [],
      pending: [],
      gap: false,
      stream: null,
      history: tws
        .recentTrades(contract, historyCount, clock.now())
        .then((trades) => trades.map((t): Print => ({ ...t, at: null })))
        .catch((err: Error) => {
          log.warn(`${contract.symbol}: no trades history for the tape (${err.message})`);
          return [];
        }),
    };
    line.stream = tws.tape(contract, {
      starting: (replay) => {
        if (!replay) return;
        line.gap = true;
        schedule();
      },
      trade: (t) => {
        const q = deps.quote(contract.conId);
        const print: Print = { ...t, at: printSide(t.price, q?.bid ?? null, q?.ask ?? null) };
        line.recent.push(print);
        if (line.recent.length > keep) line.recent.splice(0, line.recent.length - keep);
        line.pending.push(print);
        schedule();
      },
      error: (code, message) => {
        if (describeTwsCode(code).severity !== 'error') return 'keep';
        log.warn(`${contract.symbol} tape: ${plainTwsMessage(code, message)}`, {
          twsCode: code,
          action: 'tape stopped',
        });
        line.stream = null;
        return 'end';
      },
    });
    lines.set(contract.conId, line);
    return line;
  }

  const holds = windowHolds(lines, 'tape', (conId, line) => {
    line.stream?.close();
    lines.delete(conId);
  });

  return {
    async subscribe(clientId, contract) {
      const line = lines.get(contract.conId) ?? open(contract);
      hold(line.holders, clientId);
      const history = await line.history;
      // History ends where the live prints begin (both may hold the same second).
      const firstLive = line.recent[0]?.time ?? Number.POSITIVE_INFINITY;
      const prints = [...history.filter((p) => p.time < firstLive), ...line.recent];
      return { prints: prints.slice(-keep) };
    },
    ...holds,
    stop() {
      if (flushTimer !== null) clock.clearTimeout(flushTimer);
      for (const line of lines.values()) line.stream?.close();
      lines.clear();
    },
  };
}
