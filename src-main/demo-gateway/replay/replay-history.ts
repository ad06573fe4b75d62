// Historical bars in a replay: the recorded bars of the same contract and data type (the first answer and every
// update the recording has reached), made coarser when the request's bar size is a multiple of the recorded one,
// with the model's bars before the recording's first bar; keepUpToDate requests then follow the recorded updates.
// A request the recording has no bars for (none of that contract and type, or only coarser ones) is the model's.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { HistoryService } from '../handlers/history';
import type { Instrument } from '../model/instrument';
import type { Bars, WhatToShow } from '../model/history';
import { parseBarSize, parseDuration } from '../model/bar-spec';
import type { BarSize } from '../model/bar-spec';
import type { Request } from '../wire/requests';
import { historicalDataUpdate } from '../wire/encoder';
import { etMidnight, etStamp, etDay, parseTwsDateTime, ymdOfDay } from '../wire/tws-time';
import { MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES } from '../wire/server-versions';
import type { Player } from './player';
import { linesOf } from './session-lines';
import type { RecordedStream } from './recorded-stream';

type HistoryRequest = Extract<Request, { kind: 'reqHistoricalData' }>;

const DAY = 86_400_000;
const HMDS = 'Historical Market Data Service error message:';

interface Bar {
  /** UTC ms of the bar's start, or the ET day number for daily bars. */
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
  wap: number;
  n: number;
}

/** A recorded bar label as ms (or an ET day number for daily bars): "yyyyMMdd", epoch seconds, "yyyyMMdd HH:mm:ss zone". */
function parseBarLabel(label: string, daily: boolean): number | undefined {
  const s = label.trim();
  if (/^\d{8}$/.test(s)) {
    const d = Math.floor(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8)) / DAY);
    return daily ? d : etMidnight(d);
  }
  if (/^\d{9,11}$/.test(s)) return daily ? etDay(Number(s) * 1000) : Number(s) * 1000;
  const t = parseTwsDateTime(s);
  if (t === undefined) return undefined;
  return daily ? etDay(t) : t;
}

/** The bars a recorded history stream holds: its historicalData answer, overlaid by its updates, in time order. */
function recordedBars(stream: RecordedStream, volumeFactor: number, daily: boolean): Bar[] {
  const { first, updates } = stream.barMessages();
  const byTime = new Map<number, Bar>();
  const num = (x: string | undefined): number => Number(x ?? 'NaN');
  if (first) {
    const n = Number(first[4]) || 0;
    for (let k = 0; k < n; k++) {
      const b = 5 + k * 8;
      const t = parseBarLabel(first[b] ?? '', daily);
      if (t === undefined) continue;
      const v = num(first[b + 5]);
      byTime.set(t, {
        t,
        o: num(first[b + 1]),
        h: num(first[b + 2]),
        l: num(first[b + 3]),
        c: num(first[b + 4]),
        v: v < 0 ? v : v * volumeFactor,
        wap: num(first[b + 6]),
        n: num(first[b + 7]),
      });
    }
  }
  // historicalDataUpdate: reqId, barCount, date, open, close, high, low, wap, volume.
  for (const u of updates) {
    const t = parseBarLabel(u[3] ?? '', daily);
    if (t === undefined) continue;
    const v = num(u[9]);
    byTime.set(t, {
      t,
      o: num(u[4]),
      c: num(u[5]),
      h: num(u[6]),
      l: num(u[7]),
      wap: num(u[8]),
      v: v < 0 ? v : v * volumeFactor,
      n: num(u[2]),
    });
  }
  return [...byTime.values()].filter((b) => Number.isFinite(b.c)).sort((a, b) => a.t - b.t);
}

/** Intraday bars merged into buckets of `seconds`, aligned on the ET day as the model's bars are. */
function coarser(bars: readonly Bar[], seconds: number): Bar[] {
  const ms = seconds * 1000;
  const out: Bar[] = [];
  for (const b of bars) {
    const mid = etMidnight(etDay(b.t));
    const t = mid + Math.floor((b.t - mid) / ms) * ms;
    const last = out[out.length - 1];
    if (last && last.t === t) {
      const vol = last.v + b.v;
      last.wap = vol > 0 ? (last.wap * last.v + b.wap * b.v) / vol : b.wap;
      last.h = Math.max(last.h, b.h);
      last.l = Math.min(last.l, b.l);
      last.c = b.c;
      last.v = vol;
      last.n += b.n;
    } else out.push({ ...b, t });
  }
  return out;
}

function toBars(list: readonly Bar[], daily: boolean): Bars {
  return {
    time: list.map((b) => b.t),
    open: list.map((b) => b.o),
    high: list.map((b) => b.h),
    low: list.map((b) => b.l),
    close: list.map((b) => b.c),
    volume: list.map((b) => b.v),
    wap: list.map((b) => b.wap),
    count: list.map((b) => b.n),
    daily,
  };
}

/** The recorded stream whose bars make the requested size: the coarsest that divides it (ties: the latest). */
function source(
  members: readonly RecordedStream[],
  bar: BarSize,
): { stream: RecordedStream; recorded: BarSize } | undefined {
  let best: { stream: RecordedStream; recorded: BarSize } | undefined;
  for (const s of members) {
    const text = s.request.params?.barSize;
    const recorded = typeof text === 'string' ? parseBarSize(text) : undefined;
    if (!recorded || s.barMessages().first === undefined) continue;
    const fits =
      bar.unit === 'sec'
        ? recorded.unit === 'sec' && bar.seconds % recorded.seconds === 0
        : recorded.unit === bar.unit;
    if (fits && (!best || recorded.seconds >= best.recorded.seconds)) best = { stream: s, recorded };
  }
  return best;
}

interface LiveBars {
  session: Session;
  reqId: number;
  stream: RecordedStream;
  bar: BarSize;
  recorded: BarSize;
  formatDate: number;
  inst: Instrument;
  stop: () => void;
}

export class ReplayHistory {
  private readonly live = new Map<Session, Map<number, LiveBars>>();

  constructor(
    private readonly ctx: GatewayContext,
    private readonly player: Player,
    private readonly encoder: Pick<HistoryService, 'encodeFrame'>,
  ) {}

  /**
   * Answers a history request from the recording; false when the model must (nothing recorded for it, or a
   * request the model's handler refuses with TWS's error).
   */
  request(s: Session, req: HistoryRequest, key: string, inst: Instrument): boolean {
    const bar = parseBarSize(req.barSize);
    const duration = parseDuration(req.duration);
    if (!bar || !duration || (req.keepUpToDate && req.endDateTime.trim() !== '')) return false;
    const src = source(this.player.membersOf(key), bar);
    if (!src) return false;
    const now = this.ctx.clock.now();
    const daily = bar.unit !== 'sec';
    const end = Math.min(
      req.endDateTime.trim() === '' ? now : (parseTwsDateTime(req.endDateTime) ?? now),
      now,
    );
    const start = this.ctx.history.startOf(inst, end, duration, req.useRth);
    const list = this.barsOf(src.stream, src.recorded, bar, inst).filter((b) => {
      const t = daily ? etMidnight(b.t) : b.t;
      return t >= (daily ? etMidnight(etDay(start)) : start) && t < end;
    });
    const firstRecorded = list[0] ? (daily ? etMidnight(list[0].t) : list[0].t) : end;
    let bars = toBars(list, daily);
    if (start < firstRecorded && this.ctx.universe.byConId(inst.conId) === inst) {
      const model = this.ctx.history.bars(
        inst,
        start,
        firstRecorded,
        bar,
        req.useRth,
        req.whatToShow.trim().toUpperCase() as WhatToShow,
      );
      const keep = model.time.findIndex((t) => (daily ? etMidnight(t) : t) >= firstRecorded);
      const cut = keep < 0 ? model.time.length : keep;
      bars = {
        daily,
        time: [...model.time.slice(0, cut), ...bars.time],
        open: [...model.open.slice(0, cut), ...bars.open],
        high: [...model.high.slice(0, cut), ...bars.high],
        low: [...model.low.slice(0, cut), ...bars.low],
        close: [...model.close.slice(0, cut), ...bars.close],
        volume: [...model.volume.slice(0, cut), ...bars.volume],
        wap: [...model.wap.slice(0, cut), ...bars.wap],
        count: [...model.count.slice(0, cut), ...bars.count],
      };
    }
    if (bars.time.length === 0) {
      s.error(
        req.reqId,
        162,
        `${HMDS}HMDS query returned no data: ${inst.localSymbol}@${inst.primaryExchange} ${req.whatToShow}`,
      );
      return true;
    }
    s.sendRaw(this.encoder.encodeFrame(s.version, req.reqId, inst, bars, start, end, req.formatDate));
    if (req.keepUpToDate) this.follow(s, req, key, { ...src, bar, inst });
    return true;
  }

  cancel(s: Session, reqId: number): boolean {
    const sub = this.live.get(s)?.get(reqId);
    if (!sub) return false;
    sub.stop();
    this.live.get(s)!.delete(reqId);
    s.error(reqId, 162, `${HMDS}API historical data query cancelled: ${reqId}`);
    return true;
  }

  private barsOf(stream: RecordedStream, recorded: BarSize, bar: BarSize, inst: Instrument): Bar[] {
    // Bars are kept in shares; a recording below HMDS_MARKET_DATA_IN_SHARES (175) has stock volumes in lots.
    const toShares =
      inst.secType === 'STK' && this.player.version < MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES ? 100 : 1;
    const list = recordedBars(stream, toShares, bar.unit !== 'sec');
    return bar.unit === 'sec' && bar.seconds !== recorded.seconds ? coarser(list, bar.seconds) : list;
  }

  /** keepUpToDate: every recorded update of the source sends the (coarser) bar it falls in. */
  private follow(
    s: Session,
    req: HistoryRequest,
    key: string,
    src: { stream: RecordedStream; recorded: BarSize; bar: BarSize; inst: Instrument },
  ): void {
    const mine = linesOf(this.live, s);
    const sub: LiveBars = {
      session: s,
      reqId: req.reqId,
      formatDate: req.formatDate,
      ...src,
      stop: () => undefined,
    };
    const latest = (): void => {
      const list = this.barsOf(sub.stream, sub.recorded, sub.bar, sub.inst);
      const b = list[list.length - 1];
      if (b) this.sendUpdate(sub, b);
    };
    sub.stop = this.player.listen(key, {
      message: (stream, fields) => {
        if (stream === sub.stream && fields[0] === '90') latest();
      },
      seeked: latest,
    });
    mine.set(req.reqId, sub);
  }

  private sendUpdate(sub: LiveBars, b: Bar): void {
    const daily = sub.bar.unit !== 'sec';
    const label = daily
      ? ymdOfDay(b.t)
      : sub.formatDate === 2
        ? String(Math.floor(b.t / 1000))
        : etStamp(b.t);
    const div =
      sub.inst.secType === 'STK' && sub.session.version < MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES ? 100 : 1;
    sub.session.send(
      historicalDataUpdate(
        sub.reqId,
        b.n,
        label,
        b.o,
        b.c,
        b.h,
        b.l,
        b.wap,
        b.v < 0 ? b.v : Math.round(b.v / div),
      ),
    );
  }
}
