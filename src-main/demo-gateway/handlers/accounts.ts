// Account requests: positions, account summary (tags and $LEDGER), account updates with portfolio, PnL and
// single-position PnL, and the per-request *_MULTI forms (positions and account values of one account or of all)
// that clients of advisor and linked logins send. Fills push position and portfolio updates at once; values
// follow market moves every three minutes as TWS does, PnL every second.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import { emptyQuote } from '../model/market';
import { accountUpdateValues, ledgerTags, summaryTags, valueAccount } from '../accounts/account-values';
import type { AccountNumbers, PriceOf } from '../accounts/account-values';
import {
  accountDownloadEnd,
  accountSummary,
  accountSummaryEnd,
  accountUpdateMulti,
  accountUpdateMultiEnd,
  accountUpdateTime,
  accountValue,
  pnl,
  pnlSingle,
  portfolioValue,
  position,
  positionEnd,
  positionMulti,
  positionMultiEnd,
} from '../wire/encoder';
import { etHourMinute } from '../wire/tws-time';
import { Subscriptions } from './subscriptions';

interface SummarySub {
  session: Session;
  reqId: number;
  tags: Set<string>;
  ledger: 'none' | 'base' | 'all';
  sent: Map<string, string>;
}

interface UpdatesSub {
  session: Session;
  account: string;
  sent: Map<string, string>;
}

/** A reqPositionsMulti or reqAccountUpdatesMulti subscription: its own reqId, the accounts it covers. */
interface MultiSub {
  session: Session;
  reqId: number;
  /** Empty when the request named a model: the demo has none, so nothing matches. */
  accounts: string[];
  modelCode: string;
  /** reqAccountUpdatesMulti's ledgerAndNLV: only the ledger (cash by currency) and net liquidation. */
  light: boolean;
  sent: Map<string, string>;
}

interface PnlSub {
  session: Session;
  reqId: number;
  account: string;
  conId: number | undefined;
  last: string;
}

const REFRESH_MS = 180_000;

/** What a "light-weight" reqAccountUpdatesMulti (ledgerAndNLV) gets: the cash ledger by currency and the NLV. */
const LIGHT_KEYS: ReadonlySet<string> = new Set([
  // The tag names of an empty book (no positions: no price is asked for).
  ...ledgerTags(
    valueAccount(
      {
        account: '',
        cash: 0,
        realizedToday: 0,
        commissionsToday: 0,
        startOfDayValue: 0,
        day: 0,
        positions: new Map(),
      },
      () => ({ price: 0, prevClose: 0, usdRate: 1 }),
    ),
  ).map(([tag]) => tag),
  'NetLiquidation',
]);

export class AccountService {
  private positionSubs = new Set<Session>();
  private readonly summaries = new Subscriptions<SummarySub>();
  private readonly updates = new Subscriptions<UpdatesSub>();
  private readonly pnls = new Subscriptions<PnlSub>();
  private readonly positionsMulti = new Subscriptions<MultiSub>();
  private readonly updatesMulti = new Subscriptions<MultiSub>();
  private readonly dirty = new Map<string, Set<Instrument>>();
  private lastRefresh = 0;
  private lastPnl = 0;

  constructor(private readonly ctx: GatewayContext) {}

  hasWork(): boolean {
    return (
      this.summaries.size > 0 ||
      this.updates.size > 0 ||
      this.pnls.size > 0 ||
      this.updatesMulti.size > 0 ||
      this.dirty.size > 0
    );
  }

  /** Called by the order engine when a fill changed an account. */
  changed(account: string, inst: Instrument): void {
    let set = this.dirty.get(account);
    if (!set) {
      set = new Set();
      this.dirty.set(account, set);
    }
    set.add(inst);
    this.ctx.wake();
  }

  numbers(account: string, now = this.ctx.clock.now()): AccountNumbers | undefined {
    const book = this.ctx.ledger.book(account);
    return book ? valueAccount(book, this.priceOf(now)) : undefined;
  }

  priceOf(now: number): PriceOf {
    const q = emptyQuote();
    return (inst) => {
      this.ctx.market.quote(inst, now, q);
      return { price: q.last, prevClose: q.close, usdRate: this.ctx.usdRate(inst.currency, now) };
    };
  }

  positions(s: Session): void {
    for (const p of this.ctx.ledger.positions()) s.send(position(p.account, p.inst, p.qty, round(p.avgCost)));
    s.send(positionEnd());
    if (!this.positionSubs.has(s)) {
      this.positionSubs.add(s);
      s.onClose(() => this.positionSubs.delete(s));
    }
  }

  cancelPositions(s: Session): void {
    this.positionSubs.delete(s);
  }

  summary(s: Session, reqId: number, group: string, tags: string): void {
    if (group.trim() === '') {
      s.error(reqId, 321, "Error validating request.-'cb' : cause - Invalid group name");
      return;
    }
    const sub: SummarySub = { session: s, reqId, tags: new Set(), ledger: 'none', sent: new Map() };
    for (const raw of tags
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '')) {
      const t = raw.toUpperCase();
      if (t === '$LEDGER' || t === '$LEDGER:USD') sub.ledger = sub.ledger === 'all' ? 'all' : 'base';
      else if (t === '$LEDGER:ALL') sub.ledger = 'all';
      else if (t.startsWith('$LEDGER:')) continue;
      else sub.tags.add(raw === 'Leverage-S' ? 'Leverage' : raw);
    }
    this.summaries.add(sub);
    this.sendSummary(sub, this.ctx.clock.now(), true);
    s.send(accountSummaryEnd(reqId));
    this.ctx.wake();
  }

  cancelSummary(s: Session, reqId: number): void {
    this.summaries.cancel(s, reqId);
  }

  accountUpdates(s: Session, subscribe: boolean, account: string): void {
    this.updates.removeWhere((x) => x.session === s);
    if (!subscribe) return;
    const acct = account.trim() || (this.ctx.options.accounts[0] as string);
    if (!this.ctx.ledger.book(acct)) {
      s.error(-1, 321, `Error validating request.-'bD' : cause - Invalid account code ${acct}`);
      return;
    }
    const sub: UpdatesSub = { session: s, account: acct, sent: new Map() };
    this.updates.add(sub);
    const now = this.ctx.clock.now();
    const n = this.numbers(acct, now);
    if (n) {
      this.sendValues(sub, n, true);
      for (const pv of n.positions) this.sendPortfolio(s, acct, pv.position.inst, n);
    }
    s.send(accountUpdateTime(etHourMinute(now)));
    s.send(accountDownloadEnd(acct));
    this.ctx.wake();
  }

  /**
   * The accounts a *_MULTI request covers: one managed account, or every one for "" or "All" (TWS accepts "All"
   * from non-advisor logins here, unlike reqPnL). Undefined after answering 321 for an unknown account.
   */
  private multiAccounts(s: Session, reqId: number, account: string, modelCode: string): string[] | undefined {
    const a = account.trim();
    // Models are an advisor feature the demo does not have: a model code matches no position and no value.
    if (modelCode.trim() !== '') return [];
    if (a === '' || a.toUpperCase() === 'ALL') return [...this.ctx.options.accounts];
    if (this.ctx.ledger.book(a)) return [a];
    s.error(reqId, 321, `Error validating request.-'cq' : cause - Invalid account code ${a}`);
    return undefined;
  }

  private newMulti(
    s: Session,
    reqId: number,
    accounts: string[],
    modelCode: string,
    light: boolean,
  ): MultiSub {
    return { session: s, reqId, accounts, modelCode, light, sent: new Map() };
  }

  positionsMultiStart(s: Session, reqId: number, account: string, modelCode: string): void {
    const accounts = this.multiAccounts(s, reqId, account, modelCode);
    if (!accounts) return;
    this.cancelPositionsMulti(s, reqId);
    const sub = this.newMulti(s, reqId, accounts, modelCode, false);
    this.positionsMulti.add(sub);
    for (const a of accounts)
      for (const p of this.ctx.ledger.positions(a))
        s.send(positionMulti(reqId, a, p.inst, p.qty, round(p.avgCost), modelCode));
    s.send(positionMultiEnd(reqId));
  }

  cancelPositionsMulti(s: Session, reqId: number): void {
    this.positionsMulti.cancel(s, reqId);
  }

  accountUpdatesMultiStart(
    s: Session,
    reqId: number,
    account: string,
    modelCode: string,
    ledgerAndNLV: boolean,
  ): void {
    const accounts = this.multiAccounts(s, reqId, account, modelCode);
    if (!accounts) return;
    this.cancelAccountUpdatesMulti(s, reqId);
    const sub = this.newMulti(s, reqId, accounts, modelCode, ledgerAndNLV);
    this.updatesMulti.add(sub);
    const now = this.ctx.clock.now();
    for (const a of accounts) {
      const n = this.numbers(a, now);
      if (n) this.sendMultiValues(sub, n, true);
    }
    s.send(accountUpdateMultiEnd(reqId));
    this.ctx.wake();
  }

  cancelAccountUpdatesMulti(s: Session, reqId: number): void {
    this.updatesMulti.cancel(s, reqId);
  }

  pnl(s: Session, reqId: number, account: string, conId?: number): void {
    if (!this.ctx.ledger.book(account)) {
      s.error(reqId, 321, `Error validating request.-'bD' : cause - Invalid account code ${account}`);
      return;
    }
    const sub: PnlSub = { session: s, reqId, account, conId, last: '' };
    this.pnls.add(sub);
    this.sendPnl(sub, this.numbers(account));
    this.ctx.wake();
  }

  cancelPnl(s: Session, reqId: number): void {
    this.pnls.cancel(s, reqId);
  }

  beat(now: number): void {
    const refresh = now - this.lastRefresh >= REFRESH_MS;
    if (refresh) this.lastRefresh = now;
    const cache = new Map<string, AccountNumbers | undefined>();
    const nums = (a: string): AccountNumbers | undefined => {
      if (!cache.has(a)) cache.set(a, this.numbers(a, now));
      return cache.get(a);
    };
    if (this.dirty.size > 0) {
      for (const [account, insts] of this.dirty) {
        for (const inst of insts) {
          const p = this.ctx.ledger.position(account, inst.conId);
          for (const s of this.positionSubs)
            s.send(position(account, inst, p?.qty ?? 0, round(p?.avgCost ?? 0)));
          for (const m of this.positionsMulti.all)
            if (m.accounts.includes(account))
              m.session.send(
                positionMulti(m.reqId, account, inst, p?.qty ?? 0, round(p?.avgCost ?? 0), m.modelCode),
              );
          for (const u of this.updates.all) {
            const n = u.account === account ? nums(account) : undefined;
            if (n) this.sendPortfolio(u.session, account, inst, n);
          }
        }
      }
      for (const account of this.dirty.keys()) {
        const n = nums(account);
        if (!n) continue;
        for (const u of this.updates.all) if (u.account === account) this.sendValues(u, n, false);
        for (const m of this.updatesMulti.all)
          if (m.accounts.includes(account)) this.sendMultiValues(m, n, false);
        for (const sub of this.summaries.all) this.sendSummary(sub, now, false, account);
      }
      this.dirty.clear();
    }
    if (refresh) {
      for (const u of this.updates.all) {
        const n = nums(u.account);
        if (!n) continue;
        this.sendValues(u, n, false);
        for (const pv of n.positions) this.sendPortfolio(u.session, u.account, pv.position.inst, n);
        u.session.send(accountUpdateTime(etHourMinute(now)));
      }
      for (const sub of this.summaries.all) this.sendSummary(sub, now, false);
      for (const m of this.updatesMulti.all)
        for (const a of m.accounts) {
          const n = nums(a);
          if (n) this.sendMultiValues(m, n, false);
        }
    }
    if (now - this.lastPnl >= 1000) {
      this.lastPnl = now;
      for (const p of this.pnls.all) this.sendPnl(p, nums(p.account));
    }
  }

  private sendSummary(sub: SummarySub, now: number, initial: boolean, only?: string): void {
    for (const account of this.ctx.options.accounts) {
      if (only && account !== only) continue;
      const n = this.numbers(account, now);
      if (!n) continue;
      const out: [string, string, string][] = [];
      for (const [tag, value, currency] of summaryTags(n))
        if (sub.tags.has(tag)) out.push([tag, value, currency]);
      if (sub.ledger !== 'none') {
        const currencies = sub.ledger === 'all' ? ['BASE', 'USD'] : ['USD'];
        for (const c of currencies) for (const [tag, value] of ledgerTags(n)) out.push([tag, value, c]);
      }
      for (const [tag, value, currency] of out) {
        const k = `${account}/${tag}/${currency}`;
        if (!initial && sub.sent.get(k) === value) continue;
        sub.sent.set(k, value);
        sub.session.send(accountSummary(sub.reqId, account, tag, value, currency));
      }
    }
  }

  private sendValues(u: UpdatesSub, n: AccountNumbers, initial: boolean): void {
    for (const [key, value, currency] of accountUpdateValues(n)) {
      const k = `${key}/${currency}`;
      if (!initial && u.sent.get(k) === value) continue;
      u.sent.set(k, value);
      u.session.send(accountValue(key, value, currency, n.account));
    }
  }

  private sendMultiValues(m: MultiSub, n: AccountNumbers, initial: boolean): void {
    for (const [key, value, currency] of accountUpdateValues(n)) {
      if (m.light && !LIGHT_KEYS.has(key)) continue;
      const k = `${n.account}/${key}/${currency}`;
      if (!initial && m.sent.get(k) === value) continue;
      m.sent.set(k, value);
      m.session.send(accountUpdateMulti(m.reqId, n.account, m.modelCode, key, value, currency));
    }
  }

  private sendPortfolio(s: Session, account: string, inst: Instrument, n: AccountNumbers): void {
    const pv = n.positions.find((x) => x.position.inst.conId === inst.conId);
    const p = this.ctx.ledger.position(account, inst.conId);
    if (pv) {
      s.send(
        portfolioValue(
          inst,
          pv.position.qty,
          pv.marketPrice,
          round(pv.marketValue),
          round(pv.position.avgCost),
          round(pv.unrealized),
          round(pv.position.realizedToday),
          account,
        ),
      );
    } else if (p) {
      const q = this.ctx.market.quote(inst, this.ctx.clock.now(), emptyQuote());
      s.send(portfolioValue(inst, 0, q.last, 0, 0, 0, round(p.realizedToday), account));
    }
  }

  private sendPnl(sub: PnlSub, n: AccountNumbers | undefined): void {
    if (!n) return;
    const v = sub.session.version;
    let body: string;
    if (sub.conId === undefined) {
      body = pnl(v, sub.reqId, round(n.dailyPnl), round(n.unrealized), round(n.realized));
    } else {
      const pv = n.positions.find((x) => x.position.inst.conId === sub.conId);
      const p = this.ctx.ledger.position(sub.account, sub.conId);
      body = pv
        ? pnlSingle(
            v,
            sub.reqId,
            pv.position.qty,
            round(pv.daily),
            round(pv.unrealized),
            round(pv.position.realizedToday),
            round(pv.marketValue),
          )
        : pnlSingle(v, sub.reqId, 0, round(p?.realizedToday ?? 0), 0, round(p?.realizedToday ?? 0), 0);
    }
    if (body === sub.last) return;
    sub.last = body;
    sub.session.send(body);
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
