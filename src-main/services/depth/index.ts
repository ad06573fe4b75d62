// Market depth: one TWS depth request per instrument whatever the number of windows that show it (TWS allows very
// few: 3 on most accounts, error 309 beyond), the book kept from TWS's changes by position, and published to the
// windows that hold it whole, at most once per frame of the hub (a busy book changes hundreds of times a second):
// a change marks the book dirty and the hub reads the dirty books when its next frame goes out, so a change leaves
// main within one frame, the books coalesced in that one stage (issue #14).
// A (re)start empties the book before TWS re-sends it, so a reconnect never shows old and new rows mixed; a book
// that stops changing while the instrument's quote still moves is shown stale. With `probe` (npm run bench only) a
// book carries the demo gateway's stamps of the changes it is the first to include.
import type { QuoteProbe } from '../../../src-shared/bench-probe';
import type { Clock, Timer } from '../../../src-shared/clock';
import {
  DEPTH_ROWS,
  type DepthBook,
  type DepthChange,
  type DepthEvent,
  type DepthRow,
} from '../../../src-shared/domain/depth';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import type { Logger } from '../../../src-shared/logger';
import type { StreamHandle } from '../../ib/connection';
import type { ResolvedContract, Tws } from '../../ib/adapter';
import { applyDepthChange, DepthBookError } from './book';
import { hold } from '../../../src-shared/holds';
import { windowHolds } from '../window-holds';

type Line = {
  contract: ResolvedContract;
  /** clientId → how many of its panes hold the book. */
  holders: Map<string, number>;
  bids: DepthRow[];
  asks: DepthRow[];
  state: DepthBook['state'];
  note: string | undefined;
  updatedAt: number | null;
  stream: StreamHandle | null;
  dirty: boolean;
  /** When the book was last restarted because TWS's changes did not fit it. */
  resyncAt: number | null;
  /** Bench stamps of the changes since the last publish (only with `probe`). */
  probes: QuoteProbe[];
};

export interface Depth {
  /** Holds the book of an instrument for a window; answers what is known of it now. */
  subscribe(clientId: string, contract: ResolvedContract): DepthBook;
  unsubscribe(clientId: string, conId: number): void;
  /** Drops every book a window held (it closed). */
  releaseClient(clientId: string): void;
  /** Depth requests open at TWS. */
  lines(): number;
  stop(): void;
}

/** A frame source (the hub's): `ready()` asks for a frame, `collect` runs when it goes out. */
type FrameSource = { ready(): void; remove(): void };

export type DepthDeps = {
  tws: Pick<Tws, 'marketDepth'>;
  clock: Clock;
  log: Logger;
  emitTo: (clientId: string, book: DepthEvent) => void;
  /**
   * The frames the books go out with (the hub's frameSource): the service says a book changed, and `collect` runs
   * when the next frame goes out. Without it (the CLI) the books are collected `coalesceMs` after a change.
   */
  frames?: (collect: () => void) => FrameSource;
  /** Reads the adapter's bench stamps into the books published (npm run bench only). */
  probe?: boolean;
  /** When the instrument's level-1 quote last changed (null: unknown): a still book is stale only while it moves. */
  quoteUpdatedAt?: (conId: number) => number | null;
  rows?: number;
  /** Without `frames`: how long changes coalesce before the books go out. */
  coalesceMs?: number;
  staleAfterMs?: number;
};

/** The frame source of a host without a hub: one collect `ms` after the first change. */
function timerFrames(clock: Clock, ms: number): (collect: () => void) => FrameSource {
  return (collect) => {
    let timer: Timer | null = null;
    return {
      ready() {
        timer ??= clock.setTimeout(() => {
          timer = null;
          collect();
        }, ms);
      },
      remove() {
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
      },
    };
  };
}

const COALESCE_MS = 16;
const STALE_AFTER_MS = 10_000;
/** A book whose changes stop fitting is re-requested at most this often (a broken feed must not loop). */
const RESYNC_EVERY_MS = 5_000;
/** Stamps a line keeps between two publishes at most (a window that stopped them would otherwise grow them). */
const MAX_PROBES = 64;

export function createDepth(deps: DepthDeps): Depth {
  const { tws, clock, log } = deps;
  const rows = deps.rows ?? DEPTH_ROWS;
  const staleAfter = deps.staleAfterMs ?? STALE_AFTER_MS;
  const lines = new Map<number, Line>();

  function bookOf(line: Line): DepthBook {
    return {
      conId: line.contract.conId,
      bids: line.bids.slice(),
      asks: line.asks.slice(),
      state: line.state,
      ...(line.note !== undefined ? { note: line.note } : {}),
      updatedAt: line.updatedAt,
    };
  }

  function publish(line: Line): void {
    line.dirty = false;
    const probe = line.probes;
    line.probes = [];
    const book: DepthEvent = probe.length > 0 ? { ...bookOf(line), probe } : bookOf(line);
    for (const clientId of line.holders.keys()) deps.emitTo(clientId, book);
  }

  const frames = (deps.frames ?? timerFrames(clock, deps.coalesceMs ?? COALESCE_MS))(() => {
    for (const line of lines.values()) if (line.dirty) publish(line);
  });

  function changed(line: Line): void {
    line.dirty = true;
    frames.ready();
  }

  function apply(line: Line, change: DepthChange): void {
    try {
      applyDepthChange(change.side === 'bid' ? line.bids : line.asks, change, rows);
    } catch (err) {
      if (!(err instanceof DepthBookError)) throw err;
      const now = clock.now();
      if (line.resyncAt !== null && now - line.resyncAt < RESYNC_EVERY_MS) return;
      line.resyncAt = now;
      log.warn(`${line.contract.symbol}: a depth change did not fit the book (${err.message})`, {
        action: 'book re-requested from empty',
      });
      line.stream?.restart();
      return;
    }
    line.updatedAt = clock.now();
    if (line.state !== 'live') {
      line.state = 'live';
      line.note = undefined;
    }
    changed(line);
  }

  function clear(line: Line, state: DepthBook['state'], note?: string): void {
    line.bids.length = 0;
    line.asks.length = 0;
    line.state = state;
    line.note = note;
    // Stamps of changes to the book just emptied were painted by nothing that follows.
    line.probes = [];
    publish(line);
  }

  function open(line: Line): void {
    line.stream = tws.marketDepth(
      line.contract,
      { rows, smart: line.contract.exchange === 'SMART' },
      {
        starting: () => clear(line, 'pending'),
        change: (c) => apply(line, c),
        ...(deps.probe
          ? {
              probe: (tickId: number, tickAt: number) => {
                if (!line.dirty || line.probes.length >= MAX_PROBES) return;
                line.probes.push({ conId: line.contract.conId, tickId, tickAt });
              },
            }
          : {}),
        error: (code, message) => {
          if (code === 317) {
            // RESET: TWS re-sends the whole book on the same request.
            clear(line, 'pending');
            return 'keep';
          }
          if (code === 316) {
            clear(line, 'pending', plainTwsMessage(code, message));
            return 'restart';
          }
          const info = describeTwsCode(code);
          if (info.severity !== 'error') {
            log.info(`${line.contract.symbol} depth: ${plainTwsMessage(code, message)}`, { twsCode: code });
            return 'keep';
          }
          log.warn(`${line.contract.symbol} depth: ${plainTwsMessage(code, message)}`, {
            twsCode: code,
            action: 'depth request stopped',
          });
          line.stream = null;
          clear(line, 'error', plainTwsMessage(code, message));
          return 'end';
        },
      },
    );
  }

  function close(conId: number, line: Line): void {
    line.stream?.close();
    lines.delete(conId);
  }

  const staleTimer = clock.setInterval(
    () => {
      const now = clock.now();
      for (const line of lines.values()) {
        if (line.state !== 'live' || line.updatedAt === null || now - line.updatedAt < staleAfter) continue;
        const quoteAt = deps.quoteUpdatedAt?.(line.contract.conId) ?? null;
        if (quoteAt !== null && quoteAt <= line.updatedAt) continue;
        line.state = 'stale';
        line.note = `No depth update for ${Math.round((now - line.updatedAt) / 1000)} s while the quote moves`;
        publish(line);
      }
    },
    Math.max(250, staleAfter / 4),
  );

  const holds = windowHolds(lines, 'depth', close);

  return {
    subscribe(clientId, contract) {
      let line = lines.get(contract.conId);
      if (!line) {
        line = {
          contract,
          holders: new Map(),
          bids: [],
          asks: [],
          state: 'pending',
          note: undefined,
          updatedAt: null,
          stream: null,
          dirty: false,
          resyncAt: null,
          probes: [],
        };
        lines.set(contract.conId, line);
        open(line);
      }
      hold(line.holders, clientId);
      return bookOf(line);
    },
    ...holds,
    lines: () => [...lines.values()].filter((l) => l.stream !== null).length,
    stop() {
      clock.clearInterval(staleTimer);
      frames.remove();
      for (const [conId, line] of [...lines]) close(conId, line);
    },
  };
}
