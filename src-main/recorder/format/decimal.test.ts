// Numeric fields round-trip as exact text: canonical decimals parse and format back byte for byte, and anything a
// formatter would not reproduce is refused (so the codec keeps it as a string).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DIGITS, formatDecimal, parseDecimalBytes, parsedMantissa } from './decimal';

const parse = (s: string): { scale: number; m: number } => {
  const b = Buffer.from(s, 'latin1');
  const scale = parseDecimalBytes(b, 0, b.length);
  return { scale, m: parsedMantissa };
};

describe('decimal', () => {
  it('parses the numbers TWS sends and formats them back exactly', () => {
    for (const s of [
      '0',
      '1',
      '-1',
      '187.25',
      '187.3',
      '0.05',
      '-0.5',
      '100',
      '1783570118',
      '0.000000000000001',
    ]) {
      const { scale, m } = parse(s);
      expect(scale, s).toBeGreaterThanOrEqual(0);
      expect(formatDecimal(m, scale)).toBe(s);
    }
  });

  it('refuses text that would not come back the same', () => {
    for (const s of [
      '',
      '-',
      '-0',
      '00',
      '01',
      '1.',
      '.5',
      '1.50',
      '1e5',
      '1.7976931348623157E308',
      ' 1',
      '+1',
      '1,5',
    ])
      expect(parse(s).scale, s).toBe(-1);
    expect(parse('1234567890123456').scale).toBe(-1); // 16 digits: past 2^53 once deltas are taken
  });

  it('every accepted text formats back to itself (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,17}(\.\d{1,17})?$/), (s) => {
        const { scale, m } = parse(s);
        if (scale >= 0) {
          expect(formatDecimal(m, scale)).toBe(s);
          expect(Math.abs(m)).toBeLessThan(10 ** MAX_DIGITS);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
