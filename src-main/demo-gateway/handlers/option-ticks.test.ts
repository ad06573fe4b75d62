import { describe, expect, it } from 'vitest';
import { splitBody } from '../wire/fields';
import { emptyOptionQuote } from '../options/quotes';
import type { OptionQuote } from '../options/quotes';
import {
  OPTION_GENERIC_TICKS,
  emitOptionTicks,
  emitUnderlyingStats,
  newOptionTickState,
} from './option-ticks';

function recorder(): { s: { send(body: string): void }; frames: string[][] } {
  const frames: string[][] = [];
  return { s: { send: (b: string) => frames.push(splitBody(b)) }, frames };
}

function quote(): OptionQuote {
  const q = emptyOptionQuote();
  q.volume = 812;
  q.openInterest = 15_300;
  for (const [g, iv] of [
    [q.bidGreeks, 0.31],
    [q.askGreeks, 0.33],
    [q.lastGreeks, 0.32],
    [q.modelGreeks, 0.3215],
  ] as const) {
    Object.assign(g, { tickAttrib: g === q.modelGreeks ? 0 : 1, impliedVol: iv, delta: 0.52, optPrice: 4.3 });
    Object.assign(g, { pvDividend: -1, gamma: 0.05, vega: 0.09, theta: -0.3, undPrice: 201.2 });
  }
  return q;
}

const all = Object.values(OPTION_GENERIC_TICKS).reduce((a, b) => a | b, 0);

describe('option ticks', () => {
  it('send the four computations (10-13), then only those that changed', () => {
    const { s, frames } = recorder();
    const st = newOptionTickState();
    const q = quote();
    const opts = { delayed: false, mdoff: false, generic: 0, initial: true };
    expect(emitOptionTicks(s, 9, q, 'C', opts, st)).toBe(true);
    expect(frames.map((f) => [f[0], f[2], f[3], f[4]])).toEqual([
      ['21', '10', '1', '0.31'],
      ['21', '11', '1', '0.33'],
      ['21', '12', '1', '0.32'],
      ['21', '13', '0', '0.3215'],
    ]);
    frames.length = 0;
    expect(emitOptionTicks(s, 9, q, 'C', { ...opts, initial: false }, st)).toBe(false);
    q.askGreeks.undPrice = 201.25;
    expect(emitOptionTicks(s, 9, q, 'C', { ...opts, initial: false }, st)).toBe(true);
    expect(frames.map((f) => f[2])).toEqual(['11']);
  });

  it('use the delayed tick types (80-83) for delayed data and send none with mdoff', () => {
    const { s, frames } = recorder();
    emitOptionTicks(
      s,
      9,
      quote(),
      'P',
      { delayed: true, mdoff: false, generic: 0, initial: true },
      newOptionTickState(),
    );
    expect(frames.map((f) => f[2])).toEqual(['80', '81', '82', '83']);
    frames.length = 0;
    emitOptionTicks(
      s,
      9,
      quote(),
      'P',
      { delayed: false, mdoff: true, generic: 0, initial: true },
      newOptionTickState(),
    );
    expect(frames).toEqual([]);
  });

  it('report an option’s own volume, open interest and implied volatility by its right (100, 101, 106)', () => {
    const { s, frames } = recorder();
    const opts = { delayed: false, mdoff: true, generic: all, initial: true };
    emitOptionTicks(s, 9, quote(), 'C', opts, newOptionTickState());
    expect(frames).toEqual([
      ['2', '6', '9', '29', '812'],
      ['2', '6', '9', '27', '15300'],
      ['45', '6', '9', '24', '0.3215'],
    ]);
    frames.length = 0;
    emitOptionTicks(s, 9, quote(), 'P', opts, newOptionTickState());
    expect(frames.map((f) => f[3])).toEqual(['30', '28', '24']);
  });

  it('report an underlying’s option statistics (100 → 29/30, 101 → 27/28, 104 → 23, 106 → 24), then changes', () => {
    const { s, frames } = recorder();
    const st = newOptionTickState();
    const stats = {
      callVolume: 1_050_947,
      putVolume: 901_080,
      callOpenInterest: 6_612_653,
      putOpenInterest: 5_801_561,
      impliedVol: 0.3069,
      historicalVol: 0.289,
    };
    expect(emitUnderlyingStats(s, 10, stats, all, true, st)).toBe(true);
    expect(frames.map((f) => [f[0], f[3], f[4]])).toEqual([
      ['2', '29', '1050947'],
      ['2', '30', '901080'],
      ['2', '27', '6612653'],
      ['2', '28', '5801561'],
      ['45', '23', '0.289'],
      ['45', '24', '0.3069'],
    ]);
    frames.length = 0;
    expect(emitUnderlyingStats(s, 10, { ...stats, putVolume: 901_081 }, all, false, st)).toBe(true);
    expect(frames.map((f) => f[3])).toEqual(['30']);
    expect(emitUnderlyingStats(s, 10, stats, OPTION_GENERIC_TICKS[104]!, true, newOptionTickState())).toBe(
      true,
    );
  });
});
