// SECURITY_DEFINITION_OPTION_PARAMETER (75) and TICK_OPTION_COMPUTATION (21), laid out as ibapi's
// decoder.processSecurityDefinitionOptionParameterMsg and processTickOptionComputationMsg read them. Neither has a
// version field in 157…193 (see /work/notes/protocol-options.md §1.2 and §4.1).
import { Msg } from './fields';
import { Outgoing as O } from './message-ids';
import type { SecDefOptParams } from '../options/chain';
import type { OptionComputation } from '../options/quotes';

/**
 * A strike as TWS writes it in message 75 (Java's Double.toString: "5.0", "257.5"), where CONTRACT_DATA writes
 * "100". Strikes are far from the range where Java switches to exponent notation (below 1e-3, from 1e7).
 */
function javaDouble(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** One row of reqSecDefOptParams: an exchange and trading class with every expiration and the union of strikes. */
export function securityDefinitionOptionParameter(reqId: number, row: SecDefOptParams): string {
  const m = new Msg(O.SECURITY_DEFINITION_OPTION_PARAMETER);
  m.int(reqId).str(row.exchange).int(row.underlyingConId).str(row.tradingClass).str(row.multiplier);
  m.int(row.expirations.length);
  for (const e of row.expirations) m.str(e);
  m.int(row.strikes.length);
  for (const k of row.strikes) m.str(javaDouble(k));
  return m.done();
}

/**
 * TICK_OPTION_COMPUTATION (21): from PRICE_BASED_VOLATILITY (156), below every version the gateway speaks, there
 * is no version field and tickAttrib plus all eight values are always present. "Not computed" travels as the
 * sentinels the model already holds (−1 for values, −2 for greeks), never as an empty field (ib_async's float()
 * would raise on it).
 */
export function tickOptionComputation(reqId: number, tickType: number, c: OptionComputation): string {
  return new Msg(O.TICK_OPTION_COMPUTATION)
    .int(reqId)
    .int(tickType)
    .int(c.tickAttrib)
    .num(c.impliedVol)
    .num(c.delta)
    .num(c.optPrice)
    .num(c.pvDividend)
    .num(c.gamma)
    .num(c.vega)
    .num(c.theta)
    .num(c.undPrice)
    .done();
}
