// Pure conversions between @stoqey/ib shapes and the app's domain types, plus TWS's string formats (times, bars,
// scan codes). Kept apart from the socket code so each rule is unit-tested on its own.
import { ScanCode } from '../stoqey';
import type { Contract, ContractDescription, ContractDetails, SecType as IbSecType } from '@stoqey/ib';
import type { Bar } from '../../../src-shared/domain/bar';
import {
  SecType,
  type ContractRef,
  type Instrument,
  type SymbolMatch,
} from '../../../src-shared/domain/instrument';
import { zonedParts } from '../../../src-shared/zoned-time';

/** A contract TWS has resolved: its conId is known. */
export type ResolvedContract = ContractRef & { conId: number };

/** A number TWS sent (as a number or as text); null when empty, unreadable or TWS's "unset" (≈ 1.8e308). */
export function numberOrNull(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) < 1e300 ? n : null;
}

export function toIbContract(ref: Partial<ContractRef> & { conId?: number | undefined }): Contract {
  const c: Contract = {};
  if (ref.conId) c.conId = ref.conId;
  if (ref.symbol) c.symbol = ref.symbol.toUpperCase();
  c.secType = (ref.secType ?? 'STK') as IbSecType;
  c.exchange = ref.exchange ?? 'SMART';
  c.currency = ref.currency ?? 'USD';
  if (ref.primaryExchange) c.primaryExch = ref.primaryExchange;
  if (ref.localSymbol) c.localSymbol = ref.localSymbol;
  if (ref.lastTradeDateOrContractMonth) c.lastTradeDateOrContractMonth = ref.lastTradeDateOrContractMonth;
  if (ref.multiplier) c.multiplier = ref.multiplier;
  if (ref.tradingClass) c.tradingClass = ref.tradingClass;
  if (ref.strike) c.strike = ref.strike;
  if (ref.right) c.right = ref.right as Contract['right'];
  return c;
}

/** An option's right as TWS writes it (C/P, CALL/PUT in some messages); undefined for anything else. */
function optionRight(v: unknown): 'C' | 'P' | undefined {
  const r = str(v).toUpperCase();
  return r === 'C' || r === 'CALL' ? 'C' : r === 'P' || r === 'PUT' ? 'P' : undefined;
}

/** Strike and right of an option contract (nothing for other security types, whose right TWS writes as `?`). */
function optionFields(c: Contract): { strike?: number; right?: 'C' | 'P' } {
  if (c.secType !== 'OPT') return {};
  const strike = num(c.strike);
  const right = optionRight(c.right);
  return { ...(strike && strike > 0 ? { strike } : {}), ...(right ? { right } : {}) };
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number | undefined => numberOrNull(v) ?? undefined;

/** A contract as TWS sent it (positions, executions, scanner rows) → the app's reference. */
export function fromIbContract(c: Contract | undefined): ResolvedContract {
  const secType = SecType.safeParse(c?.secType);
  const multiplier = num(c?.multiplier);
  const ltd = str(c?.lastTradeDateOrContractMonth || c?.lastTradeDate);
  return {
    conId: num(c?.conId) ?? 0,
    symbol: str(c?.symbol) || '?',
    secType: secType.success ? secType.data : 'STK',
    exchange: str(c?.exchange) || 'SMART',
    currency: str(c?.currency) || 'USD',
    ...(c?.primaryExch ? { primaryExchange: c.primaryExch } : {}),
    ...(c?.localSymbol ? { localSymbol: c.localSymbol } : {}),
    ...(ltd ? { lastTradeDateOrContractMonth: ltd } : {}),
    ...(multiplier && multiplier > 0 ? { multiplier } : {}),
    ...(c?.tradingClass ? { tradingClass: c.tradingClass } : {}),
    ...(c ? optionFields(c) : {}),
  };
}

/** Contract details → Instrument; null for security types the app does not handle (bonds, warrants…). */
export function toInstrument(d: ContractDetails): Instrument | null {
  const c = d.contract ?? {};
  const secType = SecType.safeParse(c.secType);
  const conId = num(c.conId);
  if (!secType.success || !conId || conId <= 0) return null;
  const multiplier = num(c.multiplier);
  const ltd = str(c.lastTradeDateOrContractMonth || c.lastTradeDate || d.contractMonth);
  const minTick = num(d.minTick);
  return {
    conId,
    symbol: str(c.symbol),
    secType: secType.data,
    exchange: str(c.exchange) || 'SMART',
    primaryExchange: str(c.primaryExch),
    currency: str(c.currency),
    localSymbol: str(c.localSymbol),
    tradingClass: str(c.tradingClass),
    ...(ltd ? { lastTradeDateOrContractMonth: ltd } : {}),
    ...(multiplier && multiplier > 0 ? { multiplier } : {}),
    ...optionFields(c),
    longName: str(d.longName),
    minTick: minTick && minTick > 0 ? minTick : 0.01,
    stockType: str(d.stockType),
    industry: str(d.industry),
    category: str(d.category),
    timeZoneId: str(d.timeZoneId),
    tradingHours: str(d.tradingHours),
    liquidHours: str(d.liquidHours),
    validExchanges: str(d.validExchanges),
    orderTypes: str(d.orderTypes),
  };
}

export function toSymbolMatch(d: ContractDescription): SymbolMatch | null {
  const c = d.contract;
  const conId = num(c?.conId);
  if (!c || !conId || conId <= 0) return null;
  return {
    conId,
    symbol: str(c.symbol),
    secType: str(c.secType),
    primaryExchange: str(c.primaryExch),
    currency: str(c.currency),
    description: str(c.description),
    derivativeSecTypes: (d.derivativeSecTypes ?? []).map(String),
  };
}

/** Unix seconds → TWS's UTC date-time form `yyyyMMdd-HH:mm:ss` (endDateTime, execution filter). */
export function formatTwsUtc(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * A bar time as TWS sends it with formatDate=2: epoch seconds for intraday bars, `yyyyMMdd` for daily and longer
 * bars (taken as midnight UTC), or `yyyyMMdd HH:mm:ss[ zone]` from older servers. Null when it does not parse.
 */
export function parseBarTime(text: string): number | null {
  const t = text.trim();
  if (/^\d{9,11}$/.test(t)) return Number(t);
  const m = /^(\d{4})(\d{2})(\d{2})(?:[ -]+(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(t);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)) / 1000
  );
}

/** An execution time from TWS (`yyyyMMdd  HH:mm:ss[ zone]`, or epoch seconds) → epoch ms; null if unreadable. */
export function parseExecTime(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.trim();
  if (/^\d{9,11}$/.test(t)) return Number(t) * 1000;
  const m = /^(\d{4})(\d{2})(\d{2})[ -]+(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?/.exec(t);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!zone || /^(UTC|GMT|Z)$/i.test(zone)) return utc;
  return utc - zoneOffsetMs(zone, utc);
}

/** Offset of an IANA zone from UTC at a given instant, via Intl (no tz database of our own). */
function zoneOffsetMs(zone: string, at: number): number {
  try {
    const p = zonedParts(at, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
  } catch {
    return 0;
  }
}

export function toBar(
  time: string | number,
  open: unknown,
  high: unknown,
  low: unknown,
  close: unknown,
  volume: unknown,
  count: unknown,
  wap: unknown,
): Bar | null {
  const t = typeof time === 'number' ? time : parseBarTime(String(time));
  const o = num(open);
  const h = num(high);
  const l = num(low);
  const c = num(close);
  if (t === null || o === undefined || h === undefined || l === undefined || c === undefined) return null;
  const v = num(volume);
  const n = num(count);
  const w = num(wap);
  return {
    time: Math.floor(t),
    open: o,
    high: h,
    low: l,
    close: c,
    volume: v !== undefined && v >= 0 ? v : 0,
    ...(w !== undefined && w >= 0 ? { wap: w } : {}),
    ...(n !== undefined && n >= 0 ? { count: Math.round(n) } : {}),
  };
}

const ADDED_SCAN_CODES = new Map<string, number>();

/**
 * @stoqey/ib encodes `scanCode` as `ScanCode[value]` (a numeric enum): a code the enum lacks would go out empty.
 * Codes from the scanner-parameters XML are added to the enum's reverse map under fresh numbers, so every code
 * TWS offers can be sent. Returns the number to put in `ScannerSubscription.scanCode`.
 */
export function scanCodeToken(code: string): ScanCode {
  const table = ScanCode as unknown as Record<string | number, string | number>;
  const known = table[code];
  if (typeof known === 'number' && table[known] === code) return known as ScanCode;
  const added = ADDED_SCAN_CODES.get(code);
  if (added !== undefined) return added as ScanCode;
  const n = 100_000 + ADDED_SCAN_CODES.size;
  table[n] = code;
  ADDED_SCAN_CODES.set(code, n);
  return n as ScanCode;
}
