// The counted holds main's depth and tape services and the renderer's depth and tape slices share.
import { describe, expect, it } from 'vitest';
import { drop, hold, holdOnce } from './holds';

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

  it('holdOnce releases once however often its release runs, and frees with the last hold', () => {
    const h = new Map<number, number>();
    const log: string[] = [];
    const a = holdOnce(
      h,
      1,
      () => log.push('release a'),
      () => log.push('freed'),
    );
    const b = holdOnce(
      h,
      1,
      () => log.push('release b'),
      () => log.push('freed'),
    );
    expect(h.get(1)).toBe(2);
    a();
    a();
    expect(log).toEqual(['release a']);
    b();
    expect(log).toEqual(['release a', 'release b', 'freed']);
    expect(h.size).toBe(0);
  });
});
