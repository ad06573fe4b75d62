// The paper suite's bar check: each broken promise of a history answer is named; sane bars pass.
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../src-shared/domain/bar';
import { checkBars } from './bars-check';

const bar = (time: number, o = 10, h = 11, l = 9, c = 10.5): Bar => ({
  time,
  open: o,
  high: h,
  low: l,
  close: c,
  volume: 1,
});
const NOW = 1_800_000_000;
const minutes = (n: number, from = NOW - 3600) => Array.from({ length: n }, (_, i) => bar(from + i * 60));

describe('checkBars', () => {
  it('passes consecutive minute bars, a partial first bar included', () => {
    expect(checkBars(minutes(30), '1 min', '1 D', NOW)).toBeNull();
    expect(checkBars([bar(NOW - 3601), ...minutes(10)], '1 min', '1 D', NOW)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkBars([], '1 min', '1 D', NOW)).toBe('no bars');
    expect(checkBars([bar(NOW - 60, 10, 10.2, 9)], '1 min', '1 D', NOW)).toMatch(
      /open\/close outside its high\/low/,
    );
    expect(checkBars([bar(NOW - 60), bar(NOW - 120)], '1 min', '1 D', NOW)).toBe(
      `bars out of order at ${NOW - 120}`,
    );
    expect(checkBars([bar(NOW + 3600)], '1 min', '1 D', NOW)).toMatch(/starts in the future/);
    expect(
      checkBars(
        minutes(10).flatMap((b) => [b, { ...b, time: b.time + 1 }]),
        '1 min',
        '1 D',
        NOW,
      ),
    ).toMatch(/denser than 1 min bars/);
    expect(checkBars([bar(NOW - 30 * 86_400), bar(NOW - 60)], '1 day', '1 W', NOW)).toMatch(
      /more than the 1 W asked for/,
    );
  });
});
