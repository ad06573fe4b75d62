// News requests: providers (85), historical headlines (86 → 86… + 87), articles (84 → 83, or 10172), news ticks
// (generic tick 292 on reqMktData, or a broadtape NEWS contract → TICK_NEWS 84 as stories are published) and news
// bulletins (12/13 → 14). Stories come from the news model fed with the market's events (news/news-feed.ts); the
// beat publishes them to subscribers once a second of gateway time, each subscriber from where it last was.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Request } from '../wire/requests';
import { etDay, etMidnight } from '../wire/tws-time';
import {
  NEWS_PROVIDERS,
  NO_ARTICLE_CODE,
  NO_ARTICLE_TEXT,
  NewsError,
  broadtapeProvider,
  bulletinsBetween,
  createNewsModel,
  historicalNewsEndMessage,
  historicalNewsMessage,
  isProviderCode,
  newsArticleMessage,
  newsBulletinMessage,
  newsProvidersMessage,
  newsTick,
  notSubscribedText,
  parseNewsTickList,
  tickNewsMessage,
  todaysBulletins,
  wantsNews,
} from '../news';
import type { NewsItem } from '../news';
import { NewsFeed } from '../news/news-feed';
import { resolveOne } from './contracts';
import { runInSlices } from './slices';
import { Subscriptions } from './subscriptions';

/** A news-tick line: one stock's headlines (conId), or a provider's broadtape (conId null). */
interface TickSub {
  session: Session;
  reqId: number;
  conId: number | null;
  providers: readonly string[] | null;
  /** Stories published up to this time were sent (or were before the subscription). */
  sentUpTo: number;
}

interface BulletinSub {
  session: Session;
  sentUpTo: number;
}

/** Stories a broadtape line starts with (a stock line starts with the day's stories so far). */
const BROADTAPE_BACKLOG = 20;
/** Furthest the feed reads back when a line has been behind (e.g. a clock jump): a week of days. */
const MAX_CATCH_UP_DAYS = 7;

type MktDataRequest = Extract<Request, { kind: 'reqMktData' }>;

export class NewsService {
  private readonly feed: NewsFeed;
  private readonly ticks = new Subscriptions<TickSub>();
  private readonly bulletinSubs = new Subscriptions<BulletinSub>();
  /** Market days being read in slices, and what waits for each. */
  private readonly covering = new Map<number, (() => void)[]>();

  constructor(private readonly ctx: GatewayContext) {
    this.feed = new NewsFeed(createNewsModel({ seed: ctx.options.seed }), ctx.market.paths, ctx.universe);
  }

  hasWork(): boolean {
    return this.ticks.size > 0 || this.bulletinSubs.size > 0;
  }

  providers(s: Session): void {
    s.send(newsProvidersMessage(NEWS_PROVIDERS));
  }

  /**
   * Answered in slices (handlers/slices.ts): a first request for a stock reads dozens of its days, and a gateway
   * that stopped reading its sockets for that long would see a client's steady flow arrive in a clump afterwards
   * and count it over the rate limit (error 100), which TWS, answering from its servers, does not.
   */
  historical(s: Session, req: Extract<Request, { kind: 'reqHistoricalNews' }>): void {
    const steps = this.feed.historicalSteps(req, this.ctx.clock.now());
    const refuse = (err: unknown): void => s.error(req.reqId, ...historyError(err));
    try {
      runInSlices({
        alive: () => s.state !== 'closed',
        step: () => {
          const r = steps.next();
          if (!r.done) return true;
          for (const row of r.value.rows) s.send(historicalNewsMessage(req.reqId, row));
          s.send(historicalNewsEndMessage(req.reqId, r.value.hasMore));
          return false;
        },
        done: () => {},
        failed: (err) => {
          // Later there is no caller to take a bug: it is logged here.
          if (!(err instanceof NewsError))
            this.ctx.log.error(`historical news failed: ${err.message}`, { reqId: req.reqId });
          refuse(err);
        },
      });
    } catch (err) {
      // In the first slice a bad query is answered here, a bug goes to the dispatcher (logged, 321).
      if (!(err instanceof NewsError)) throw err;
      refuse(err);
    }
  }

  article(s: Session, reqId: number, providerCode: string, articleId: string): void {
    if (!isProviderCode(providerCode)) return s.error(reqId, 321, notSubscribedText(providerCode));
    const a = this.feed.article(providerCode, articleId, this.ctx.clock.now());
    if (!a) return s.error(reqId, NO_ARTICLE_CODE, NO_ARTICLE_TEXT);
    s.send(newsArticleMessage(reqId, a));
  }

  /**
   * The news part of a reqMktData: a line for generic tick 292 (the quote part is market data's), or a broadtape
   * NEWS contract, which is news alone. Returns true when the request is fully answered here (broadtape, or refused).
   */
  marketData(s: Session, req: MktDataRequest): boolean {
    const broadtape = broadtapeProvider(req.contract);
    const wanted = parseNewsTickList(req.genericTickList);
    if (broadtape === null && wanted === null) return false;
    const providers = broadtape !== null ? [broadtape] : wanted!.providers;
    const unknown = providers?.find((p) => !isProviderCode(p));
    if (unknown !== undefined) {
      s.error(req.reqId, 321, notSubscribedText(unknown));
      return true;
    }
    if (this.ticks.has(s, req.reqId)) {
      // A stock line's duplicate is refused by market data, which has the same id open.
      if (broadtape === null) return false;
      s.error(req.reqId, 322, "Error processing request.-'cc' : cause - Duplicate ticker id");
      return true;
    }
    let conId: number | null = null;
    if (broadtape === null) {
      const r = resolveOne(this.ctx.universe, req.contract);
      // Market data answers the contract's error; a news line needs the stock it is about.
      if (!r.ok) return false;
      conId = r.inst.conId;
    }
    const now = this.ctx.clock.now();
    const sub: TickSub = { session: s, reqId: req.reqId, conId, providers, sentUpTo: now };
    this.ticks.add(sub);
    const day = etDay(now);
    // The day's stories so far, once the market's day is read (at once when it was; the beat sends later ones).
    this.whenCovered(day, () => {
      if (!this.ticks.all.includes(sub)) return; // cancelled, or its connection closed, meanwhile
      const today = this.feed.published(etMidnight(day) - 1, now).filter((it) => wantsNews(sub, it));
      for (const it of conId === null ? today.slice(-BROADTAPE_BACKLOG) : today)
        s.send(tickNewsMessage(sub.reqId, newsTick(it)));
    });
    this.ctx.wake();
    return broadtape !== null;
  }

  /**
   * Runs `then` once the market's `day` is read: at once when it was, else after reading it in slices
   * (handlers/slices.ts: every stock's day takes a tenth of a second or more, every client's quotes would stall).
   */
  private whenCovered(day: number, then: () => void): void {
    if (this.feed.coversMarketDay(day)) return then();
    const waiting = this.covering.get(day);
    if (waiting) return void waiting.push(then);
    this.covering.set(day, [then]);
    const steps = this.feed.marketDaySteps(day);
    const failed = (err: unknown): void =>
      this.ctx.log.error(`reading the news of a day failed: ${(err as Error).message}`, { day });
    runInSlices({
      step: () => {
        try {
          return !steps.next().done;
        } catch (err) {
          failed(err);
          return false;
        }
      },
      done: () => {
        const done = this.covering.get(day) ?? [];
        this.covering.delete(day);
        for (const f of done) f();
      },
      failed,
    });
  }

  /** cancelMktData: true when the line was a broadtape (market data has no line of that id to cancel). */
  cancelMarketData(s: Session, reqId: number): boolean {
    const broadtape = this.ticks.all.some((x) => x.session === s && x.reqId === reqId && x.conId === null);
    this.ticks.cancel(s, reqId);
    return broadtape;
  }

  /** reqNewsBulletins: today's bulletins so far when allMessages, then new ones as they are issued. */
  bulletins(s: Session, allMessages: boolean): void {
    const now = this.ctx.clock.now();
    this.bulletinSubs.removeWhere((x) => x.session === s);
    if (allMessages)
      for (const b of todaysBulletins(this.ctx.options.seed, now)) s.send(newsBulletinMessage(b));
    this.bulletinSubs.add({ session: s, sentUpTo: now });
    this.ctx.wake();
  }

  cancelBulletins(s: Session): void {
    this.bulletinSubs.removeWhere((x) => x.session === s);
  }

  /** 1101 "data lost": news lines end like every market-data line (bulletins are not market data). */
  dropAll(): void {
    this.ticks.clear();
  }

  beat(now: number): void {
    if (this.ticks.size > 0 && !this.ctx.dataPaused()) this.publish(now);
    for (const b of this.bulletinSubs.all) {
      if (now <= b.sentUpTo) continue;
      for (const x of bulletinsBetween(this.ctx.options.seed, b.sentUpTo, now))
        b.session.send(newsBulletinMessage(x));
      b.sentUpTo = now;
    }
  }

  private publish(now: number): void {
    let from = now;
    for (const t of this.ticks.all) from = Math.min(from, t.sentUpTo);
    if (from >= now) return;
    from = Math.max(from, now - MAX_CATCH_UP_DAYS * 86_400_000);
    for (let d = etDay(from); d <= etDay(now); d++)
      if (!this.feed.coversMarketDay(d)) {
        // Not read yet (a new day, a clock jump): read it in slices; a later beat publishes (nothing is skipped).
        this.whenCovered(d, () => {});
        return;
      }
    const fresh: NewsItem[] = this.feed.published(from, now);
    for (const t of this.ticks.all) {
      for (const it of fresh)
        if (it.time > t.sentUpTo && wantsNews(t, it)) t.session.send(tickNewsMessage(t.reqId, newsTick(it)));
      t.sentUpTo = now;
    }
  }
}

/** The code and text TWS answers a failed historical news request with. */
function historyError(err: unknown): [number, string] {
  if (err instanceof NewsError && err.code === 'UNKNOWN_PROVIDER') return [err.twsCode, err.message];
  const code = err instanceof NewsError ? err.twsCode : 321;
  return [code, `Error validating request.-'cf' : cause - ${(err as Error).message}`];
}
