// Scans computed from the market model: every listed instrument is quoted at the scan time, filtered by the
// subscription's legacy fields and filter tags, ranked by the scan code's measure and cut to numberOfRows (≤ 50).
import type { Instrument } from '../model/instrument';
import type { Market, Quote } from '../model/market';
import { emptyQuote } from '../model/market';
import type { Universe } from '../model/universe';
import type { ScanRow } from '../wire/encode-contract';
import type { ScannerSubscription, TagValue } from '../wire/requests';
import { SCAN_LOCATIONS, SCAN_TYPES } from './scan-catalog';
import type { ScanLocation } from './scan-catalog';

const MAX_SCAN_ROWS = 50;

export type ScanOutcome = { ok: true; rows: ScanRow[] } | { ok: false; code: number; text: string };

interface Candidate {
  inst: Instrument;
  value: number;
}

function findLocation(
  code: string,
  list: readonly ScanLocation[] = SCAN_LOCATIONS,
): ScanLocation | undefined {
  for (const l of list) {
    if (l.code === code) return l;
    const hit = l.children ? findLocation(code, l.children) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A market-cap bound in USD: the filter tag (in millions, TWS's filter unit), else the legacy subscription field,
 * whose values above 1e6 are taken as USD and smaller ones as millions.
 */
function capUsd(tagMillions: number | undefined, legacy: number | undefined): number | undefined {
  if (tagMillions !== undefined) return tagMillions * 1e6;
  if (legacy === undefined) return undefined;
  return legacy > 1e6 ? legacy : legacy * 1e6;
}

function num(tags: readonly TagValue[], name: string): number | undefined {
  const t = tags.find((x) => x.tag.toLowerCase() === name.toLowerCase());
  if (!t || t.value.trim() === '') return undefined;
  const n = Number(t.value);
  return Number.isFinite(n) ? n : undefined;
}

export function runScan(
  market: Market,
  universe: Universe,
  sub: ScannerSubscription,
  filterTags: readonly TagValue[],
  now: number,
): ScanOutcome {
  const type = SCAN_TYPES.find((s) => s.code === sub.scanCode);
  if (!type) {
    return {
      ok: false,
      code: 162,
      text: `Historical Market Data Service error message:Scanner type ${sub.scanCode || '(empty)'} is not supported`,
    };
  }
  const etfOnly = sub.instrument === 'ETF.EQ.US';
  if (sub.instrument !== 'STK' && !etfOnly) {
    return {
      ok: false,
      code: 162,
      text: `Historical Market Data Service error message:Instrument ${sub.instrument || '(empty)'} is not supported`,
    };
  }
  const loc = findLocation(sub.locationCode);
  if (!loc || loc.instrument !== sub.instrument) {
    return {
      ok: false,
      code: 162,
      text: `Historical Market Data Service error message:Location ${sub.locationCode || '(empty)'} is not valid for ${sub.instrument}`,
    };
  }
  const rows = Math.min(
    MAX_SCAN_ROWS,
    sub.numberOfRows && sub.numberOfRows > 0 ? sub.numberOfRows : MAX_SCAN_ROWS,
  );
  const priceAbove = num(filterTags, 'priceAbove') ?? num(filterTags, 'usdPriceAbove') ?? sub.abovePrice;
  const priceBelow = num(filterTags, 'priceBelow') ?? num(filterTags, 'usdPriceBelow') ?? sub.belowPrice;
  const volumeAbove = num(filterTags, 'volumeAbove') ?? sub.aboveVolume;
  const volumeBelow = num(filterTags, 'volumeBelow');
  const usdVolumeAbove = num(filterTags, 'usdVolumeAbove');
  const avgVolumeAbove = num(filterTags, 'avgVolumeAbove');
  const capAbove = capUsd(num(filterTags, 'marketCapAbove1e6'), sub.marketCapAbove);
  const capBelow = capUsd(num(filterTags, 'marketCapBelow1e6'), sub.marketCapBelow);
  const changeAbove = num(filterTags, 'changePercAbove');
  const changeBelow = num(filterTags, 'changePercBelow');
  const stockType = (
    filterTags.find((t) => t.tag === 'stkTypes')?.value ?? sub.stockTypeFilter
  ).toUpperCase();

  const q: Quote = emptyQuote();
  const candidates: Candidate[] = [];
  for (const inst of universe.instruments) {
    if (inst.secType !== 'STK') continue;
    if ((etfOnly || stockType === 'ETF') && inst.stockType !== 'ETF') continue;
    if (stockType === 'REIT' && inst.stockType !== 'REIT') continue;
    if (stockType === 'CORP' && inst.stockType === 'ETF') continue;
    if (loc.exchanges.length && !loc.exchanges.includes(inst.primaryExchange)) continue;
    market.quote(inst, now, q);
    const last = q.last;
    if (priceAbove !== undefined && !(last > priceAbove)) continue;
    if (priceBelow !== undefined && !(last < priceBelow)) continue;
    if (volumeAbove !== undefined && !(q.volume > volumeAbove)) continue;
    if (volumeBelow !== undefined && !(q.volume < volumeBelow)) continue;
    if (usdVolumeAbove !== undefined && !(q.volume * last > usdVolumeAbove)) continue;
    if (avgVolumeAbove !== undefined && !(inst.avgVolume > avgVolumeAbove)) continue;
    if (capAbove !== undefined && !(inst.marketCap > capAbove)) continue;
    if (capBelow !== undefined && !(inst.marketCap < capBelow)) continue;
    const change = q.close > 0 ? ((last - q.close) / q.close) * 100 : 0;
    if (changeAbove !== undefined && !(change > changeAbove)) continue;
    if (changeBelow !== undefined && !(change < changeBelow)) continue;
    const value = measure(type.code, market, inst, q, change, now);
    if (value === undefined) continue;
    candidates.push({ inst, value });
  }
  candidates.sort((a, b) => b.value - a.value || a.inst.conId - b.inst.conId);
  return {
    ok: true,
    rows: candidates
      .slice(0, rows)
      .map((c, i) => ({ rank: i, inst: c.inst, distance: '', benchmark: '', projection: '' })),
  };
}

/** The number a scan ranks by (higher first); undefined leaves the instrument out. */
function measure(
  code: string,
  market: Market,
  inst: Instrument,
  q: Quote,
  change: number,
  now: number,
): number | undefined {
  switch (code) {
    case 'TOP_PERC_GAIN':
      return change > 0 ? change : undefined;
    case 'TOP_PERC_LOSE':
      return change < 0 ? -change : undefined;
    case 'MOST_ACTIVE':
      return q.volume > 0 ? q.volume : undefined;
    case 'MOST_ACTIVE_USD':
      return q.volume > 0 ? q.volume * q.last : undefined;
    case 'HOT_BY_VOLUME':
      return q.volume > 0 ? q.volume / inst.avgVolume : undefined;
    case 'HOT_BY_PRICE': {
      const before = market.rawPrice(inst, now - 5 * 60_000);
      const move = before > 0 ? ((q.last - before) / before) * 100 : 0;
      return move > 0 ? move : undefined;
    }
    case 'HIGH_OPEN_GAP': {
      const gap = q.close > 0 ? ((q.open - q.close) / q.close) * 100 : 0;
      return gap > 0 ? gap : undefined;
    }
    case 'LOW_OPEN_GAP': {
      const gap = q.close > 0 ? ((q.open - q.close) / q.close) * 100 : 0;
      return gap < 0 ? -gap : undefined;
    }
    case 'TOP_TRADE_COUNT':
      return q.trades > 0 ? q.trades : undefined;
    case 'TOP_PRICE_RANGE':
      return q.close > 0 ? ((q.high - q.low) / q.close) * 100 : undefined;
    default:
      return undefined;
  }
}
