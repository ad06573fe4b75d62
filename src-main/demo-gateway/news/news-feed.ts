// The gateway's news as time passes: the news model fed with the market's events day by day, and only what is
// published by "now" ever shown (a story dated after the clock is not out yet). A day is read for one stock when a
// client asks about that stock (historical news walks back day by day until it has enough), or for the whole
// market (every stock's events plus scanner entries) when the live feed reaches it. Scanner entries need every
// stock's day, so they appear for the days the live feed covered, not in history of older days.
import type { Instrument } from '../model/instrument';
import type { PathModel } from '../model/price-path';
import { EPOCH_DAY } from '../model/price-path';
import type { Universe } from '../model/universe';
import { etDay } from '../wire/tws-time';
import { formatNewsTime, parseNewsTime } from './news-time';
import { instrumentDayEvents, readStockDay, scanEntries, type StockDay } from './market-events';
import type { HistoricalNewsQuery, HistoricalNewsRow, NewsArticle, NewsItem, NewsModel } from './news-model';
import { SANITIZER_ARTICLE_ID } from './sanitizer-article';

const MAX_RESULTS = 300;

export class NewsFeed {
  /** Days read for the whole market. */
  private readonly marketDays = new Set<number>();
  /** Stock-days read: instrument index * 1e6 + day. */
  private readonly stockDays = new Set<number>();

  constructor(
    private readonly model: NewsModel,
    private readonly paths: PathModel,
    private readonly universe: Universe,
  ) {}

  /** Whether the whole market's ET day has been read. */
  coversMarketDay(day: number): boolean {
    return this.marketDays.has(day);
  }

  /** Reads a whole ET day at once: every stock's events and the scanner entries. */
  coverMarketDay(day: number): void {
    const steps = this.marketDaySteps(day);
    while (!steps.next().done);
  }

  /**
   * `coverMarketDay` a stock at a time (≈ 0.2 ms each, a tenth of a second or more for the day), so the gateway
   * can go on reading its sockets between steps. The day's news is added at the last step, all at once; a stock
   * whose day a history request read meanwhile is not added twice.
   */
  *marketDaySteps(day: number): Generator<void, void> {
    if (this.marketDays.has(day)) return;
    const stocks = this.universe.stocks;
    const read = new Map<Instrument, StockDay>();
    for (const inst of stocks) {
      const d = readStockDay(this.paths, inst, day);
      if (d) read.set(inst, d);
      yield;
    }
    if (this.marketDays.has(day)) return;
    this.marketDays.add(day);
    const events = stocks.flatMap((inst) =>
      this.takeStockDay(inst, day) ? (read.get(inst)?.events ?? []) : [],
    );
    this.model.add([...events, ...scanEntries([...read.values()])]);
  }

  /** Reads a stock's day once; true when it was read now (false: read before, nothing new to look at). */
  private coverStockDay(inst: Instrument, day: number): boolean {
    if (!this.takeStockDay(inst, day)) return false;
    this.model.add(instrumentDayEvents(this.paths, inst, day));
    return true;
  }

  /** True the first time a stock-day is claimed (its events are then added by the caller). */
  private takeStockDay(inst: Instrument, day: number): boolean {
    const key = inst.index * 1e6 + day;
    if (this.stockDays.has(key)) return false;
    this.stockDays.add(key);
    return true;
  }

  /**
   * reqHistoricalNews at `now`: the stock's days are read from the query's end (or now) back towards its start
   * (or the model's first day) until more than totalResults match, so `hasMore` is exact. Throws NewsError for
   * bad provider codes or times (the handler answers 321). An unknown conId has no news.
   */
  historical(q: HistoricalNewsQuery, now: number): { rows: HistoricalNewsRow[]; hasMore: boolean } {
    const steps = this.historicalSteps(q, now);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * `historical` a day at a time: each step reads one more of the stock's days (a few milliseconds each, and a
   * first request for a stock can read dozens), so the gateway can go on reading its sockets between steps, as
   * TWS, which answers this from its servers, does. The first step checks the query (and may throw NewsError).
   */
  *historicalSteps(
    q: HistoricalNewsQuery,
    now: number,
  ): Generator<void, { rows: HistoricalNewsRow[]; hasMore: boolean }> {
    const start = parseNewsTime(q.startDateTime);
    const end = Math.min(parseNewsTime(q.endDateTime) ?? now, now);
    const clamped = { ...q, endDateTime: formatNewsTime(end) };
    // The model checks provider codes; ask it once before reading any day.
    this.model.historical({ ...clamped, totalResults: 1 });
    const inst = this.universe.byConId(q.conId);
    if (!inst) return { rows: [], hasMore: false };
    const want = Math.max(1, Math.min(MAX_RESULTS, Math.trunc(q.totalResults) || 1));
    const first = Math.max(EPOCH_DAY, start === null ? EPOCH_DAY : etDay(start));
    for (let day = etDay(end); day >= first; day--) {
      const read = this.coverStockDay(inst, day);
      if (this.model.historical({ ...clamped, totalResults: want }).hasMore) break;
      if (read) yield;
    }
    return this.model.historical({ ...clamped, totalResults: want });
  }

  /** An article published by `now`, or null (TWS answers 10172 for an id it does not have). */
  article(providerCode: string, articleId: string, now: number): NewsArticle | null {
    if (articleId !== SANITIZER_ARTICLE_ID) {
      const item = this.model.items().find((it) => it.articleId === articleId);
      if (!item || item.time > now) return null;
    }
    return this.model.article(providerCode, articleId);
  }

  /** Items published in (from, to], in time order (the days must have been covered). */
  published(from: number, to: number): NewsItem[] {
    const all = this.model.items();
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.time <= from) lo = mid + 1;
      else hi = mid;
    }
    const out: NewsItem[] = [];
    for (let i = lo; i < all.length && all[i]!.time <= to; i++) out.push(all[i]!);
    return out;
  }
}
