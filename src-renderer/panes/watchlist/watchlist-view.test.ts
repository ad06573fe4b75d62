import { describe, expect, it } from 'vitest';
import { quote } from '../../../tests/support/renderer/fixtures';
import { quoteBadge, STALE_ON_SCREEN_MS } from './watchlist-view';

describe('quote badge', () => {
  it('labels live, delayed, no-line and pending quotes', () => {
    expect(quoteBadge(quote(1, { state: 'live', updatedAt: 1000 }), 2000).label).toBe('LIVE');
    expect(quoteBadge(quote(1, { state: 'delayed' }), 0).label).toBe('DELAYED');
    expect(quoteBadge(quote(1, { state: 'no-line', note: 'over budget' }), 0)).toMatchObject({
      label: 'NO LINE',
      title: 'over budget',
    });
    expect(quoteBadge(undefined, 0).label).toBe('…');
  });

  it('calls a live quote stale when it has not ticked for a minute', () => {
    expect(quoteBadge(quote(1, { state: 'live', updatedAt: 0 }), STALE_ON_SCREEN_MS + 1).label).toBe('STALE');
  });
});
