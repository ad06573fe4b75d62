// CONTRACT_DATA (10), SYMBOL_SAMPLES (79) and SCANNER_DATA (20), laid out per server version as ibapi's
// decoder.processContractDataMsg / processSymbolSamplesMsg / processScannerDataMsg read them.
import { Msg } from './fields';
import { Outgoing as O } from './message-ids';
import {
  MIN_SERVER_VER_AGG_GROUP,
  MIN_SERVER_VER_BOND_ISSUERID,
  MIN_SERVER_VER_FRACTIONAL_SIZE_SUPPORT,
  MIN_SERVER_VER_INELIGIBILITY_REASONS,
  MIN_SERVER_VER_LAST_TRADE_DATE,
  MIN_SERVER_VER_MARKET_DATA_IN_SHARES,
  MIN_SERVER_VER_MARKET_RULES,
  MIN_SERVER_VER_MD_SIZE_MULTIPLIER,
  MIN_SERVER_VER_REAL_EXPIRATION_DATE,
  MIN_SERVER_VER_SIZE_RULES,
  MIN_SERVER_VER_STOCK_TYPE,
  MIN_SERVER_VER_UNDERLYING_INFO,
} from './server-versions';
import { multiplierText } from './encoder';
import type { Instrument } from '../model/instrument';

export interface ContractDataExtras {
  tradingHours: string;
  liquidHours: string;
}

export function contractData(v: number, reqId: number, inst: Instrument, extras: ContractDataExtras): string {
  const m = new Msg(O.CONTRACT_DATA);
  // The message version (8) is sent only below SIZE_RULES (164).
  if (v < MIN_SERVER_VER_SIZE_RULES) m.int(8);
  m.int(reqId);
  m.str(inst.symbol).str(inst.secType).str(inst.lastTradeDate);
  if (v >= MIN_SERVER_VER_LAST_TRADE_DATE) m.str(inst.lastTradeDate);
  m.num(inst.strike ?? 0).str(inst.right ?? ''); // an option's strike and right; 0 and '' for the rest
  m.str(inst.exchange).str(inst.currency).str(inst.localSymbol).str(inst.marketName).str(inst.tradingClass);
  m.int(inst.conId).num(inst.minTick);
  // mdSizeMultiplier existed from MD_SIZE_MULTIPLIER (110) until SIZE_RULES (164): 100 for US stocks while sizes
  // were quoted in round lots (below MARKET_DATA_IN_SHARES, 159), 1 afterwards.
  if (v >= MIN_SERVER_VER_MD_SIZE_MULTIPLIER && v < MIN_SERVER_VER_SIZE_RULES) {
    m.int(inst.secType === 'STK' && v < MIN_SERVER_VER_MARKET_DATA_IN_SHARES ? 100 : 1);
  }
  m.str(multiplierText(inst)).str(inst.orderTypes).str(inst.validExchanges);
  m.int(1); // priceMagnifier
  m.int(inst.underConId);
  m.str(inst.longName).str(inst.primaryExchange);
  m.str(inst.contractMonth).str(inst.industry).str(inst.category).str(inst.subcategory).str(inst.timeZoneId);
  m.str(extras.tradingHours).str(extras.liquidHours);
  m.str('').str(''); // evRule, evMultiplier
  m.int(0); // secIdList count
  // aggGroup: 2 in the live OPT frame, 1 for the rest.
  if (v >= MIN_SERVER_VER_AGG_GROUP) m.int(inst.secType === 'OPT' ? 2 : 1);
  if (v >= MIN_SERVER_VER_UNDERLYING_INFO) m.str(inst.underSymbol).str(inst.underSecType);
  if (v >= MIN_SERVER_VER_MARKET_RULES) m.str(marketRuleIds(inst));
  if (v >= MIN_SERVER_VER_REAL_EXPIRATION_DATE) m.str(inst.lastTradeDate);
  if (v >= MIN_SERVER_VER_STOCK_TYPE) m.str(inst.stockType);
  // sizeMinTick: only between FRACTIONAL_SIZE_SUPPORT (163) and SIZE_RULES (164).
  if (v >= MIN_SERVER_VER_FRACTIONAL_SIZE_SUPPORT && v < MIN_SERVER_VER_SIZE_RULES)
    m.str(sizeIncrement(inst));
  if (v >= MIN_SERVER_VER_SIZE_RULES) {
    m.str(sizeIncrement(inst))
      .str(sizeIncrement(inst))
      .str(inst.secType === 'STK' ? '100' : '1');
  }
  // FUND_DATA_FIELDS (179) adds fields only for secType FUND, which the demo does not list.
  if (v >= MIN_SERVER_VER_INELIGIBILITY_REASONS) m.int(0);
  return m.done();
}

export function contractDataEnd(reqId: number): string {
  return new Msg(O.CONTRACT_DATA_END).int(1).int(reqId).done();
}

const DERIVATIVES: Record<string, string[]> = {
  STK: ['CFD', 'OPT', 'IOPT', 'WAR', 'BAG'],
  FUT: ['FOP'],
  CASH: ['CFD'],
};

export function symbolSamples(v: number, reqId: number, list: readonly Instrument[]): string {
  const m = new Msg(O.SYMBOL_SAMPLES).int(reqId).int(list.length);
  for (const inst of list) {
    m.int(inst.conId).str(inst.symbol).str(inst.secType).str(inst.primaryExchange).str(inst.currency);
    const derivs = DERIVATIVES[inst.secType] ?? [];
    m.int(derivs.length);
    for (const d of derivs) m.str(d);
    // description and issuerId from BOND_ISSUERID (176).
    if (v >= MIN_SERVER_VER_BOND_ISSUERID) m.str(inst.longName).str('');
  }
  return m.done();
}

export interface ScanRow {
  rank: number;
  inst: Instrument;
  distance: string;
  benchmark: string;
  projection: string;
}

/** SCANNER_DATA (20), version 3 (conId from 3): one full snapshot per message, as TWS sends it. */
export function scannerData(reqId: number, rows: readonly ScanRow[]): string {
  const m = new Msg(O.SCANNER_DATA).int(3).int(reqId).int(rows.length);
  for (const r of rows) {
    const i = r.inst;
    m.int(r.rank).int(i.conId).str(i.symbol).str(i.secType).str(i.lastTradeDate).num(0).str('');
    m.str(i.secType === 'STK' ? 'SMART' : i.exchange)
      .str(i.currency)
      .str(i.localSymbol)
      .str(i.marketName)
      .str(i.tradingClass);
    m.str(r.distance).str(r.benchmark).str(r.projection).str('');
  }
  return m.done();
}

function sizeIncrement(inst: Instrument): string {
  return inst.secType === 'STK' ? '0.0001' : inst.secType === 'CASH' ? '0.01' : '1';
}

/** One market rule id per valid exchange, as TWS lists them. */
function marketRuleIds(inst: Instrument): string {
  const n = inst.validExchanges.split(',').length;
  return new Array<string>(n).fill(String(inst.marketRuleId)).join(',');
}
