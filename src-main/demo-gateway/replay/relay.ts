// A recorded message as one client of the replay receives it: under the client's own request id, and laid out for
// the client's server version when that differs from the recording's. Market-data and bar messages keep one layout
// across 157…193 except their size units (US stock sizes in round lots below MARKET_DATA_IN_SHARES 159, bar volumes
// below HMDS_MARKET_DATA_IN_SHARES 175); errors gain advancedOrderRejectJson at 166; contract details change
// layout several times and are read back into an instrument and written again.
import type { Instrument } from '../model/instrument';
import { contractData } from '../wire/encode-contract';
import { errorMessage } from '../wire/encoder';
import * as V from '../wire/server-versions';
import { reqIdField } from './stream-kinds';

/** Who receives a relayed message: its request id, server version, and whether the stream is a US stock's. */
export interface RelayTarget {
  readonly reqId: number;
  readonly version: number;
  readonly stock: boolean;
}

/** The factor recorded sizes are multiplied by for the client (lots ↔ shares when the versions straddle `edge`). */
function sizeFactor(recorded: number, client: number, edge: number): number {
  if (recorded < edge === client < edge) return 1;
  return recorded < edge ? 100 : 0.01;
}

function scaled(text: string | undefined, factor: number): string {
  if (factor === 1 || text === undefined || text === '') return text ?? '';
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) return text;
  return String(Math.round(n * factor));
}

function body(fields: readonly string[]): string {
  let s = '';
  for (const f of fields) s += `${f}\0`;
  return s;
}

/**
 * The message body for the client, or undefined when the message cannot be given to it (a contract-details
 * message that does not read back at the recording's version).
 */
export function relay(
  fields: readonly string[],
  recordedVersion: number,
  to: RelayTarget,
  template: Instrument,
): string | undefined {
  const msgId = Number(fields[0]);
  if (msgId === 4) {
    return errorMessage(to.version, to.reqId, Number(fields[3]), fields[4] ?? '', fields[5] ?? '');
  }
  if (msgId === 10 && recordedVersion !== to.version) {
    const cd = readContractData(fields, recordedVersion, template);
    return cd ? contractData(to.version, to.reqId, cd.inst, cd.hours) : undefined;
  }
  const f = [...fields];
  const at = reqIdField(msgId, recordedVersion);
  if (at !== undefined) f[at] = String(to.reqId);
  if (to.stock) {
    const ticks = sizeFactor(recordedVersion, to.version, V.MIN_SERVER_VER_MARKET_DATA_IN_SHARES);
    const bars = sizeFactor(recordedVersion, to.version, V.MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES);
    if (msgId === 1) f[5] = scaled(f[5], ticks);
    else if (msgId === 2) f[4] = scaled(f[4], ticks);
    else if (msgId === 50) f[8] = scaled(f[8], bars);
  }
  return body(f);
}

/**
 * CONTRACT_DATA (10) read at server version v, field by field as wire/encode-contract.ts writes it (ibapi's
 * processContractDataMsg): the instrument (on `template` for what the message does not carry) and its hours.
 */
function readContractData(
  fields: readonly string[],
  v: number,
  template: Instrument,
): { inst: Instrument; hours: { tradingHours: string; liquidHours: string } } | undefined {
  let i = v < V.MIN_SERVER_VER_SIZE_RULES ? 3 : 2;
  const next = (): string => {
    if (i >= fields.length) throw new RangeError('short');
    return fields[i++]!;
  };
  try {
    const symbol = next();
    const secType = next();
    const lastTradeDate = next();
    if (v >= V.MIN_SERVER_VER_LAST_TRADE_DATE) next();
    next(); // strike
    next(); // right
    const exchange = next();
    const currency = next();
    const localSymbol = next();
    const marketName = next();
    const tradingClass = next();
    const conId = Number(next());
    const minTick = Number(next());
    if (v >= V.MIN_SERVER_VER_MD_SIZE_MULTIPLIER && v < V.MIN_SERVER_VER_SIZE_RULES) next();
    const multiplier = Number(next()) || 1;
    const orderTypes = next();
    const validExchanges = next();
    next(); // priceMagnifier
    const underConId = Number(next()) || 0;
    const longName = next();
    const primaryExchange = next();
    const contractMonth = next();
    const industry = next();
    const category = next();
    const subcategory = next();
    const timeZoneId = next();
    const tradingHours = next();
    const liquidHours = next();
    next(); // evRule
    next(); // evMultiplier
    const secIds = Number(next()) || 0;
    for (let k = 0; k < 2 * secIds; k++) next();
    if (v >= V.MIN_SERVER_VER_AGG_GROUP) next();
    const underSymbol = v >= V.MIN_SERVER_VER_UNDERLYING_INFO ? next() : '';
    const underSecType = v >= V.MIN_SERVER_VER_UNDERLYING_INFO ? next() : '';
    const marketRuleId =
      v >= V.MIN_SERVER_VER_MARKET_RULES ? Number(next().split(',')[0]) || 0 : template.marketRuleId;
    if (v >= V.MIN_SERVER_VER_REAL_EXPIRATION_DATE) next();
    const stockType = v >= V.MIN_SERVER_VER_STOCK_TYPE ? next() : '';
    if (v >= V.MIN_SERVER_VER_FRACTIONAL_SIZE_SUPPORT && v < V.MIN_SERVER_VER_SIZE_RULES) next();
    if (!Number.isInteger(conId) || !Number.isFinite(minTick)) return undefined;
    const st = secType === 'STK' || secType === 'FUT' || secType === 'CASH' ? secType : template.secType;
    return {
      inst: {
        ...template,
        conId,
        symbol,
        secType: st,
        lastTradeDate,
        exchange,
        currency,
        localSymbol,
        marketName,
        tradingClass,
        minTick,
        multiplier,
        orderTypes,
        validExchanges,
        underConId,
        longName,
        primaryExchange,
        contractMonth,
        industry,
        category,
        subcategory,
        timeZoneId,
        underSymbol,
        underSecType,
        marketRuleId,
        stockType,
      },
      hours: { tradingHours, liquidHours },
    };
  } catch {
    return undefined;
  }
}
