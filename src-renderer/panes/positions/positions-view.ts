// The positions' delta, pure: an option's position delta is its model delta × contracts × multiplier (in shares of
// the underlying), a stock's is its shares; the portfolio's delta is their sum over the positions whose delta is
// known, with how many it could not count (an option without greeks yet).
import type { Position } from '../../../src-shared/domain/portfolio';

/** Share-equivalent delta of one position; null for an option whose delta (or multiplier) is not known yet. */
export function positionDelta(p: Position, optionDelta: number | null | undefined): number | null {
  if (p.contract.secType === 'STK') return p.position;
  if (p.contract.secType !== 'OPT') return null;
  const multiplier = p.contract.multiplier;
  if (optionDelta === null || optionDelta === undefined || !Number.isFinite(optionDelta) || !multiplier)
    return null;
  return optionDelta * p.position * multiplier;
}

/** The sum of the known position deltas, and how many option positions are left out (no greeks yet). */
export function portfolioDelta(
  positions: readonly Position[],
  deltaOf: (conId: number) => number | null | undefined,
): { delta: number; missing: number } {
  let delta = 0;
  let missing = 0;
  for (const p of positions) {
    const d = positionDelta(p, p.contract.secType === 'OPT' ? deltaOf(p.contract.conId) : null);
    if (d !== null) delta += d;
    else if (p.contract.secType === 'OPT') missing++;
  }
  return { delta, missing };
}
