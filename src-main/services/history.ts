// Historical bars: any bar size and duration, requested in pages (@stoqey/ib's decoder is O(n²) on big messages:
// 20k bars block the main thread for ~1.4 s), scroll-back by end time, a live last bar (keepUpToDate) shared by
// every chart on the same series, and an in-memory cache so a reopened chart spends no pacing budget: a live series
// lingers for a few minutes after its last chart closes and a chart reopened meanwhile attaches to it.
import {
  barSizeSeconds,
  durationFor,
  durationSeconds,
  mergeBar,
  type Bar,
  type BarSize,
  type Duration,
} from '../../src-shared/domain/bar';
import { plainTwsMessage } from '../../src-shared/errors';
import { AppError } from '../../src-shared/result';
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { StreamHandle } from '../ib/connection';
import type { HistorySpec, Tws } from '../ib/adapter';

/** Bars per TWS request: ~40 ms of decoding at most. */
const MAX_BARS_PER_PAGE = 3000;
/** At most this many pages for one call (each page is one request against TWS's 60-per-10-minutes rule). */
export const MAX_PAGES = 12;
export { durationFor };
const LINGER_MS = 5 * 60_000;
const MAX_CACHED_BARS = 1_000_000;

export type Page = { duration: Duration; endTime: number | undefined };

/**
 * Splits a request into pages of at most MAX_BARS_PER_PAGE bars (calendar estimate, which over-counts for
 * trading hours), newest first. `endTime` undefined = now; `now` fills it in for the older pages.
 */
export function planPages(
  barSize: BarSize,
  duration: Duration,
  endTime: number | undefined,
  now: number,
): Page[] {
  const total = durationSeconds(duration);
  const bar = barSizeSeconds(barSize);
  if (total / bar <= MAX_BARS_PER_PAGE) return [{ duration, endTime }];
  const raw = MAX_BARS_PER_PAGE * bar;
  const pageSpan = raw < 86_400 ? raw : Math.floor(raw / 86_400) * 86_400;
  const pages: Page[] = [];
  const end = endTime ?? now;
  for (let covered = 0; covered < total && pages.length < MAX_PAGES; covered += pageSpan) {
    const span = Math.min(pageSpan, total - covered);
    pages.push({ duration: durationFor(span), endTime: covered === 0 ? endTime : end - covered });
  }
  return pages;
}

type Series = {
  key: string;
  bars: Bar[];
  /** Unix seconds: data is known from here… */
  from: number;
  /** …to here (the time of the last fetch, or now while live). */
  to: number;
  usedAt: number;
  live: Live | null;
};

type Live = {
  stream: StreamHandle;
  holders: Map<string, string>; // subId → clientId
  linger: Timer | null;
  ready: Promise<void>;
  lastBarTime: number | null;
  /**
   * Seconds our clock is ahead of the gateway's: 0 with TWS, months with a replaying gateway, whose "now" is its
   * replay clock. The live series' window ends at the gateway's now, or a replay's bars would all fall before it.
   */
  skew: number;
};

export type BarsEvent = { subId: string; bars: Bar[] };

/** A series up to now: what a live chart subscribes to. */
type LiveSpec = Omit<HistorySpec, 'endTime'>;

export interface History {
  get(p: HistorySpec): Promise<{ bars: Bar[]; fromCache: boolean }>;
  subscribe(clientId: string, p: LiveSpec): Promise<{ subId: string; bars: Bar[] }>;
  /** Ends a bar subscription of a window; NOT_FOUND when there is no such subscription. */
  unsubscribe(subId: string): void;
  releaseClient(clientId: string): void;
  /**
   * The bars now come from elsewhere (another profile, another recording replayed): every cached bar is forgotten,
   * so no chart mixes two sources (a replay's chart showed the Demo's bars after its replay clock). Live series keep
   * their holders; their streams' next answer fills them again and goes to the charts whole.
   */
  sourceChanged(): void;
  stop(): void;
}

/**
 * How far (seconds) our clock `now` is ahead of the gateway's, judged by a keepUpToDate answer covering `window`
 * seconds up to the gateway's now: TWS's bars lie inside that window of our clock too (0), a replaying gateway's
 * end at its replay clock, before the window starts (its clock is then the last bar's end).
 */
function gatewaySkew(bars: readonly Bar[], barSeconds: number, window: number, now: number): number {
  const last = bars.at(-1);
  if (!last) return 0;
  const end = last.time + barSeconds;
  return end < now - window ? now - end : 0;
}

export function createHistory(deps: {
  tws: Tws;
  clock: Clock;
  log: Logger;
  emitTo: (clientId: string, event: BarsEvent) => void;
  notify: (clientId: string, title: string, message: string) => void;
  lingerMs?: number;
}): History {
  const { tws, clock, log } = deps;
  const series = new Map<string, Series>();
  const subs = new Map<string, { key: string; clientId: string }>();
  let subSeq = 0;
  const lingerMs = deps.lingerMs ?? LINGER_MS;

  const nowSec = () => Math.floor(clock.now() / 1000);
  const keyOf = (p: LiveSpec) => `${p.contract.conId}|${p.barSize}|${p.whatToShow}|${p.useRTH ? 1 : 0}`;

  function seriesFor(key: string): Series {
    let s = series.get(key);
    if (!s) {
      s = { key, bars: [], from: Number.POSITIVE_INFINITY, to: 0, usedAt: clock.now(), live: null };
      series.set(key, s);
    }
    s.usedAt = clock.now();
    return s;
  }

  function merge(s: Series, bars: readonly Bar[], from: number, to: number): void {
    if (bars.length > 0) {
      const byTime = new Map<number, Bar>();
      for (const b of s.bars) byTime.set(b.time, b);
      for (const b of bars) byTime.set(b.time, b);
      s.bars = [...byTime.values()].sort((a, b) => a.time - b.time);
    }
    s.from = Math.min(s.from, from);
    s.to = Math.max(s.to, to);
    evict();
  }

  function evict(): void {
    let total = 0;
    for (const s of series.values()) total += s.bars.length;
    if (total <= MAX_CACHED_BARS) return;
    const idle = [...series.values()].filter((s) => !s.live).sort((a, b) => a.usedAt - b.usedAt);
    for (const s of idle) {
      if (total <= MAX_CACHED_BARS) break;
      total -= s.bars.length;
      series.delete(s.key);
    }
  }

  const slice = (s: Series, from: number, to: number) => s.bars.filter((b) => b.time >= from && b.time < to);

  async function fetchPages(s: Series, p: LiveSpec, endTime: number | undefined): Promise<void> {
    const now = nowSec();
    const pages = planPages(p.barSize, p.duration, endTime, now);
    for (const page of pages) {
      const spec: HistorySpec = { ...p, duration: page.duration, endTime: page.endTime };
      const end = page.endTime ?? now;
      let bars: Bar[];
      try {
        bars = await tws.history(spec);
      } catch (err) {
        // "no data" for an older page means we reached the start of the instrument's history.
        if (err instanceof AppError && err.code === 'NOT_FOUND' && s.bars.length > 0) {
          merge(s, [], end - durationSeconds(page.duration), end);
          break;
        }
        throw err;
      }
      merge(s, bars, end - durationSeconds(page.duration), end);
    }
  }

  async function get(p: HistorySpec): Promise<{ bars: Bar[]; fromCache: boolean }> {
    const s = seriesFor(keyOf(p));
    const end = p.endTime ?? nowSec();
    const start = end - durationSeconds(p.duration);
    const fresh = s.live !== null || nowSec() - s.to <= Math.max(60, barSizeSeconds(p.barSize));
    const covered = s.from <= start && (p.endTime !== undefined ? end <= s.to : fresh);
    if (covered) return { bars: slice(s, start, end + 1), fromCache: true };
    await fetchPages(s, p, p.endTime);
    return { bars: slice(s, start, end + 1), fromCache: false };
  }

  function emitLive(s: Series, bars: Bar[]): void {
    if (!s.live || bars.length === 0) return;
    for (const [subId, clientId] of s.live.holders) deps.emitTo(clientId, { subId, bars });
  }

  function startLive(s: Series, p: LiveSpec): Live {
    const liveDuration = planPages(p.barSize, p.duration, undefined, nowSec())[0]!.duration;
    let resolveReady!: () => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => {
      resolveReady = res;
      rejectReady = rej;
    });
    let first = true;
    const live: Live = {
      holders: new Map(),
      linger: null,
      ready,
      lastBarTime: null,
      skew: 0,
      stream: tws.historyLive(
        {
          contract: p.contract,
          barSize: p.barSize,
          duration: liveDuration,
          whatToShow: p.whatToShow,
          useRTH: p.useRTH,
        },
        {
          initial: (bars) => {
            const before = live.lastBarTime;
            live.skew = gatewaySkew(bars, barSizeSeconds(p.barSize), durationSeconds(liveDuration), nowSec());
            const end = nowSec() - live.skew;
            merge(s, bars, end - durationSeconds(liveDuration), end);
            live.lastBarTime = s.bars.at(-1)?.time ?? null;
            if (first) {
              first = false;
              resolveReady();
            } else {
              // After a reconnect: hand the charts what they missed (merged by time on their side).
              emitLive(s, before === null ? bars : bars.filter((b) => b.time >= before));
            }
          },
          update: (bar) => {
            s.bars = mergeBar(s.bars, bar);
            s.to = Math.max(s.to, nowSec() - live.skew);
            live.lastBarTime = bar.time;
            emitLive(s, [bar]);
          },
          error: (code, message) => {
            const text = plainTwsMessage(code, message);
            log.warn(`Live bars for ${p.contract.symbol} ${p.barSize} stopped: ${text}`, {
              twsCode: code,
              action: 'live bar stopped',
            });
            if (first) {
              first = false;
              rejectReady(new AppError('IB_REJECTED', text, { twsCode: code }));
            }
            if (s.live === live) {
              for (const clientId of new Set(live.holders.values()))
                deps.notify(clientId, 'Live bars stopped', `${p.contract.symbol} ${p.barSize}: ${text}`);
              s.live = null;
            }
          },
        },
      ),
    };
    return live;
  }

  async function subscribe(clientId: string, p: LiveSpec): Promise<{ subId: string; bars: Bar[] }> {
    // A new live series needs TWS: its first bars would wait for the connection, and the call with them (the
    // chart shows "loading" meanwhile). It says so at once instead; the renderer reopens a chart in error when TWS
    // comes back. A series already live answers from what it has.
    const key = keyOf(p);
    if (!tws.link.canSend() && !series.get(key)?.live)
      throw new AppError('NOT_CONNECTED', 'Not connected to TWS: a live chart needs a connection');
    const s = seriesFor(key);
    let live = s.live;
    if (!live) {
      live = startLive(s, p);
      s.live = live;
    }
    if (live.linger !== null) {
      clock.clearTimeout(live.linger);
      live.linger = null;
    }
    const subId = `bars-${++subSeq}`;
    live.holders.set(subId, clientId);
    subs.set(subId, { key: s.key, clientId });
    try {
      await live.ready;
      const start = nowSec() - live.skew - durationSeconds(p.duration);
      if (s.from > start) await fetchPages(s, { ...p, duration: durationFor(s.from - start) }, s.from);
      return { subId, bars: slice(s, start, Number.POSITIVE_INFINITY) };
    } catch (err) {
      release(subId);
      throw err;
    }
  }

  function unsubscribe(subId: string): void {
    if (!subs.has(subId)) throw new AppError('NOT_FOUND', `There is no bar subscription ${subId}`);
    release(subId);
  }

  function release(subId: string): void {
    const sub = subs.get(subId);
    if (!sub) return;
    subs.delete(subId);
    const s = series.get(sub.key);
    const live = s?.live;
    if (!s || !live) return;
    live.holders.delete(subId);
    if (live.holders.size > 0 || live.linger !== null) return;
    live.linger = clock.setTimeout(() => {
      live.linger = null;
      if (live.holders.size > 0 || s.live !== live) return;
      live.stream.close();
      s.live = null;
      s.to = nowSec();
    }, lingerMs);
  }

  return {
    get,
    subscribe,
    unsubscribe,
    releaseClient(clientId) {
      for (const [subId, sub] of [...subs]) if (sub.clientId === clientId) release(subId);
    },
    sourceChanged() {
      for (const s of series.values()) {
        s.bars = [];
        s.from = Number.POSITIVE_INFINITY;
        s.to = 0;
        if (s.live) s.live.lastBarTime = null;
      }
    },
    stop() {
      for (const s of series.values()) {
        if (s.live?.linger) clock.clearTimeout(s.live.linger);
        s.live?.stream.close();
        s.live = null;
      }
    },
  };
}
