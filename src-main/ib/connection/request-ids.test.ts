import { describe, expect, it } from 'vitest';
import { createRequestIds, FIRST_REQUEST_ID } from './request-ids';

describe('createRequestIds', () => {
  it('never hands out an id twice, across connections', () => {
    const ids = createRequestIds<string>();
    const a = ids.allocate('a', 1);
    ids.release(a);
    ids.releaseGeneration(1);
    const b = ids.allocate('b', 2);
    expect(a).toBe(FIRST_REQUEST_ID);
    expect(b).toBe(FIRST_REQUEST_ID + 1);
  });

  it('routes only live ids of the current connection', () => {
    const ids = createRequestIds<string>();
    const a = ids.allocate('a', 1);
    const b = ids.allocate('b', 1);
    expect(ids.route(a, 1)).toBe('a');
    expect(ids.route(a, 2)).toBeUndefined();
    ids.release(a);
    expect(ids.route(a, 1)).toBeUndefined();
    expect(ids.releaseGeneration(1)).toEqual(['b']);
    expect(ids.route(b, 1)).toBeUndefined();
    expect(ids.size()).toBe(0);
  });
});
