import { describe, expect, it } from 'vitest';
import { OptionModelError } from './errors';
import { formatOcc, parseOcc } from './occ';

describe('OCC symbols', () => {
  it('pads the root to six, writes yymmdd, the right and the strike × 1000 in eight digits', () => {
    expect(formatOcc('AAPL', '20261218', 'C', 150)).toBe('AAPL  261218C00150000');
    expect(formatOcc('AAPL', '20260618', 'C', 100)).toBe('AAPL  260618C00100000'); // live TWS frame
    expect(formatOcc('OBDC', '20261120', 'P', 10)).toBe('OBDC  261120P00010000'); // live TWS frame
    expect(formatOcc('F', '20270115', 'P', 12.5)).toBe('F     270115P00012500');
    expect(formatOcc('BRKB', '20261218', 'C', 472.5)).toBe('BRKB  261218C00472500');
    expect(formatOcc('NVR', '20261218', 'C', 12000)).toBe('NVR   261218C12000000');
    expect(formatOcc('SPY', '20261218', 'P', 0.5)).toHaveLength(21);
  });

  it('parses padded and unpadded symbols back', () => {
    expect(parseOcc('AAPL  261218C00150000')).toEqual({
      root: 'AAPL',
      ymd: '20261218',
      right: 'C',
      strike: 150,
    });
    expect(parseOcc('f270115p00012500')).toEqual({ root: 'F', ymd: '20270115', right: 'P', strike: 12.5 });
    for (const s of ['AAPL  261218C00150000', 'BRKB  261218P00472500', 'X     300101C00000500']) {
      const p = parseOcc(s);
      expect(formatOcc(p.root, p.ymd, p.right, p.strike)).toBe(s);
    }
  });

  it('rejects what is not an OCC symbol with a typed error', () => {
    for (const bad of [
      'AAPL',
      'AAPL  261218X00150000',
      'TOOLONGROOT261218C00150000',
      'AAPL  2612C00150000',
    ]) {
      expect(() => parseOcc(bad)).toThrow(OptionModelError);
    }
    expect(() => formatOcc('aapl', '20261218', 'C', 150)).toThrow(OptionModelError);
    expect(() => formatOcc('AAPL', '261218', 'C', 150)).toThrow(/expiry/);
    expect(() => formatOcc('AAPL', '20261218', 'C', 0)).toThrow(/strike/);
    expect(() => formatOcc('AAPL', '20261218', 'C', 100_000)).toThrow(/strike/);
  });
});
