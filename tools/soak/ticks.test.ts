// The soak's view of every subscription: live quotes, scanner rows (not a stop) and chart bars count as delivered;
// anything else does not.
import { describe, expect, it } from 'vitest';
import { emptyQuote } from '../../src-shared/domain/quote';
import { createTickWatch } from './ticks';

describe('createTickWatch', () => {
  it('records when each subscription last delivered and lists the silent ones', () => {
    let now = 100;
    const w = createTickWatch(() => now);
    const keys = ['quote 1', 'quote 2', 'scanner s1', 'chart c1'];
    expect(w.silentSince(keys, 0)).toEqual(keys);
    w.outlet.quotes([emptyQuote(1, 'live'), emptyQuote(2, 'delayed')], ['soak']);
    w.outlet.emitTo('soak', 'scan', { scanId: 's1', rows: [] } as never);
    now = 200;
    w.outlet.emitTo('soak', 'bars', { subId: 'c1', bars: [] } as never);
    // Delayed data is not the live stream coming back.
    expect(w.silentSince(keys, 0)).toEqual(['quote 2']);
    expect(w.silentSince(keys, 100)).toEqual(['quote 1', 'quote 2', 'scanner s1']);
    // A stopped scan is not a delivery; other events are ignored.
    now = 300;
    w.outlet.emitTo('soak', 'scan', { scanId: 's1', stopped: { reason: 'x' } } as never);
    w.outlet.emitTo('soak', 'orders', { orders: [] } as never);
    w.outlet.broadcast('notice', {} as never);
    expect(w.silentSince(['scanner s1'], 100)).toEqual(['scanner s1']);
  });
});
