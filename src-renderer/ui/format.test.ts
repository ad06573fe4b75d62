import { describe, expect, it } from 'vitest';
import { fmtAge, fmtChange, fmtMoney, fmtPct, fmtPrice, fmtSize, signClass } from './format';

describe('formatting', () => {
  it('formats prices by tick size and unknowns as a dash', () => {
    expect(fmtPrice(187.5)).toBe('187.50');
    expect(fmtPrice(1.23456, 0.00005)).toBe('1.23456');
    expect(fmtPrice(4500.25, 0.25)).toBe('4500.25');
    expect(fmtPrice(null)).toBe('—');
  });

  it('signs changes and percentages', () => {
    expect(fmtChange(1.5)).toBe('+1.50');
    expect(fmtChange(-1.5)).toBe('-1.50');
    expect(fmtPct(2.345)).toBe('+2.35%');
    expect(signClass(-1)).toBe('down');
    expect(signClass(0)).toBe('flat');
  });

  it('shortens sizes and formats money', () => {
    expect(fmtSize(1234)).toBe('1,234');
    expect(fmtSize(12_345_678)).toBe('12.35M');
    expect(fmtMoney(1234.5, 'USD')).toBe('1,234.50 USD');
  });

  it('shows the tick age', () => {
    expect(fmtAge(1000, 1400)).toBe('0.4 s');
    expect(fmtAge(0, 42_000)).toBe('42 s');
    expect(fmtAge(0, 180_000)).toBe('3 min');
    expect(fmtAge(null, 0)).toBe('—');
  });
});
