// The plain-text table: columns as wide as their widest cell, numbers right-aligned, unknown numbers as "-".
import { describe, expect, it } from 'vitest';
import { fmt, fmtInt, fmtPct, table } from './text-table';

describe('table', () => {
  it('pads each column to its widest cell, right-aligns where asked and trims line ends', () => {
    const text = table(
      [
        { s: 'AAPL', n: '1.5' },
        { s: 'GOOGL', n: '123.25' },
      ],
      [
        { title: 'Sym', value: (r) => r.s },
        { title: 'Px', value: (r) => r.n, align: 'right' },
      ],
    );
    expect(text).toBe('Sym        Px\n-----  ------\nAAPL      1.5\nGOOGL  123.25\n');
  });

  it('prints the header and rule alone when there are no rows', () => {
    expect(table([], [{ title: 'Symbol', value: () => '' }])).toBe('Symbol\n------\n');
  });
});

describe('number cells', () => {
  it('fixes decimals, groups thousands, signs percentages, and shows "-" for what is unknown', () => {
    expect(fmt(1.005, 1)).toBe('1.0');
    expect(fmt(2)).toBe('2.00');
    expect(fmtInt(1234567.6)).toBe('1,234,568');
    expect(fmtPct(1.234)).toBe('+1.23%');
    expect(fmtPct(-0.5)).toBe('-0.50%');
    for (const f of [fmt, fmtInt, fmtPct]) {
      expect(f(null)).toBe('-');
      expect(f(undefined)).toBe('-');
      expect(f(Number.NaN)).toBe('-');
      expect(f(Infinity)).toBe('-');
    }
  });
});
