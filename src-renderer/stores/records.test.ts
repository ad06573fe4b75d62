import { describe, expect, it } from 'vitest';
import { withoutKey } from './records';

describe('withoutKey', () => {
  it('copies a record without one key, leaving the original as it was', () => {
    const panes = { chart: 1, 'chart-2': 2, scanner: 3 };
    const next = withoutKey(panes, 'chart-2');
    expect(next).toEqual({ chart: 1, scanner: 3 });
    expect(panes).toEqual({ chart: 1, 'chart-2': 2, scanner: 3 });
    expect(withoutKey(next, 'absent')).toEqual(next);
    expect(withoutKey(next, 'absent')).not.toBe(next);
  });
});
