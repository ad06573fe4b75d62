import { describe, expect, it } from 'vitest';
import { checkAccounts } from './guard';
import { Abort, PAPER_EXIT, Skip, runScenarios, selectScenarios, type Scenario } from './suite';

type Ctx = { ran: string[]; accounts: string[]; placed: string[] };

const scenario = (
  id: string,
  run: Scenario<Ctx>['run'] = async () => undefined,
  extra: Partial<Scenario<Ctx>> = {},
): Scenario<Ctx> => ({
  id,
  title: `title of ${id}`,
  run: async (ctx, note) => {
    ctx.ran.push(id);
    await run(ctx, note);
  },
  ...extra,
});

const ctx = (accounts = ['DU1']): Ctx => ({ ran: [], accounts, placed: [] });

describe('paper suite runner', () => {
  it('records pass, fail and skip with their lines, and does not run what needs a failed scenario', async () => {
    const list = [
      scenario('a', async (_c, note) => note('saw a')),
      scenario('b', async () => {
        throw new Error('b broke');
      }),
      scenario('c', async () => undefined, { needs: ['b'] }),
      scenario('fill', async () => {
        throw new Skip('skipped: market closed (AAPL regular hours: market closed)');
      }),
      scenario('d', async () => undefined, { needs: ['a'] }),
    ];
    const c = ctx();
    const { results, aborted } = await runScenarios(list, c);
    expect(aborted).toBeNull();
    expect(c.ran).toEqual(['a', 'b', 'fill', 'd']);
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ['a', 'pass'],
      ['b', 'fail'],
      ['c', 'skip'],
      ['fill', 'skip'],
      ['d', 'pass'],
    ]);
    expect(results[0]!.details).toEqual(['saw a']);
    expect(results[1]!.reason).toBe('b broke');
    expect(results[2]!.reason).toBe('not run: needs title of b, which did not pass');
    expect(results[3]!.reason).toBe('skipped: market closed (AAPL regular hours: market closed)');
  });

  it('a live account stops the run before any order scenario (the refusal)', async () => {
    const connect = scenario('connect', async (c) => {
      const v = checkAccounts(c.accounts);
      if (!v.ok) throw new Abort(v.reason, PAPER_EXIT.refused);
    });
    const order = scenario('order', async (c) => {
      c.placed.push('BUY 1 AAPL');
    });
    const c = ctx(['DU1', 'U7654321']);
    const { results, aborted } = await runScenarios([connect, order], c);
    expect(aborted).toEqual({
      reason: expect.stringMatching(/U7654321 is not paper/),
      exitCode: PAPER_EXIT.refused,
    });
    expect(c.placed).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(['fail', 'skip']);
    expect(results[1]!.reason).toBe('not run: the suite stopped at "title of connect"');

    const paper = ctx(['DU1', 'DF2']);
    expect((await runScenarios([connect, order], paper)).aborted).toBeNull();
    expect(paper.placed).toEqual(['BUY 1 AAPL']);
  });

  it('fails a scenario that runs past its time limit', async () => {
    const slow = scenario('slow', () => new Promise((r) => setTimeout(r, 2_000)), { timeoutMs: 50 });
    const { results } = await runScenarios([slow], ctx());
    expect(results[0]).toMatchObject({ outcome: 'fail', reason: 'did not finish within 0.05 s' });
  });

  it('--only adds what the named scenarios need, in suite order', () => {
    const list = [
      scenario('connect'),
      scenario('contracts', undefined, { needs: ['connect'] }),
      scenario('quotes', undefined, { needs: ['contracts'] }),
      scenario('history', undefined, { needs: ['contracts'] }),
    ];
    expect(selectScenarios(list, ['quotes']).map((s) => s.id)).toEqual(['connect', 'contracts', 'quotes']);
    expect(selectScenarios(list, null)).toHaveLength(4);
    expect(() => selectScenarios(list, ['nope'])).toThrow(/unknown scenario nope/);
  });
});
