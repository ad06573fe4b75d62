// Pure view logic of the watchlist: the state badge of a quote (live, delayed, stale…) and its words.
import type { Quote, QuoteState } from '../../../src-shared/domain/quote';

/** A quote counts as stale on screen after this long without a tick, whatever main says. */
export const STALE_ON_SCREEN_MS = 60_000;

export type Badge = {
  label: string;
  kind: 'live' | 'delayed' | 'frozen' | 'stale' | 'off' | 'pending';
  title: string;
};

const BADGES: Record<QuoteState, Badge> = {
  live: { label: 'LIVE', kind: 'live', title: 'Live market data' },
  frozen: { label: 'FROZEN', kind: 'frozen', title: 'Frozen: the last values of the previous session' },
  delayed: { label: 'DELAYED', kind: 'delayed', title: 'Delayed market data (15–20 minutes)' },
  'delayed-frozen': { label: 'DELAYED', kind: 'delayed', title: 'Delayed and frozen market data' },
  stale: { label: 'STALE', kind: 'stale', title: 'No tick for a while' },
  'no-line': { label: 'NO LINE', kind: 'off', title: 'Over the market-data line budget' },
  error: { label: 'ERROR', kind: 'off', title: 'TWS refused this quote' },
  pending: { label: '…', kind: 'pending', title: 'Waiting for the first tick' },
};

export function quoteBadge(q: Pick<Quote, 'state' | 'updatedAt' | 'note'> | undefined, now: number): Badge {
  if (!q) return BADGES.pending;
  const base = BADGES[q.state];
  if (q.state === 'live' && q.updatedAt !== null && now - q.updatedAt > STALE_ON_SCREEN_MS)
    return BADGES.stale;
  return q.note ? { ...base, title: q.note } : base;
}
