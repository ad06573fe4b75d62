// The contract block requests carry (reqMktData, reqContractDetails, reqHistoricalData, reqHeadTimestamp,
// reqRealTimeBars, placeOrder), as EClient writes it at every server version the gateway negotiates: conId, symbol,
// secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExchange (PRIMARYEXCH, 75),
// currency, localSymbol, tradingClass (TRADING_CLASS, 68).
import type { FieldReader } from './field-reader';
import { emptyContractRequest } from '../orders/order-types';
import type { ContractRequest } from '../orders/order-types';

export function readContract(r: FieldReader): ContractRequest {
  const c = emptyContractRequest();
  c.conId = r.int();
  c.symbol = r.str();
  c.secType = r.str();
  c.lastTradeDateOrContractMonth = r.str();
  c.strike = r.float();
  c.right = r.str();
  c.multiplier = r.str();
  c.exchange = r.str();
  c.primaryExchange = r.str();
  c.currency = r.str();
  c.localSymbol = r.str();
  c.tradingClass = r.str();
  return c;
}
