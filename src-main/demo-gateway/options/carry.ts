// Cost of carry for option pricing: the risk-free rate and each underlying's continuous dividend yield. The
// universe has no dividend data, so yields are plausible values circa 2025: the real one for well-known names,
// 0 for known non-payers, else a level by sector or fund category varied per symbol (stable, seed-free).
import type { Instrument } from '../model/instrument';
import { hashString, unit } from '../model/rng';

/** Annual risk-free rate, continuously compounded (US T-bills, 2025). */
export const DEFAULT_RISK_FREE_RATE = 0.043;

const KNOWN_YIELD: Readonly<Record<string, number>> = {
  AAPL: 0.0045,
  MSFT: 0.0075,
  NVDA: 0.0003,
  AVGO: 0.013,
  GOOGL: 0.0045,
  GOOG: 0.0045,
  META: 0.0035,
  JPM: 0.021,
  XOM: 0.034,
  CVX: 0.043,
  KO: 0.029,
  PEP: 0.036,
  PG: 0.024,
  JNJ: 0.031,
  T: 0.04,
  VZ: 0.062,
  MO: 0.068,
  IBM: 0.03,
  INTC: 0,
  SPY: 0.012,
  IVV: 0.012,
  VOO: 0.012,
  QQQ: 0.006,
  IWM: 0.011,
  DIA: 0.016,
  SCHD: 0.036,
  TQQQ: 0.009,
  SQQQ: 0.07,
};

/** Companies that pay no regular dividend. */
const NON_PAYERS: ReadonlySet<string> = new Set([
  'BRK B',
  ...(
    'AMZN TSLA NFLX ADBE AMD PANW CRWD FTNT ADSK NOW ANET FICO WDAY SNPS CDNS MPWR ON ANSS TYL FSLR GDDY PTC TDY ' +
    'SMCI ZBRA TER TRMB VRSN AKAM FFIV EPAM ENPH QRVO PLTR CHTR EA TTWO WBD LYV MTCH ABNB CMG ORLY AZO LULU NVR ' +
    'DECK ULTA KMX CZR MHK MNST VRTX REGN ISRG IDXX DXCM MTD BIIB MRNA WAT ALGN PODD TECH INCY CRL HSIC DVA TFX ' +
    'PYPL COIN UBER TDG CPRT AXON FI ACGL CNC MOH EW BSX IQV DAY PAYC GNRC BLDR CSGP CBRE'
  ).split(' '),
]);

const SECTOR_YIELD: Readonly<Record<string, [number, number]>> = {
  IT: [0.004, 0.015],
  CS: [0.005, 0.03],
  CD: [0.008, 0.025],
  CP: [0.02, 0.035],
  HC: [0.01, 0.03],
  FN: [0.012, 0.035],
  IN: [0.008, 0.022],
  EN: [0.025, 0.045],
  MT: [0.012, 0.03],
  UT: [0.028, 0.042],
  RE: [0.028, 0.05],
};

const FUND_YIELD: Readonly<Record<string, [number, number]>> = {
  'Fixed Income': [0.034, 0.048],
  Commodity: [0, 0],
  'International Equity': [0.028, 0.032],
  'Emerging Markets': [0.024, 0.03],
  'Growth Equity': [0, 0],
  'Leveraged Equity': [0.005, 0.01],
  'Sector Equity': [0.006, 0.03],
  'Large Cap Growth': [0.005, 0.008],
  'Large Cap Value': [0.018, 0.024],
};

const cache = new Map<string, number>();

/** Continuous dividend yield of an underlying (0 for non-payers). */
export function dividendYield(inst: Instrument): number {
  const hit = cache.get(inst.symbol);
  if (hit !== undefined) return hit;
  const known = KNOWN_YIELD[inst.symbol];
  let q: number;
  if (known !== undefined) q = known;
  else if (NON_PAYERS.has(inst.symbol)) q = 0;
  else {
    const range =
      inst.sector === 'ETF' ? (FUND_YIELD[inst.subcategory] ?? [0.01, 0.016]) : SECTOR_YIELD[inst.sector];
    q = range ? range[0] + (range[1] - range[0]) * unit(hashString(`${inst.symbol}/dividend`)) : 0;
    q = Math.round(q * 10_000) / 10_000;
  }
  cache.set(inst.symbol, q);
  return q;
}
