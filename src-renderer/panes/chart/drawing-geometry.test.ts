import { describe, expect, it } from 'vitest';
import { logicalToTime, timeToLogical } from './drawing-geometry';

// Minute bars with a gap (a session break) between 180 and 3600.
const times = [60, 120, 180, 3600, 3660].map((time) => ({ time }));

describe('drawing geometry', () => {
  it('places a time on the bars, between bars (across a gap) and past either end', () => {
    expect(timeToLogical(times, 120, 60)).toBe(1);
    expect(timeToLogical(times, 150, 60)).toBe(1.5);
    expect(timeToLogical(times, 180 + (3600 - 180) / 4, 60)).toBe(2.25);
    expect(timeToLogical(times, 3660 + 120, 60)).toBe(6);
    expect(timeToLogical(times, 0, 60)).toBe(-1);
    expect(timeToLogical([], 10, 60)).toBeNull();
  });

  it('turns a logical index back into the same time', () => {
    for (const t of [0, 60, 90, 180, 1000, 3600, 3630, 3660, 4000])
      expect(logicalToTime(times, timeToLogical(times, t, 60)!, 60)).toBe(t);
    expect(logicalToTime(times, 7.5, 60)).toBe(3660 + 3.5 * 60);
    expect(logicalToTime([], 1, 60)).toBeNull();
  });
});
