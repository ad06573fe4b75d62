// A historical-data request as TWS takes it (reqHistoricalData's arguments, written once for the one-shot pages
// and the keep-up-to-date series) and what identifies it for TWS's pacing rules.
import type { IBApi } from '@stoqey/ib';
import type { BarSize, Duration, WhatToShow } from '../../../src-shared/domain/bar';
import { toIbContract, type ResolvedContract } from './convert';

export type HistorySpec = {
  contract: ResolvedContract;
  barSize: BarSize;
  duration: Duration;
  /** Unix seconds; omitted = now. */
  endTime?: number | undefined;
  whatToShow: WhatToShow;
  useRTH: boolean;
};

/** What identifies two history requests as identical for TWS's 15-second rule. */
export function historySignature(h: HistorySpec, keepUpToDate: boolean): string {
  return [
    h.contract.conId,
    h.endTime ?? 'now',
    h.duration,
    h.barSize,
    h.whatToShow,
    h.useRTH ? 1 : 0,
    keepUpToDate ? 1 : 0,
  ].join('|');
}

/** What TWS counts as "the same contract" for its 5-requests-in-2-seconds rule. */
export function historyContractKey(h: HistorySpec): string {
  return `${h.contract.conId}|${h.contract.exchange}|${h.whatToShow}`;
}

/**
 * Sends reqHistoricalData. `end` is TWS's end date-time text ('' = now, required with keepUpToDate); bar times
 * come back as epoch seconds (formatDate 2).
 */
export function requestHistory(
  api: IBApi,
  reqId: number,
  spec: Omit<HistorySpec, 'endTime'>,
  end: string,
  keepUpToDate: boolean,
): void {
  api.reqHistoricalData(
    reqId,
    toIbContract(spec.contract),
    end,
    spec.duration,
    spec.barSize as never,
    spec.whatToShow as never,
    spec.useRTH ? 1 : 0,
    2,
    keepUpToDate,
  );
}
