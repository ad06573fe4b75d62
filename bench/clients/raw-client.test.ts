// The bench children's argv reading: the conIds word.
import { describe, expect, it } from 'vitest';
import { conIdsArg } from './raw-client';

describe('conIdsArg', () => {
  it('reads "conId,conId,…", dropping empty, zero, negative and non-numeric entries; no word is none', () => {
    expect(conIdsArg('265598,8314,,0,-3,x,76792991')).toEqual([265598, 8314, 76792991]);
    expect(conIdsArg('')).toEqual([]);
    expect(conIdsArg(undefined)).toEqual([]);
  });
});
