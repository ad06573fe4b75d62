import { describe, expect, it } from 'vitest';
import { TICKS } from './ticks';

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
    expect(Object.keys(TICKS)).toHaveLength(22);
  });
});
