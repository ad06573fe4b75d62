import { describe, expect, it } from 'vitest';
import { figure, judge } from './figure';
import { exitCode, failures, parseBenchArgs, table, type SuiteResult } from './report';

describe('judge', () => {
  it('checks value bounds and the ratio to the baseline', () => {
    expect(judge(160_000, { min: 150_000, minRatio: 0.6 }, 200_000)).toEqual({ ok: true, ratio: 0.8 });
    expect(judge(160_000, { min: 150_000, minRatio: 0.6 }, 300_000).ok).toBe(false);
    expect(judge(140_000, { min: 150_000, minRatio: 0.6 }, 150_000).ok).toBe(false);
    expect(judge(12, { max: 15 }).ok).toBe(true);
    expect(judge(15.1, { max: 15 }).ok).toBe(false);
  });

  it('prefers a ratio measured in paired rounds to value/baseline', () => {
    expect(judge(100, { minRatio: 0.6 }, 200, 0.7)).toEqual({ ok: true, ratio: 0.7 });
    expect(judge(100, { minRatio: 0.6 }, 100, 0.5)).toEqual({ ok: false, ratio: 0.5 });
  });

  it('does not pass a ratio bound without a usable baseline, nor a value that is not a number', () => {
    expect(judge(1, { minRatio: 0.5 })).toEqual({ ok: false });
    expect(judge(1, { minRatio: 0.5 }, 0)).toEqual({ ok: false });
    expect(judge(Number.NaN, { max: 10 }).ok).toBe(false);
  });

  it('figure() carries ratio and a budget text derived from the bounds', () => {
    const f = figure({ id: 'x', name: 'x', value: 5, unit: 's', budget: { max: 4 }, baseline: 2 });
    expect(f).toMatchObject({ ok: false, ratio: 2.5, budget: '<= 4', baseline: 2 });
  });
});

describe('runner', () => {
  const known = ['ingest', 'pacer', 'demo-gateway'];

  it('parses suite names, --check and --minutes', () => {
    expect(parseBenchArgs([], known)).toEqual({ names: known, check: false, errors: [] });
    expect(parseBenchArgs(['pacer', '--check', '--minutes', '60'], known)).toEqual({
      names: ['pacer'],
      check: true,
      minutes: 60,
      errors: [],
    });
    expect(parseBenchArgs(['--minutes=2.5'], known).minutes).toBe(2.5);
    expect(parseBenchArgs(['nope', '--minutes', 'x', '--fast'], known).errors).toHaveLength(3);
  });

  it('--check fails on a missed budget or a failed suite, never without --check', () => {
    const good = figure({ id: 'a', name: 'a', value: 1, unit: 'ms', budget: { max: 2 } });
    const bad = figure({ id: 'b', name: 'b', value: 3, unit: 'ms', budget: { max: 2 } });
    const ok: SuiteResult[] = [{ suite: 's', figures: [good], seconds: 1 }];
    const missed: SuiteResult[] = [{ suite: 's', figures: [good, bad], seconds: 1 }];
    const crashed: SuiteResult[] = [{ suite: 's', figures: [], error: 'boom', seconds: 1 }];
    expect(exitCode(ok, true)).toBe(0);
    expect(exitCode(missed, true)).toBe(1);
    expect(exitCode(crashed, true)).toBe(1);
    expect(exitCode(missed, false)).toBe(0);
    expect(failures(missed)).toEqual(['s: b: 3.00 ms, budget <= 2']);
    expect(table(missed).split('\n')).toHaveLength(3);
    expect(table(crashed)).toContain('boom');
  });
});
