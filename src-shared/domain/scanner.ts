// Market scanner: the parameters TWS offers, a subscription's settings, and its live ranked rows.
import { z } from 'zod';
import { ContractRef } from './instrument';

export const ScanInstrument = z.object({ code: z.string(), name: z.string(), secType: z.string() });
export type ScanInstrument = z.infer<typeof ScanInstrument>;

/** What TWS's ScanParameterResponse says of every location, scan type and filter. */
const ScanParameter = z.object({
  /** A filter's code is the tag sent in scannerSubscriptionFilterOptions (priceAbove, marketCapAbove1e6…). */
  code: z.string(),
  name: z.string(),
  /** Instrument codes it applies to. */
  instruments: z.array(z.string()),
});

export const ScanLocation = ScanParameter;
export type ScanLocation = z.infer<typeof ScanLocation>;

export const ScanType = ScanParameter.extend({
  /** Group for the picker ("Top", "Volume", "Gaps"…). */
  group: z.string(),
});
export type ScanType = z.infer<typeof ScanType>;

export const ScanFilter = ScanParameter.extend({
  category: z.string(),
  kind: z.enum(['number', 'boolean', 'text']),
});
export type ScanFilter = z.infer<typeof ScanFilter>;

export const ScannerParams = z.object({
  instruments: z.array(ScanInstrument),
  locations: z.array(ScanLocation),
  scanTypes: z.array(ScanType),
  filters: z.array(ScanFilter),
});
export type ScannerParams = z.infer<typeof ScannerParams>;

export const ScannerStartParams = z.strictObject({
  scanCode: z.string().regex(/^[A-Z0-9_]{2,64}$/, 'scan code must be a TWS scan code like TOP_PERC_GAIN'),
  instrument: z.string().min(1).max(32).default('STK'),
  location: z.string().min(1).max(64).default('STK.US.MAJOR'),
  rows: z.number().int().min(1).max(50).default(50),
  /** Filter tag → value, sent as TWS filter options (priceAbove=5, volumeAbove=100000…). */
  filters: z
    .record(
      z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
      z.union([z.number().finite(), z.string().max(64), z.boolean()]),
    )
    .default({}),
  /** Also subscribe the rows' quotes (last, change %, volume) against the line budget. */
  withQuotes: z.boolean().default(true),
});
export type ScannerStartParams = z.infer<typeof ScannerStartParams>;

export const ScanRow = z.object({
  rank: z.number().int(),
  contract: ContractRef.extend({ conId: z.number().int() }),
  distance: z.string(),
  benchmark: z.string(),
  projection: z.string(),
});
export type ScanRow = z.infer<typeof ScanRow>;

export const ScanSnapshot = z.object({
  scanId: z.string(),
  rows: z.array(ScanRow),
  /** conIds that are new since the previous snapshot. */
  entered: z.array(z.number().int()),
  /** conIds that dropped out since the previous snapshot. */
  left: z.array(z.number().int()),
  at: z.number(),
  /** Set when the scan stopped (TWS error, cancelled, connection lost without recovery). */
  stopped: z.object({ reason: z.string(), twsCode: z.number().optional() }).optional(),
});
export type ScanSnapshot = z.infer<typeof ScanSnapshot>;

/** Pure diff of two snapshots' membership, by conId. */
export function diffScanRows(
  previous: readonly Pick<ScanRow, 'contract'>[],
  next: readonly Pick<ScanRow, 'contract'>[],
): { entered: number[]; left: number[] } {
  const before = new Set(previous.map((r) => r.contract.conId));
  const after = new Set(next.map((r) => r.contract.conId));
  return {
    entered: [...after].filter((id): id is number => id !== undefined && !before.has(id)),
    left: [...before].filter((id): id is number => id !== undefined && !after.has(id)),
  };
}
