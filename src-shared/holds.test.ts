// The counted holds main's depth and tape services and the renderer's depth and tape slices share.
import { describe, expect, it } from 'vitest';
import { drop, hold } from './holds';

describe('holds', () => {
  it('keeps a key while any hold is left and frees it with the last', () => {
    const h = new Map<string, number>();
    hold(h, 'w1');
    hold(h, 'w1');
    hold(h, 'w2');
    expect(drop(h, 'w1')).toBe(false);
    expect(h.get('w1')).toBe(1);
    expect(drop(h, 'w1')).toBe(true);
    expect([...h]).toEqual([['w2', 1]]);
  });

  it('drops every hold of a key at once with all, and a key never held is free', () => {
    const h = new Map<number, number>();
    hold(h, 7);
    hold(h, 7);
    expect(drop(h, 7, true)).toBe(true);
    expect(h.size).toBe(0);
    expect(drop(h, 8)).toBe(true);
    expect(h.size).toBe(0);
  });
});
