// Contract requests: contract details (by conId, symbol, local symbol; error 200 for nothing found), matching
// symbols and market rules; plus the resolution of a request's contract that every other handler uses.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import type { Universe } from '../model/universe';
import type { ContractRequest } from '../orders/order-types';
import { contractData, contractDataEnd, symbolSamples } from '../wire/encode-contract';
import { marketRule } from '../wire/encoder';
import { ruleIncrements } from '../model/market-rules';
import { optionRuleIncrements } from '../options/contract';
import { sendSliced } from './slices';

export const NO_SECURITY_DEFINITION = 'No security definition has been found for the request';

const EXCHANGE_ALIASES: Record<string, string> = {
  ISLAND: 'NASDAQ',
  GLOBEX: 'CME',
  ECBOT: 'CBOT',
  IDEAL: 'IDEALPRO',
};

/** Every instrument a request's contract could mean. */
function resolveContracts(universe: Universe, c: ContractRequest): Instrument[] {
  if (c.conId > 0) {
    const hit = universe.byConId(c.conId);
    return hit ? [hit] : [];
  }
  const secType = c.secType.trim().toUpperCase();
  let list: readonly Instrument[];
  if (c.symbol.trim() !== '') {
    list = universe.bySymbol(c.symbol);
  } else if (c.localSymbol.trim() !== '') {
    const ls = c.localSymbol.trim().toUpperCase();
    list = universe.instruments.filter((i) => i.localSymbol.toUpperCase() === ls);
  } else {
    return [];
  }
  const exchange =
    (EXCHANGE_ALIASES[c.exchange.trim().toUpperCase()] ?? c.exchange.trim().toUpperCase()) || '';
  const primary =
    (EXCHANGE_ALIASES[c.primaryExchange.trim().toUpperCase()] ?? c.primaryExchange.trim().toUpperCase()) ||
    '';
  const currency = c.currency.trim().toUpperCase();
  const expiry = c.lastTradeDateOrContractMonth.trim();
  const local = c.localSymbol.trim().toUpperCase();
  return list.filter((i) => {
    if (secType && i.secType !== secType) return false;
    if (currency && i.currency !== currency) return false;
    if (local && i.localSymbol.toUpperCase() !== local) return false;
    if (primary && i.primaryExchange !== primary) return false;
    if (exchange && exchange !== 'SMART' && exchange !== i.exchange && exchange !== i.primaryExchange) {
      if (!(i.secType === 'STK' && i.validExchanges.split(',').includes(exchange))) return false;
    }
    if (expiry && i.secType === 'FUT' && !(i.lastTradeDate.startsWith(expiry) || i.contractMonth === expiry))
      return false;
    return true;
  });
}

export type Resolution = { ok: true; inst: Instrument } | { ok: false; code: number; text: string };

/** One instrument for a data or order request: 200 when nothing matches, or when the description is ambiguous. */
export function resolveOne(universe: Universe, c: ContractRequest): Resolution {
  const list = resolveContracts(universe, c);
  if (list.length === 1) return { ok: true, inst: list[0] as Instrument };
  if (list.length === 0) return { ok: false, code: 200, text: NO_SECURITY_DEFINITION };
  // A stock symbol and a future root can coincide (ES, CL …): a stated secType already filtered them.
  const stocks = list.filter((i) => i.secType === 'STK');
  if (stocks.length === 1 && c.secType === '') return { ok: true, inst: stocks[0] as Instrument };
  return {
    ok: false,
    code: 200,
    text: `The contract description specified for ${c.symbol || c.localSymbol} is ambiguous.`,
  };
}

export function handleContractDetails(
  ctx: GatewayContext,
  s: Session,
  reqId: number,
  c: ContractRequest,
): void {
  const list = resolveContracts(ctx.universe, c);
  if (list.length === 0) {
    s.error(reqId, 200, NO_SECURITY_DEFINITION);
    return;
  }
  const now = ctx.clock.now();
  const cal = ctx.market.calendar;
  const today = ctx.market.etDayOf(now);
  const requested = (EXCHANGE_ALIASES[c.exchange.toUpperCase()] ?? c.exchange.toUpperCase()).trim();
  sendSliced(s, {
    count: list.length,
    message: (i) => {
      const inst = list[i]!;
      const shown =
        inst.secType === 'STK' &&
        requested &&
        requested !== 'SMART' &&
        inst.validExchanges.split(',').includes(requested)
          ? { ...inst, exchange: requested }
          : inst;
      return contractData(s.version, reqId, shown, {
        tradingHours: cal.tradingHours(inst, today),
        liquidHours: cal.liquidHours(inst, today),
      });
    },
    end: () => contractDataEnd(reqId),
    failed: (err) => failedDetails(ctx, s, reqId, err),
  });
}

/** A contract-details answer that failed after its first slice: logged, and the request ends with 321. */
export function failedDetails(ctx: GatewayContext, s: Session, reqId: number, err: Error): void {
  ctx.log.error(`contract details failed: ${err.message}`, { reqId, stack: err.stack });
  s.error(reqId, 321, `Error validating request.-'zz' : cause - ${err.message}`);
}

/** reqMatchingSymbols: up to 16 contracts whose symbol starts with, or whose name contains, the pattern. */
export function handleMatchingSymbols(ctx: GatewayContext, s: Session, reqId: number, pattern: string): void {
  const p = pattern.trim().toUpperCase();
  const seen = new Set<string>();
  const out: Instrument[] = [];
  const consider = (i: Instrument): void => {
    const k = `${i.symbol}/${i.secType}/${i.currency}`;
    if (seen.has(k) || out.length >= 16) return;
    seen.add(k);
    out.push(i);
  };
  if (p !== '') {
    for (const i of ctx.universe.instruments) if (i.symbol.toUpperCase() === p) consider(i);
    for (const i of ctx.universe.instruments) if (i.symbol.toUpperCase().startsWith(p)) consider(i);
    for (const i of ctx.universe.instruments) if (i.longName.toUpperCase().includes(p)) consider(i);
  }
  s.send(symbolSamples(s.version, reqId, out));
}

export function handleMarketRule(s: Session, id: number): void {
  s.send(marketRule(id, optionRuleIncrements(id) ?? ruleIncrements(id)));
}
