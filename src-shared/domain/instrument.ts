// Instruments as the app sees them: a contract reference, its details, and a symbol-search match.
import { z } from 'zod';

/** Security types the app trades and charts. ETFs are `STK` in TWS; `stockType` tells them apart. */
export const SecType = z.enum(['STK', 'FUT', 'CASH', 'IND', 'OPT']);
export type SecType = z.infer<typeof SecType>;

const Symbol = z
  .string()
  .trim()
  .min(1, 'symbol is empty')
  .max(32, 'symbol is too long')
  .regex(/^[A-Za-z0-9.\-/ ]+$/, 'symbol has characters TWS does not use');

/** Enough to identify an instrument to TWS. `conId` alone is enough when it is known. */
export const ContractRef = z.strictObject({
  conId: z.number().int().positive().optional(),
  symbol: Symbol,
  secType: SecType.default('STK'),
  exchange: z.string().max(32).default('SMART'),
  primaryExchange: z.string().max(32).optional(),
  currency: z.string().length(3).default('USD'),
  localSymbol: z.string().max(32).optional(),
  /** Futures: YYYYMM or YYYYMMDD. */
  lastTradeDateOrContractMonth: z.string().max(16).optional(),
  multiplier: z.number().positive().optional(),
  tradingClass: z.string().max(32).optional(),
  /** Options: the strike and right (C or P). */
  strike: z.number().positive().optional(),
  right: z.enum(['C', 'P']).optional(),
});
export type ContractRef = z.infer<typeof ContractRef>;

/** A resolved instrument: what contract details tell us. */
export const Instrument = z.object({
  conId: z.number().int().positive(),
  symbol: z.string(),
  secType: SecType,
  exchange: z.string(),
  primaryExchange: z.string(),
  currency: z.string(),
  localSymbol: z.string(),
  tradingClass: z.string(),
  lastTradeDateOrContractMonth: z.string().optional(),
  multiplier: z.number().optional(),
  strike: z.number().positive().optional(),
  right: z.enum(['C', 'P']).optional(),
  longName: z.string(),
  minTick: z.number().positive(),
  /** COMMON, ETF, ADR, REIT… as TWS reports it; empty for non-stocks. */
  stockType: z.string(),
  industry: z.string(),
  category: z.string(),
  timeZoneId: z.string(),
  tradingHours: z.string(),
  liquidHours: z.string(),
  validExchanges: z.string(),
  orderTypes: z.string(),
});
export type Instrument = z.infer<typeof Instrument>;

export const SymbolMatch = z.object({
  conId: z.number().int().positive(),
  symbol: z.string(),
  secType: z.string(),
  primaryExchange: z.string(),
  currency: z.string(),
  description: z.string(),
  derivativeSecTypes: z.array(z.string()),
});
export type SymbolMatch = z.infer<typeof SymbolMatch>;

/**
 * How an instrument is named wherever one row stands for it (orders, executions, positions, logs): a currency pair
 * as EUR.USD; a future or an option by its local symbol (an option's OCC symbol, `AAPL  261218C00190000`), else by
 * its description (`AAPL 20261218 190 C`), since several of one underlying must stay apart; anything else by its
 * symbol.
 */
export function instrumentLabel(i: {
  symbol: string;
  secType?: string | undefined;
  currency?: string | undefined;
  localSymbol?: string | undefined;
  lastTradeDateOrContractMonth?: string | undefined;
  strike?: number | undefined;
  right?: 'C' | 'P' | undefined;
}): string {
  if (i.secType === 'CASH') return `${i.symbol}.${i.currency ?? ''}`;
  if (i.secType !== 'FUT' && i.secType !== 'OPT') return i.symbol;
  if (i.localSymbol) return i.localSymbol;
  const parts = [i.symbol, i.lastTradeDateOrContractMonth, i.strike, i.right];
  return parts.filter((p) => p !== undefined && p !== '').join(' ');
}
