// Windows letting go of a shared line: one hold at a time, all of a window's at once, freed with the last, and a
// typed NOT_FOUND for an instrument the window never held.
import { describe, expect, it } from 'vitest';
import { hold } from '../../src-shared/holds';
import { windowHolds } from './window-holds';

function setup() {
  const lines = new Map<number, { holders: Map<string, number> }>();
  const freed: number[] = [];
  const holds = windowHolds(lines, 'tape', (conId) => {
    freed.push(conId);
    lines.delete(conId);
  });
  const take = (clientId: string, conId: number) => {
    const line = lines.get(conId) ?? { holders: new Map<string, number>() };
    lines.set(conId, line);
    hold(line.holders, clientId);
  };
  return { lines, freed, holds, take };
}

describe('windowHolds', () => {
  it('frees a line when its last window lets go, one hold at a time', () => {
    const { freed, holds, take } = setup();
    take('w1', 1);
    take('w1', 1);
    take('w2', 1);
    holds.unsubscribe('w1', 1);
    holds.unsubscribe('w2', 1);
    expect(freed).toEqual([]);
    holds.unsubscribe('w1', 1);
    expect(freed).toEqual([1]);
  });

  it("lets go of all a closing window's holds, and refuses an instrument it never held", () => {
    const { freed, holds, take, lines } = setup();
    take('w1', 1);
    take('w1', 1);
    take('w1', 2);
    take('w2', 2);
    holds.releaseClient('w1');
    expect(freed).toEqual([1]);
    expect([...lines.keys()]).toEqual([2]);
    expect(() => holds.unsubscribe('w1', 2)).toThrow('This window holds no tape for instrument 2');
    expect(() => holds.unsubscribe('w3', 9)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
