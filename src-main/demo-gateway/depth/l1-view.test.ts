import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import { Prng } from '../model/rng';
import { SessionExtremes, emptyTop, l1Top } from './l1-view';

const T = Date.UTC(2026, 10, 24, 16, 7, 13, 250); // Tuesday 11:07:13 ET
const universe = buildUniverse(T);

describe('l1-view', () => {
  it('starts a top from the empty touch: nothing quoted, no instant, no session, not live', () => {
    expect(emptyTop()).toEqual({
      bid: 0,
      ask: 0,
      bidSize: 0,
      askSize: 0,
      last: 0,
      lastSize: 0,
      te: 0,
      session: undefined,
      live: false,
    });
  });

  for (const realHours of [false, true]) {
    it(`gives Market.quote's bid, ask, sizes, last and last size for every instrument (realHours ${realHours})`, () => {
      const market = new Market(universe, 9, realHours);
      const q = emptyQuote();
      const top = emptyTop();
      const rng = new Prng(realHours ? 2 : 1);
      for (const inst of universe.instruments) {
        // Anywhere in the last three days, nights and weekends included, to the millisecond (in time order, so
        // Market.quote's session statistics accumulate instead of restarting).
        const times = Array.from({ length: 6 }, () => T - Math.floor(rng.next() * 3 * 86_400_000)).sort(
          (x, y) => x - y,
        );
        for (const t of times) {
          market.quote(inst, t, q);
          l1Top(market, inst, t, top);
          expect(
            [top.bid, top.ask, top.bidSize, top.askSize, top.last, top.lastSize, top.live],
            inst.symbol,
          ).toEqual([q.bid, q.ask, q.bidSize, q.askSize, q.last, q.lastSize, q.live]);
        }
      }
    });
  }

  it('tracks the session high and low as Market.quote reports them, forwards and after jumps back', () => {
    const market = new Market(universe, 4, true);
    const reference = new Market(universe, 4, true);
    const q = emptyQuote();
    const top = emptyTop();
    const rng = new Prng(5);
    for (const inst of universe.instruments.filter((_, i) => i % 23 === 0)) {
      const ext = new SessionExtremes(market, inst);
      let t = T - 3 * 3_600_000;
      for (let k = 0; k < 40; k++) {
        t += k === 20 ? -7_200_000 : Math.floor(rng.next() * 400_000);
        l1Top(market, inst, t, top);
        reference.quote(inst, t, q);
        if (!top.session) continue;
        ext.at(top.session, top.te);
        expect([ext.high, ext.low], `${inst.symbol} at ${new Date(t).toISOString()}`).toEqual([
          q.high,
          q.low,
        ]);
      }
    }
  });
});
