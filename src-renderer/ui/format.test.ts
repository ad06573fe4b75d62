import { describe, expect, it } from 'vitest';
import { accountBadge, countdown, fieldMessages, fmtAge, fmtChange, fmtClock, fmtError } from './format';
import { fmtLocalClock, fmtMoney, fmtPct, fmtPrice, fmtSize, signClass, stateLabel } from './format';

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

  it('shows clock times on the 24-hour clock', () => {
    const afternoon = new Date(2026, 0, 2, 15, 4, 5).getTime();
    expect(fmtClock(afternoon)).toBe('15:04:05');
    expect(fmtLocalClock(afternoon)).toMatch(/15.04.05/);
    // The formatters are made once; the text stays toLocaleTimeString's own, early hours and midnight included.
    for (const t of [new Date(2026, 0, 2, 3, 4, 5).getTime(), new Date(2026, 0, 2).getTime(), afternoon]) {
      expect(fmtClock(t)).toBe(new Date(t).toLocaleTimeString('en-GB', { hour12: false }));
      expect(fmtLocalClock(t)).toBe(new Date(t).toLocaleTimeString(undefined, { hour12: false }));
    }
  });

  it('words the connection: its state, what money is at stake, the retry countdown', () => {
    expect(stateLabel('ready')).toBe('Connected');
    expect(stateLabel('connecting')).toBe('Connecting…');
    expect(accountBadge({ demo: true, live: true })).toBe('DEMO');
    expect(accountBadge({ demo: false, live: true })).toBe('LIVE');
    expect(accountBadge({ demo: false, live: false })).toBe('PAPER');
    expect(countdown(null, 0)).toBeNull();
    expect(countdown(4_200, 1_000)).toBe('retry in 4 s');
    expect(countdown(1_000, 5_000)).toBe('retry in 0 s');
  });

  it('words a refused request: its message with the TWS code, and its issues by field', () => {
    expect(fmtError({ message: 'No trading permission', twsCode: 201 })).toBe(
      'No trading permission (TWS 201)',
    );
    expect(fmtError({ message: 'Not connected' })).toBe('Not connected');
    expect(
      fieldMessages({
        issues: [
          { path: 'bracket.stopLoss', message: 'below the entry' },
          { path: 'quantity', message: 'too many' },
        ],
      }),
    ).toEqual({ stopLoss: 'below the entry', quantity: 'too many' });
    expect(fieldMessages({})).toEqual({});
  });
});
