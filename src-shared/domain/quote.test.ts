import { describe, expect, it } from 'vitest';
import { copyQuote, emptyQuote, quoteReference, referencePrice, setQuoteField } from './quote';

const q = (
  p: Partial<{ last: number | null; bid: number | null; ask: number | null; close: number | null }>,
) => ({
  ...emptyQuote(1),
  ...p,
});

describe('referencePrice', () => {
  it('takes the last trade, else the mid, else the previous close', () => {
    expect(referencePrice(q({ last: 10, bid: 9, ask: 11, close: 8 }))).toBe(10);
    expect(referencePrice(q({ bid: 9, ask: 11, close: 8 }))).toBe(10);
    expect(referencePrice(q({ bid: 9, close: 8 }))).toBe(8);
    expect(referencePrice(q({}))).toBeNull();
    expect(referencePrice(undefined)).toBeNull();
  });

  it('takes an option’s mid before its (often stale) last', () => {
    expect(referencePrice(q({ last: 5.65, bid: 6.15, ask: 6.25 }), 'OPT')).toBeCloseTo(6.2);
    expect(referencePrice(q({ last: 5.65, bid: 0, ask: 6.25 }), 'OPT')).toBe(5.65);
    expect(referencePrice(q({ last: 5.65, bid: 6.15, ask: 6.25 }), 'STK')).toBe(5.65);
  });

  it('says which price the reference is', () => {
    expect(quoteReference(q({ last: 5.65, bid: 6.15, ask: 6.25 }), 'OPT')?.source).toBe('mid');
    expect(quoteReference(q({ last: 5.65, bid: 6.15, ask: 6.25 }))?.source).toBe('last');
    expect(quoteReference(q({ bid: 9, close: 8 }))).toEqual({ price: 8, source: 'close' });
  });

  it('never takes zero or a negative value (TWS’s "no price") as a reference', () => {
    expect(referencePrice(q({ last: 0, bid: 9, ask: 11 }))).toBe(10);
    expect(referencePrice(q({ last: 0, bid: 0, ask: 11, close: 8 }))).toBe(8);
    expect(referencePrice(q({ last: -1, bid: -1, ask: -1, close: 0 }))).toBeNull();
  });
});

describe('copyQuote and setQuoteField', () => {
  it('copies every field, the optional ones only when present, into an object of its own', () => {
    const q = {
      ...emptyQuote(5, 'error'),
      bid: 1.5,
      close: 2,
      updatedAt: 9,
      openInterest: 120,
      note: 'refused',
    };
    const c = copyQuote(q);
    expect(c).toStrictEqual(q);
    expect(c).not.toBe(q);
    expect(Object.keys(copyQuote(emptyQuote(5)))).not.toContain('note');
    const greeks = { impliedVol: 0.2, delta: 0.5, gamma: 0.1, vega: 0.2, theta: -0.1, undPrice: 100 };
    expect(copyQuote({ ...emptyQuote(6), greeks }).greeks).toBe(greeks);
  });

  it('writes each tick field to its own property', () => {
    const fields = [
      'bid',
      'ask',
      'last',
      'bidSize',
      'askSize',
      'lastSize',
      'volume',
      'high',
      'low',
      'open',
      'close',
    ] as const;
    fields.forEach((f, i) => {
      const q = emptyQuote(1);
      setQuoteField(q, f, i + 1);
      expect(q).toStrictEqual({ ...emptyQuote(1), [f]: i + 1 });
    });
  });
});
