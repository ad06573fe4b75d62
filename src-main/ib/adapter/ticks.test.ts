import { describe, expect, it } from 'vitest';
import { MODEL_OPTION_TICKS, TICKS, toGreeks } from './ticks';

describe('tick types', () => {
  it('map each delayed tick (66–76) to the field of its live twin', () => {
    const twins: [number, number][] = [
      [66, 1],
      [67, 2],
      [68, 4],
      [69, 0],
      [70, 3],
      [71, 5],
      [72, 6],
      [73, 7],
      [74, 8],
      [75, 9],
      [76, 14],
    ];
    for (const [delayed, live] of twins) {
      expect(TICKS[delayed]).toEqual([TICKS[live]![0], true]);
      expect(TICKS[live]![1]).toBe(false);
    }
    expect(Object.keys(TICKS)).toHaveLength(24);
  });

  it('read an option line’s call (27) and put (28) open interest as its open interest', () => {
    expect(TICKS[27]).toEqual(['openInterest', false]);
    expect(TICKS[28]).toEqual(['openInterest', false]);
  });
});

describe('option greeks', () => {
  it('reads tickOptionComputation’s values and TWS’s "not computed" sentinels as null', () => {
    // tickAttrib, impliedVol, delta, optPrice, pvDividend, gamma, vega, theta, undPrice
    expect(toGreeks([0, 0.3, 0.55, 2.66, -1, 0.07, 0.075, -0.75, 293.23])).toEqual({
      impliedVol: 0.3,
      delta: 0.55,
      gamma: 0.07,
      vega: 0.075,
      theta: -0.75,
      undPrice: 293.23,
    });
    expect(toGreeks([0, -1, -2, -1, -1, -2, -2, -2, -1])).toEqual({
      impliedVol: null,
      delta: null,
      gamma: null,
      vega: null,
      theta: null,
      undPrice: null,
    });
    // @stoqey/ib hands some sentinels over as undefined already.
    expect(toGreeks([0, undefined, undefined]).delta).toBeNull();
    expect(MODEL_OPTION_TICKS[13]).toBe(false);
    expect(MODEL_OPTION_TICKS[83]).toBe(true);
    expect(MODEL_OPTION_TICKS[10]).toBeUndefined();
  });
});
