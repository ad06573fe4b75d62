// Account values derived from the ledger and the market: the tags of reqAccountSummary and the keys of
// reqAccountUpdates. Margin is simplified Reg T: stocks 50% initial / 25% maintenance, futures 8% / 6.5% and FX
// 3% / 2.5% of notional; options 100% of their market value, long or short (no loan value; the demo does not
// model Reg T's short-option formula); BuyingPower is 4x AvailableFunds (intraday leverage of a margin account).
import type { AccountBook, Position } from './ledger';
import type { Instrument } from '../model/instrument';

interface PositionValue {
  position: Position;
  marketPrice: number;
  /** qty × price × multiplier, in USD. */
  marketValue: number;
  unrealized: number;
  /** Daily P&L of this position (change since the previous close, or since entry for today's trades). */
  daily: number;
}

export interface AccountNumbers {
  account: string;
  cash: number;
  netLiquidation: number;
  stockMarketValue: number;
  optionMarketValue: number;
  grossPositionValue: number;
  futuresPnl: number;
  unrealized: number;
  realized: number;
  initMargin: number;
  maintMargin: number;
  availableFunds: number;
  excessLiquidity: number;
  buyingPower: number;
  previousDayValue: number;
  dailyPnl: number;
  positions: PositionValue[];
}

export type PriceOf = (inst: Instrument) => { price: number; prevClose: number; usdRate: number };

/** [initial, maintenance] margin as a share of notional: Reg T for stocks (and anything else), futures, FX. */
const MARGIN: Record<string, readonly [number, number]> = {
  STK: [0.5, 0.25],
  FUT: [0.08, 0.065],
  CASH: [0.03, 0.025],
  OPT: [1, 1],
};

export function marginRates(inst: Instrument): readonly [initial: number, maintenance: number] {
  return MARGIN[inst.secType] ?? [0.5, 0.25];
}

export function valueAccount(book: AccountBook, priceOf: PriceOf): AccountNumbers {
  const sum = {
    stockValue: 0,
    optionValue: 0,
    gross: 0,
    futuresPnl: 0,
    unrealized: 0,
    initMargin: 0,
    maintMargin: 0,
    daily: 0,
  };
  const positions: PositionValue[] = [];
  for (const p of book.positions.values()) {
    if (p.qty === 0) continue;
    const { price, prevClose, usdRate } = priceOf(p.inst);
    const mult = p.inst.multiplier;
    const marketValue = p.qty * price * mult * usdRate;
    const cost = p.qty * p.avgCost * usdRate;
    const upnl = marketValue - cost;
    // Daily P&L against the previous close, but never more than the P&L since entry (positions opened today).
    const sinceClose = p.qty * (price - prevClose) * mult * usdRate;
    const pd = Math.abs(sinceClose) < Math.abs(upnl) ? sinceClose : upnl;
    positions.push({
      position: p,
      marketPrice: price,
      marketValue,
      unrealized: upnl,
      daily: pd + p.realizedToday,
    });
    sum.unrealized += upnl;
    sum.daily += pd;
    const notional = Math.abs(marketValue);
    const [init, maint] = marginRates(p.inst);
    sum.initMargin += notional * init;
    sum.maintMargin += notional * maint;
    if (p.inst.secType === 'STK') {
      sum.stockValue += marketValue;
      sum.gross += notional;
    } else if (p.inst.secType === 'OPT') {
      // Cash-settled like stocks: the premium left the cash, the position's value counts instead.
      sum.optionValue += marketValue;
      sum.gross += notional;
    } else {
      // Futures and FX are margin-style: the open trade's value is the price move since entry (commissions
      // already left the cash).
      sum.futuresPnl += marketValue - p.qty * p.avgPrice * usdRate;
    }
  }
  const { stockValue, optionValue, gross, futuresPnl, unrealized, initMargin, maintMargin, daily } = sum;
  const netLiquidation = book.cash + stockValue + optionValue + futuresPnl;
  const availableFunds = netLiquidation - initMargin;
  return {
    account: book.account,
    cash: book.cash,
    netLiquidation,
    stockMarketValue: stockValue,
    optionMarketValue: optionValue,
    grossPositionValue: gross,
    futuresPnl,
    unrealized,
    realized: book.realizedToday,
    initMargin,
    maintMargin,
    availableFunds,
    excessLiquidity: netLiquidation - maintMargin,
    buyingPower: Math.max(0, availableFunds * 4),
    previousDayValue: book.startOfDayValue,
    dailyPnl: daily + book.realizedToday,
    positions,
  };
}

const money = (x: number): string => x.toFixed(2);

/** The account summary tags (AccountSummaryTags.AllTags) with their values and currencies. */
export function summaryTags(n: AccountNumbers): [tag: string, value: string, currency: string][] {
  const nlv = n.netLiquidation;
  return [
    ['AccountType', 'INDIVIDUAL', ''],
    ['NetLiquidation', money(nlv), 'USD'],
    ['TotalCashValue', money(n.cash), 'USD'],
    ['SettledCash', money(n.cash), 'USD'],
    ['AccruedCash', money(0), 'USD'],
    ['BuyingPower', money(n.buyingPower), 'USD'],
    ['EquityWithLoanValue', money(nlv), 'USD'],
    ['PreviousDayEquityWithLoanValue', money(n.previousDayValue), 'USD'],
    ['GrossPositionValue', money(n.grossPositionValue), 'USD'],
    ['RegTEquity', money(nlv), 'USD'],
    ['RegTMargin', money(n.grossPositionValue * 0.5), 'USD'],
    ['SMA', money(Math.max(0, nlv - n.grossPositionValue * 0.5)), 'USD'],
    ['InitMarginReq', money(n.initMargin), 'USD'],
    ['MaintMarginReq', money(n.maintMargin), 'USD'],
    ['AvailableFunds', money(n.availableFunds), 'USD'],
    ['ExcessLiquidity', money(n.excessLiquidity), 'USD'],
    ['Cushion', nlv > 0 ? (n.excessLiquidity / nlv).toFixed(6) : '0', ''],
    ['FullInitMarginReq', money(n.initMargin), 'USD'],
    ['FullMaintMarginReq', money(n.maintMargin), 'USD'],
    ['FullAvailableFunds', money(n.availableFunds), 'USD'],
    ['FullExcessLiquidity', money(n.excessLiquidity), 'USD'],
    ['LookAheadNextChange', '0', ''],
    ['LookAheadInitMarginReq', money(n.initMargin), 'USD'],
    ['LookAheadMaintMarginReq', money(n.maintMargin), 'USD'],
    ['LookAheadAvailableFunds', money(n.availableFunds), 'USD'],
    ['LookAheadExcessLiquidity', money(n.excessLiquidity), 'USD'],
    ['HighestSeverity', '0', ''],
    ['DayTradesRemaining', '-1', ''],
    ['Leverage', nlv > 0 ? (n.grossPositionValue / nlv).toFixed(2) : '0', ''],
  ];
}

/** Cash-balance tags that "$LEDGER" relays (USD only: the demo keeps single-currency accounts). */
export function ledgerTags(n: AccountNumbers): [tag: string, value: string][] {
  return [
    ['CashBalance', money(n.cash)],
    ['TotalCashBalance', money(n.cash)],
    ['AccruedCash', money(0)],
    ['StockMarketValue', money(n.stockMarketValue)],
    ['OptionMarketValue', money(n.optionMarketValue)],
    ['FutureOptionValue', money(0)],
    ['FuturesPNL', money(n.futuresPnl)],
    ['NetLiquidationByCurrency', money(n.netLiquidation)],
    ['UnrealizedPnL', money(n.unrealized)],
    ['RealizedPnL', money(n.realized)],
    ['ExchangeRate', '1.00'],
    ['FundValue', money(0)],
    ['NetDividend', money(0)],
    ['MutualFundValue', money(0)],
    ['MoneyMarketFundValue', money(0)],
    ['CorporateBondValue', money(0)],
    ['TBondValue', money(0)],
    ['TBillValue', money(0)],
    ['WarrantValue', money(0)],
    ['FxCashBalance', money(0)],
    ['AccountOrGroup', n.account],
    ['RealCurrency', 'USD'],
    ['IssuerOptionValue', money(0)],
  ];
}

/** The keys reqAccountUpdates streams (updateAccountValue), as [key, value, currency]. */
export function accountUpdateValues(n: AccountNumbers): [key: string, value: string, currency: string][] {
  const out: [string, string, string][] = [
    ['AccountCode', n.account, ''],
    ['AccountOrGroup', n.account, 'BASE'],
    ['AccountOrGroup', n.account, 'USD'],
    ['AccountReady', 'true', ''],
    ['AccountType', 'INDIVIDUAL', ''],
    ['Currency', 'USD', 'BASE'],
    ['Currency', 'USD', 'USD'],
    ['RealCurrency', 'USD', 'BASE'],
    ['RealCurrency', 'USD', 'USD'],
    ['ExchangeRate', '1.00', 'BASE'],
    ['ExchangeRate', '1.00', 'USD'],
  ];
  for (const [tag, value, currency] of summaryTags(n)) {
    if (tag === 'AccountType') continue;
    out.push([tag === 'Leverage' ? 'Leverage-S' : tag, value, currency]);
  }
  for (const [tag, value] of ledgerTags(n)) {
    if (tag === 'AccountOrGroup' || tag === 'RealCurrency' || tag === 'ExchangeRate') continue;
    out.push([tag, value, 'BASE'], [tag, value, 'USD']);
  }
  return out;
}
