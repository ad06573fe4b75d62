// Option requests: reqSecDefOptParams (a 75 row per exchange, then 76), reqContractDetails for OPT (any of expiry,
// right and strike left open, by conId and by OCC local symbol; error 200 when nothing matches, e.g. an expiry/
// strike pair the union of strikes suggests but that is not listed), calculateImpliedVolatility and
// calculateOptionPrice (one tickOptionComputation 53), and the resolution of an option contract that market data,
// orders and the calculations share.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { ContractRequest } from '../orders/order-types';
import type { Request } from '../wire/requests';
import type { OptionContract } from '../options/contract';
import { OPTION_EXCHANGES, optionRoot } from '../options/contract';
import { isOptionConId } from '../options/con-id';
import { OptionModelError } from '../options/errors';
import { optionInstrument } from '../options/option-instruments';
import { contractData, contractDataEnd } from '../wire/encode-contract';
import { securityDefinitionOptionParameter, tickOptionComputation } from '../wire/encode-options';
import { secDefOptParamsEnd } from '../wire/encoder';
import { NO_SECURITY_DEFINITION, failedDetails } from './contracts';
import { sendSliced } from './slices';
import type { Resolution } from './contracts';

/** CUST_OPTION_COMPUTATION: the tick type of calculateImpliedVolatility / calculateOptionPrice answers. */
const CUST_OPTION_COMPUTATION = 53;

/** TWS's answer to a market-data or order request on an option that names neither all three parts nor an OCC symbol. */
const UNDERSPECIFIED =
  "Error validating request.-'b1' : cause - When the local symbol field is empty, please fill the following fields (right, strike, expiry)";

type SecDefOptParamsRequest = Extract<Request, { kind: 'reqSecDefOptParams' }>;
type CalculationRequest = Extract<Request, { kind: 'calculateImpliedVolatility' | 'calculateOptionPrice' }>;

/** Whether a request's contract means an option: secType OPT, or no secType with an option conId or OCC symbol. */
export function namesOption(c: ContractRequest): boolean {
  const secType = c.secType.trim().toUpperCase();
  if (secType === 'OPT') return true;
  if (secType !== '') return false;
  if (c.conId > 0) return isOptionConId(c.conId);
  return c.symbol.trim() === '' && /^[A-Z0-9]{1,6} *\d{6}[CP]\d{8}$/i.test(c.localSymbol.trim());
}

/** Every listed option the contract matches: its conId, its OCC symbol, or the symbol with the rest as filters. */
function matchOptions(ctx: GatewayContext, c: ContractRequest, t: number): OptionContract[] {
  const chains = ctx.optionInstruments.model.chains;
  if (c.conId > 0) {
    const hit = chains.byConId(c.conId, t);
    return hit ? [hit] : [];
  }
  const symbol = c.symbol.trim();
  const local = c.localSymbol.trim();
  if (local !== '') {
    const hit = chains.byLocalSymbol(local, t);
    return hit && (symbol === '' || optionRoot(symbol) === hit.tradingClass) ? [hit] : [];
  }
  if (symbol === '') return [];
  return chains.find(
    symbol,
    {
      expiry: c.lastTradeDateOrContractMonth,
      right: c.right,
      strike: c.strike,
      multiplier: c.multiplier,
      exchange: c.exchange,
      currency: c.currency,
      tradingClass: c.tradingClass,
    },
    t,
  );
}

/** matchOptions, with a malformed expiry, right or OCC symbol meaning "no such contract" (error 200), as in TWS. */
function listOptions(ctx: GatewayContext, c: ContractRequest, t: number): OptionContract[] {
  try {
    return matchOptions(ctx, c, t);
  } catch (err) {
    if (err instanceof OptionModelError) return [];
    throw err;
  }
}

/**
 * The one option a market-data, order or calculation request means (its instrument), the error TWS answers with,
 * or undefined when the contract is not an option.
 */
export function resolveOption(ctx: GatewayContext, c: ContractRequest): Resolution | undefined {
  if (!namesOption(c)) return undefined;
  const whole =
    c.conId > 0 ||
    c.localSymbol.trim() !== '' ||
    (c.lastTradeDateOrContractMonth.trim() !== '' &&
      c.right.trim() !== '' &&
      c.strike > 0 &&
      c.strike < 1e308);
  if (!whole) return { ok: false, code: 321, text: UNDERSPECIFIED };
  const list = listOptions(ctx, c, ctx.clock.now());
  if (list.length === 1)
    return { ok: true, inst: ctx.optionInstruments.instrument(list[0] as OptionContract) };
  if (list.length === 0) return { ok: false, code: 200, text: NO_SECURITY_DEFINITION };
  return {
    ok: false,
    code: 200,
    text: `The contract description specified for ${c.symbol} is ambiguous.`,
  };
}

/** reqContractDetails for an option request (false: not one, the stock handler answers). */
export function handleOptionDetails(
  ctx: GatewayContext,
  s: Session,
  reqId: number,
  c: ContractRequest,
): boolean {
  if (!namesOption(c)) return false;
  const now = ctx.clock.now();
  const list = listOptions(ctx, c, now);
  const first = list[0];
  if (!first) {
    s.error(reqId, 200, NO_SECURITY_DEFINITION);
    return true;
  }
  const cal = ctx.market.calendar;
  const today = ctx.market.etDayOf(now);
  // Every option trades the same hours: worked out once for the whole answer.
  const sample = optionInstrument(first);
  const hours = {
    tradingHours: cal.tradingHours(sample, today),
    liquidHours: cal.liquidHours(sample, today),
  };
  const requested = c.exchange.trim().toUpperCase();
  const exchange = requested !== '' && OPTION_EXCHANGES.includes(requested) ? requested : '';
  sendSliced(s, {
    count: list.length,
    message: (i) => {
      const inst = optionInstrument(list[i]!);
      return contractData(s.version, reqId, exchange ? { ...inst, exchange } : inst, hours);
    },
    end: () => contractDataEnd(reqId),
    failed: (err) => failedDetails(ctx, s, reqId, err),
  });
  return true;
}

/**
 * reqSecDefOptParams: one row per exchange (all of them, or the one futFopExchange names), each with every
 * expiration and the union of strikes, then the end. An underlying that is unknown, has no options, or does not
 * match the symbol and secType given gets the end alone (what TWS sends there is unconfirmed; clients complete on
 * the end and see an empty chain).
 */
export function handleSecDefOptParams(ctx: GatewayContext, s: Session, req: SecDefOptParamsRequest): void {
  const chains = ctx.optionInstruments.model.chains;
  const symbol = req.underlyingSymbol.trim();
  const secType = req.underlyingSecType.trim().toUpperCase();
  const exchange = req.futFopExchange.trim().toUpperCase();
  const inst =
    req.underlyingConId > 0 ? ctx.universe.byConId(req.underlyingConId) : chains.underlying(symbol);
  const matches =
    inst !== undefined &&
    chains.isOptionable(inst) &&
    (symbol === '' || optionRoot(symbol) === optionRoot(inst.symbol)) &&
    (secType === '' || secType === inst.secType);
  if (matches) {
    const now = ctx.clock.now();
    for (const row of chains.chain(inst, now).secDefOptParams(now))
      if (exchange === '' || row.exchange === exchange)
        s.send(securityDefinitionOptionParameter(req.reqId, row));
  }
  s.send(secDefOptParamsEnd(req.reqId));
}

/**
 * calculateImpliedVolatility / calculateOptionPrice: one tickOptionComputation 53 at once. The inputs are fixed
 * (price or volatility, and the underlying's price), so nothing streams and a cancel has nothing left to stop.
 */
export function handleCalculation(ctx: GatewayContext, s: Session, req: CalculationRequest): void {
  const r = resolveOption(ctx, req.contract) ?? { ok: false, code: 200, text: NO_SECURITY_DEFINITION };
  const contract = r.ok ? ctx.optionInstruments.contract(r.inst) : undefined;
  if (!r.ok || !contract) {
    s.error(req.reqId, r.ok ? 200 : r.code, r.ok ? NO_SECURITY_DEFINITION : r.text);
    return;
  }
  const model = ctx.optionInstruments.model;
  const now = ctx.clock.now();
  try {
    const out =
      req.kind === 'calculateImpliedVolatility'
        ? model.calculateImpliedVolatility(contract, req.value, req.underPrice, now)
        : model.calculateOptionPrice(contract, req.value, req.underPrice, now);
    s.send(tickOptionComputation(req.reqId, CUST_OPTION_COMPUTATION, out));
  } catch (err) {
    if (!(err instanceof OptionModelError)) throw err;
    s.error(req.reqId, 321, `Error validating request.-'bY' : cause - ${err.message}`);
  }
}
