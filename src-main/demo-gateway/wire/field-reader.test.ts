import { describe, expect, it } from 'vitest';
import { DecodeError, FieldReader, parseTagValues } from './field-reader';

describe('FieldReader', () => {
  it('reads ints, doubles, booleans and unset markers as TWS writes them', () => {
    const r = new FieldReader([
      '1',
      '42',
      '',
      '2147483647',
      '1.5',
      '',
      '1.7976931348623157E308',
      'Infinity',
      '1',
      '0',
      '',
      'x',
    ]);
    expect(r.int()).toBe(42);
    expect(r.int()).toBe(0);
    expect(r.intMax()).toBeUndefined();
    expect(r.float()).toBe(1.5);
    expect(r.floatMax()).toBeUndefined();
    expect(r.floatMax()).toBeUndefined();
    expect(r.floatMax()).toBe(Number.POSITIVE_INFINITY);
    expect([r.bool(), r.bool(), r.bool()]).toEqual([true, false, false]);
    expect(r.str()).toBe('x');
    expect(() => r.str()).toThrow(DecodeError);
    expect(r.strOpt()).toBe('');
  });

  it('throws DecodeError on fields that do not parse', () => {
    expect(() => new FieldReader(['1', 'abc']).int()).toThrow('For input string: "abc"');
    expect(() => new FieldReader(['1', '1.2.3']).float()).toThrow(DecodeError);
    expect(() => new FieldReader(['1', 'maybe']).bool()).toThrow(DecodeError);
  });

  it('parses TagValue lists ("tag=value;…")', () => {
    expect(parseTagValues('priceAbove=5;marketCapAbove1e6=1000;')).toEqual([
      { tag: 'priceAbove', value: '5' },
      { tag: 'marketCapAbove1e6', value: '1000' },
    ]);
    expect(parseTagValues('')).toEqual([]);
  });
});
