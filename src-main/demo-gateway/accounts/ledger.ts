// Cash, positions and realized P&L per account. Stocks, ETFs and options settle their full value in cash (an
// option's premium × quantity × multiplier 100); futures and FX pairs are carried margin-style (cash moves only by commissions and realized P&L, converted to USD), which keeps
// a single-currency (USD) account. Average costs include commissions, as TWS reports them.
import type { Instrument } from '../model/instrument';

export interface Position {
  readonly account: string;
  readonly inst: Instrument;
  /** Signed quantity. */
  qty: number;
  /** Average cost per unit including commissions (futures: per contract, times the multiplier). */
  avgCost: number;
  /** Average trade price per unit times the multiplier, without commissions (margin-style cash flows use it). */
  avgPrice: number;
  /** Realized P&L of this position since the gateway's day started (USD). */
  realizedToday: number;
}

export interface AccountBook {
  readonly account: string;
  cash: number;
  realizedToday: number;
  commissionsToday: number;
  /** Net liquidation value when the current day started (PreviousDayEquityWithLoanValue). */
  startOfDayValue: number;
  /** ET day the "today" figures belong to. */
  day: number;
  readonly positions: Map<number, Position>;
}

export interface FillResult {
  /** Realized P&L of this fill net of its commission, or undefined if it only opened or added. */
  realized: number | undefined;
}

export class Ledger {
  private readonly books = new Map<string, AccountBook>();

  constructor(
    accounts: readonly string[],
    readonly startingCash: number,
  ) {
    for (const a of accounts) this.books.set(a, newBook(a, startingCash));
  }

  get accounts(): string[] {
    return [...this.books.keys()];
  }

  book(account: string): AccountBook | undefined {
    return this.books.get(account);
  }

  positions(account?: string): Position[] {
    const out: Position[] = [];
    for (const b of this.books.values()) {
      if (account && b.account !== account) continue;
      for (const p of b.positions.values()) out.push(p);
    }
    return out;
  }

  position(account: string, conId: number): Position | undefined {
    return this.books.get(account)?.positions.get(conId);
  }

  /**
   * Books one execution. `usdRate` converts the instrument's currency to USD (1 for USD instruments).
   * Returns the realized P&L (net of this fill's commission) when the fill reduced a position.
   */
  applyFill(
    account: string,
    inst: Instrument,
    side: 'BUY' | 'SELL',
    qty: number,
    price: number,
    commission: number,
    usdRate: number,
  ): FillResult {
    const book = this.books.get(account);
    if (!book) throw new Error(`unknown account ${account}`);
    const mult = inst.multiplier;
    const signed = side === 'BUY' ? qty : -qty;
    let pos = book.positions.get(inst.conId);
    if (!pos) {
      pos = { account, inst, qty: 0, avgCost: 0, avgPrice: 0, realizedToday: 0 };
      book.positions.set(inst.conId, pos);
    }
    const cashSettled = inst.secType === 'STK' || inst.secType === 'OPT';
    if (cashSettled) book.cash -= signed * price * mult * usdRate;
    book.cash -= commission;
    book.commissionsToday += commission;

    let realized: number | undefined;
    const perUnitCommission = commission / qty;
    if (pos.qty === 0 || Math.sign(pos.qty) === Math.sign(signed)) {
      // Opening or adding: the average cost absorbs price and commission.
      const costPerUnit = price * mult + (side === 'BUY' ? perUnitCommission : -perUnitCommission);
      const newQty = pos.qty + signed;
      pos.avgCost = (pos.avgCost * Math.abs(pos.qty) + costPerUnit * qty) / Math.abs(newQty);
      pos.avgPrice = (pos.avgPrice * Math.abs(pos.qty) + price * mult * qty) / Math.abs(newQty);
      pos.qty = newQty;
    } else {
      const closing = Math.min(qty, Math.abs(pos.qty));
      const direction = pos.qty > 0 ? 1 : -1;
      const gross = (price * mult - pos.avgCost) * closing * direction;
      realized = (gross - perUnitCommission * closing) * usdRate;
      // Margin-style: the price difference settles in cash (commissions were charged when they occurred).
      if (!cashSettled) book.cash += (price * mult - pos.avgPrice) * closing * direction * usdRate;
      pos.realizedToday += realized;
      book.realizedToday += realized;
      pos.qty += signed;
      const opening = qty - closing;
      if (opening > 0) {
        // Flipped through zero: the rest opens a new position at this fill's price.
        pos.avgCost = price * mult + (side === 'BUY' ? perUnitCommission : -perUnitCommission);
        pos.avgPrice = price * mult;
      } else if (pos.qty === 0) {
        pos.avgCost = 0;
        pos.avgPrice = 0;
      }
    }
    return { realized };
  }

  /** Starts a new day: today's realized P&L and commissions reset; `value` is each account's current NLV. */
  rollDay(day: number, valueOf: (book: AccountBook) => number): void {
    for (const b of this.books.values()) {
      if (b.day === day) continue;
      b.day = day;
      b.startOfDayValue = valueOf(b);
      b.realizedToday = 0;
      b.commissionsToday = 0;
      for (const p of b.positions.values()) p.realizedToday = 0;
    }
  }

  /** Plain data for the state file. */
  snapshot(): LedgerSnapshot {
    return {
      books: [...this.books.values()].map((b) => ({
        account: b.account,
        cash: b.cash,
        realizedToday: b.realizedToday,
        commissionsToday: b.commissionsToday,
        startOfDayValue: b.startOfDayValue,
        day: b.day,
        positions: [...b.positions.values()]
          .filter((p) => p.qty !== 0)
          .map((p) => ({
            conId: p.inst.conId,
            qty: p.qty,
            avgCost: p.avgCost,
            realizedToday: p.realizedToday,
          })),
      })),
    };
  }

  restore(s: LedgerSnapshot, byConId: (conId: number) => Instrument | undefined): void {
    for (const b of s.books) {
      const book = this.books.get(b.account);
      if (!book) continue;
      book.cash = b.cash;
      book.realizedToday = b.realizedToday;
      book.commissionsToday = b.commissionsToday;
      book.startOfDayValue = b.startOfDayValue;
      book.day = b.day;
      book.positions.clear();
      for (const p of b.positions) {
        const inst = byConId(p.conId);
        if (inst)
          book.positions.set(p.conId, {
            account: b.account,
            inst,
            qty: p.qty,
            avgCost: p.avgCost,
            avgPrice: p.avgPrice ?? p.avgCost,
            realizedToday: p.realizedToday,
          });
      }
    }
  }
}

export interface LedgerSnapshot {
  books: {
    account: string;
    cash: number;
    realizedToday: number;
    commissionsToday: number;
    startOfDayValue: number;
    day: number;
    positions: { conId: number; qty: number; avgCost: number; avgPrice?: number; realizedToday: number }[];
  }[];
}

function newBook(account: string, cash: number): AccountBook {
  return {
    account,
    cash,
    realizedToday: 0,
    commissionsToday: 0,
    startOfDayValue: cash,
    day: 0,
    positions: new Map(),
  };
}
