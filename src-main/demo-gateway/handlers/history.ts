// Historical data (reqHistoricalData with keepUpToDate, cancel, head timestamp) and real-time 5-second bars, with
// TWS's pacing rules for small bars: no identical request within 15 s, at most 5 requests for one contract and
// data type in 2 s, at most 60 requests in 10 minutes; a breach is answered with error 162 in TWS's words.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import type { ContractRequest } from '../orders/order-types';
import type { Request } from '../wire/requests';
import { resolveOne } from './contracts';
import { Subscriptions } from './subscriptions';
import {
  LEGAL_BAR_SIZES,
  longestSpanSeconds,
  isSmallBar,
  maxDurationSeconds,
  parseBarSize,
  parseDuration,
} from '../model/bar-spec';
import type { BarSize } from '../model/bar-spec';
import { WHAT_TO_SHOW } from '../model/history';
import type { Bars, WhatToShow } from '../model/history';
import { Outgoing } from '../wire/message-ids';
import { headTimestamp, historicalDataUpdate, realtimeBar } from '../wire/encoder';
import { MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES } from '../wire/server-versions';
import { etMidnight, etStamp, parseTwsDateTime, utcDash, ymdOfDay } from '../wire/tws-time';
import { AsciiWriter, decimalsOf } from '../wire/ascii-writer';

const HMDS = 'Historical Market Data Service error message:';
export const PACING_TEXT = `${HMDS}Historical data request pacing violation`;

interface LiveBars {
  session: Session;
  reqId: number;
  inst: Instrument;
  bar: BarSize;
  useRth: boolean;
  what: WhatToShow;
  formatDate: number;
  lastSentClose: number;
  lastSentVolume: number;
  lastSentLabel: string;
}

interface RtBars {
  session: Session;
  reqId: number;
  inst: Instrument;
  what: WhatToShow;
  useRth: boolean;
  /** Start (UTC ms) of the next 5-second bar to send. */
  next: number;
}

interface Paced {
  at: number;
  key: string;
  contractKey: string;
}

export class HistoryService {
  private readonly live = new Subscriptions<LiveBars>();
  private readonly rt = new Subscriptions<RtBars>();
  private readonly recent: Paced[] = [];
  private lastLiveBeat = 0;

  constructor(private readonly ctx: GatewayContext) {}

  hasWork(): boolean {
    return this.live.size > 0 || this.rt.size > 0;
  }

  get counts(): { keepUpToDate: number; realTimeBars: number } {
    return { keepUpToDate: this.live.size, realTimeBars: this.rt.size };
  }

  request(s: Session, req: Extract<Request, { kind: 'reqHistoricalData' }>): void {
    const { reqId } = req;
    const r = resolveOne(this.ctx.universe, req.contract);
    if (!r.ok) return s.error(reqId, r.code, r.text);
    const inst = r.inst;
    const bar = parseBarSize(req.barSize);
    if (!bar) {
      return s.error(
        reqId,
        321,
        `Error validating request.-'bP' : cause - Historical data bar size setting is invalid. Legal ones are: ${LEGAL_BAR_SIZES}`,
      );
    }
    const duration = parseDuration(req.duration);
    if (!duration) {
      return s.error(
        reqId,
        321,
        `Error validating request.-'bP' : cause - Historical data duration format is invalid: "${req.duration}".`,
      );
    }
    const what = req.whatToShow.trim().toUpperCase() as WhatToShow;
    if (!WHAT_TO_SHOW.includes(what) || (inst.secType === 'CASH' && what === 'TRADES')) {
      return s.error(
        reqId,
        162,
        `${HMDS}No historical market data for ${inst.localSymbol}/${inst.secType}@${inst.exchange} ${req.whatToShow}`,
      );
    }
    if (req.formatDate !== 1 && req.formatDate !== 2) {
      return s.error(
        reqId,
        321,
        `Error validating request.-'bP' : cause - Invalid formatDate: ${req.formatDate}`,
      );
    }
    if (req.keepUpToDate && req.endDateTime.trim() !== '') {
      return s.error(
        reqId,
        321,
        "Error validating request.-'bP' : cause - End date not supported with live updates",
      );
    }
    if (req.keepUpToDate && bar.unit === 'sec' && bar.seconds < 5) {
      return s.error(
        reqId,
        321,
        `Error validating request.-'bP' : cause - Live updates are not supported for ${req.barSize} bars`,
      );
    }
    const now = this.ctx.clock.now();
    let end = now;
    if (req.endDateTime.trim() !== '') {
      const parsed = parseTwsDateTime(req.endDateTime);
      if (parsed === undefined) {
        return s.error(
          reqId,
          321,
          `Error validating request.-'bP' : cause - Historical data query end date/time string [${req.endDateTime}] is invalid.`,
        );
      }
      end = Math.min(parsed, now);
    }
    if (longestSpanSeconds(duration) > maxDurationSeconds(bar))
      return s.error(reqId, 162, `${HMDS}Time length exceed max.`);
    if (this.paced(inst, bar, what, req, now)) {
      this.ctx.log.info('historical pacing violation', { clientId: s.clientId, reqId, twsCode: 162 });
      return s.error(reqId, 162, PACING_TEXT);
    }
    const start = this.ctx.history.startOf(inst, end, duration, req.useRth);
    const bars = this.ctx.history.bars(inst, start, end, bar, req.useRth, what);
    if (bars.time.length === 0) {
      return s.error(
        reqId,
        162,
        `${HMDS}HMDS query returned no data: ${inst.localSymbol}@${inst.primaryExchange} ${what}`,
      );
    }
    s.sendRaw(this.encodeFrame(s.version, reqId, inst, bars, start, end, req.formatDate));
    if (req.keepUpToDate) {
      const n = bars.time.length - 1;
      this.live.add({
        session: s,
        reqId,
        inst,
        bar,
        useRth: req.useRth,
        what,
        formatDate: req.formatDate,
        lastSentClose: bars.close[n] as number,
        lastSentVolume: bars.volume[n] as number,
        lastSentLabel: '',
      });
      this.ctx.wake();
    }
  }

  cancel(s: Session, reqId: number): void {
    if (this.live.cancel(s, reqId))
      s.error(reqId, 162, `${HMDS}API historical data query cancelled: ${reqId}`);
  }

  headTimestamp(
    s: Session,
    reqId: number,
    c: ContractRequest,
    whatToShow: string,
    useRth: boolean,
    formatDate: number,
  ): void {
    const r = resolveOne(this.ctx.universe, c);
    if (!r.ok) return s.error(reqId, r.code, r.text);
    const what = whatToShow.trim().toUpperCase() as WhatToShow;
    if (!WHAT_TO_SHOW.includes(what) || (r.inst.secType === 'CASH' && what === 'TRADES')) {
      return s.error(reqId, 162, `${HMDS}No head time stamp for ${r.inst.localSymbol} ${whatToShow}`);
    }
    const t = this.ctx.history.headTimestamp(r.inst, useRth);
    s.send(headTimestamp(reqId, formatDate === 2 ? String(Math.floor(t / 1000)) : utcDash(t)));
  }

  realTimeBars(s: Session, reqId: number, c: ContractRequest, whatToShow: string, useRth: boolean): void {
    const r = resolveOne(this.ctx.universe, c);
    if (!r.ok) return s.error(reqId, r.code, r.text);
    const what = whatToShow.trim().toUpperCase() as WhatToShow;
    if (
      !['TRADES', 'MIDPOINT', 'BID', 'ASK'].includes(what) ||
      (r.inst.secType === 'CASH' && what === 'TRADES')
    ) {
      return s.error(
        reqId,
        321,
        `Error validating request.-'bR' : cause - Invalid whatToShow for real time bars: ${whatToShow}`,
      );
    }
    const now = this.ctx.clock.now();
    this.rt.add({ session: s, reqId, inst: r.inst, what, useRth, next: Math.floor(now / 5000) * 5000 });
    this.ctx.wake();
  }

  cancelRealTimeBars(s: Session, reqId: number): void {
    this.rt.cancel(s, reqId);
  }

  /** 1101 "data lost": live bars and real-time bars stop; clients must ask again. */
  dropAll(): void {
    this.live.clear();
    this.rt.clear();
  }

  beat(now: number): void {
    if (this.ctx.dataPaused()) return;
    for (const r of this.rt.all) {
      // A 5-second bar goes out once its interval has ended.
      while (r.next + 5000 <= now) {
        const b = this.ctx.history.bars(
          r.inst,
          r.next,
          r.next + 5000,
          { text: '5 secs', unit: 'sec', seconds: 5 },
          r.useRth,
          r.what,
        );
        if (b.time.length > 0) {
          const div = this.volumeDivisor(r.session.version, r.inst);
          r.session.send(
            realtimeBar(
              r.reqId,
              Math.floor(r.next / 1000),
              b.open[0] as number,
              b.high[0] as number,
              b.low[0] as number,
              b.close[0] as number,
              r.what === 'TRADES' ? Math.round((b.volume[0] as number) / div) : -1,
              b.wap[0] as number,
              b.count[0] as number,
            ),
          );
        }
        r.next += 5000;
      }
    }
    if (now - this.lastLiveBeat < 1000) return;
    this.lastLiveBeat = now;
    for (const l of this.live.all) this.update(l, now);
  }

  /** keepUpToDate: the bar in progress, sent when it changed. */
  private update(l: LiveBars, now: number): void {
    let barStart: number;
    if (l.bar.unit === 'sec') {
      const ms = l.bar.seconds * 1000;
      const mid = etMidnight(this.ctx.market.etDayOf(now));
      barStart = mid + Math.floor((now - mid) / ms) * ms;
    } else {
      barStart = etMidnight(this.ctx.market.etDayOf(now)) - (l.bar.unit === 'day' ? 0 : 6 * 86_400_000);
    }
    const bars = this.ctx.history.bars(l.inst, barStart, now + 1, l.bar, l.useRth, l.what);
    const n = bars.time.length - 1;
    if (n < 0) return;
    const close = bars.close[n] as number;
    const volume = bars.volume[n] as number;
    const label = this.barDate(bars, n, l.formatDate);
    if (close === l.lastSentClose && volume === l.lastSentVolume && label === l.lastSentLabel) return;
    l.lastSentClose = close;
    l.lastSentVolume = volume;
    l.lastSentLabel = label;
    const div = this.volumeDivisor(l.session.version, l.inst);
    l.session.send(
      historicalDataUpdate(
        l.reqId,
        bars.count[n] as number,
        label,
        bars.open[n] as number,
        close,
        bars.high[n] as number,
        bars.low[n] as number,
        bars.wap[n] as number,
        volume < 0 ? volume : Math.round(volume / div),
      ),
    );
  }

  /** Historical volumes of US stocks were in round lots below HMDS_MARKET_DATA_IN_SHARES (175). */
  private volumeDivisor(v: number, inst: Instrument): number {
    return inst.secType === 'STK' && v < MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES ? 100 : 1;
  }

  private barDate(bars: Bars, i: number, formatDate: number): string {
    const t = bars.time[i] as number;
    if (bars.daily) return ymdOfDay(t);
    return formatDate === 2 ? String(Math.floor(t / 1000)) : etStamp(t);
  }

  /** HISTORICAL_DATA (17): reqId, start, end, count, then date/open/high/low/close/volume/WAP/barCount per bar
   *  (no message version and no hasGaps from SYNT_REALTIME_BARS, 124). */
  encode(...args: Parameters<HistoryService['encodeFrame']>): string {
    return this.encodeFrame(...args)
      .subarray(4)
      .toString('latin1');
  }

  /** The framed message, written straight into bytes (a 30-day minute request is ~43 000 bars, ~3 MB). */
  encodeFrame(
    v: number,
    reqId: number,
    inst: Instrument,
    bars: Bars,
    start: number,
    end: number,
    formatDate: number,
  ): Buffer {
    const n = bars.time.length;
    const w = new AsciiWriter(256 + n * 80);
    const at = w.beginFrame();
    const span = (t: number): string => (formatDate === 2 ? String(Math.floor(t / 1000)) : etStamp(t));
    w.text(`${Outgoing.HISTORICAL_DATA}\0${reqId}\0${span(start)}\0${span(end)}\0${n}\0`);
    const div = this.volumeDivisor(v, inst);
    // Prices are on the tick grid and WAPs on a 1e-4 (or finer tick) grid: written as exact scaled integers.
    const pd = decimalsOf(inst.minTick);
    const pp = 10 ** pd;
    const wd = Math.max(4, pd);
    const wp = 10 ** wd;
    let dayStart = 0;
    let dayEnd = -1;
    let prefix = Buffer.alloc(0);
    let regular = false;
    const { time, open, high, low, close, volume, wap, count } = bars;
    for (let i = 0; i < n; i++) {
      const t = time[i] as number;
      if (bars.daily) w.text(ymdOfDay(t));
      else if (formatDate === 2) w.int(Math.floor(t / 1000));
      else {
        // Bars of one day share its date; only the clock part changes from bar to bar.
        if (t < dayStart || t >= dayEnd) {
          const day = this.ctx.market.etDayOf(t);
          dayStart = etMidnight(day);
          dayEnd = etMidnight(day + 1);
          regular = dayEnd - dayStart === 86_400_000;
          prefix = Buffer.from(`${ymdOfDay(day)} `, 'latin1');
        }
        if (regular) {
          const sec = Math.floor((t - dayStart) / 1000);
          w.bytes(prefix);
          w.bytes(MINUTE_CLOCKS[Math.floor(sec / 60) % 1440] as Buffer);
          w.bytes(SECOND_SUFFIX[sec % 60] as Buffer);
        } else {
          w.text(etStamp(t));
        }
      }
      w.nul();
      w.scaled(Math.round((open[i] as number) * pp), pd, pp);
      w.nul();
      w.scaled(Math.round((high[i] as number) * pp), pd, pp);
      w.nul();
      w.scaled(Math.round((low[i] as number) * pp), pd, pp);
      w.nul();
      w.scaled(Math.round((close[i] as number) * pp), pd, pp);
      w.nul();
      const vol = volume[i] as number;
      w.int(vol < 0 ? -1 : div === 1 ? vol : Math.round(vol / div));
      w.nul();
      w.scaled(Math.round((wap[i] as number) * wp), wd, wp);
      w.nul();
      w.int(count[i] as number);
      w.nul();
    }
    w.endFrame(at);
    return Buffer.from(w.view());
  }

  /** TWS's pacing rules; the first rule only for small bars unless configured otherwise. */
  private paced(
    inst: Instrument,
    bar: BarSize,
    what: string,
    req: { endDateTime: string; duration: string; barSize: string; useRth: boolean },
    now: number,
  ): boolean {
    const contractKey = `${inst.conId}/${what}`;
    const key = `${contractKey}/${req.endDateTime}/${req.duration}/${req.barSize}/${req.useRth}`;
    return this.pace(key, contractKey, isSmallBar(bar), now);
  }

  /**
   * One HMDS request against TWS's pacing rules, in the one request log that bars and historical ticks share
   * (`small`: a request for bars of 30 s or less, or for ticks). True when it must be refused with 162.
   */
  pace(key: string, contractKey: string, small: boolean, now: number): boolean {
    if (this.ctx.takePacingFault()) return true;
    const mode = this.ctx.options.historicalPacing;
    if (mode === 'off' || (mode === 'small-bars' && !small)) return false;
    while (this.recent.length > 0 && (this.recent[0] as Paced).at <= now - 600_000) this.recent.shift();
    const identical = this.recent.some((p) => p.key === key && p.at > now - 15_000);
    const sameContract = this.recent.filter(
      (p) => p.contractKey === contractKey && p.at > now - 2_000,
    ).length;
    const violation = identical || sameContract >= 5 || this.recent.length >= 60;
    if (!violation) this.recent.push({ at: now, key, contractKey });
    return violation;
  }
}

/** "HH:mm:" for every minute of a day, and "ss US/Eastern" for every second (bar timestamps, formatDate=1). */
const MINUTE_CLOCKS: Buffer[] = Array.from({ length: 1440 }, (_, m) => {
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return Buffer.from(`${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}:`, 'latin1');
});
const SECOND_SUFFIX: Buffer[] = Array.from({ length: 60 }, (_, x) =>
  Buffer.from(`${x < 10 ? '0' : ''}${x} US/Eastern`, 'latin1'),
);
