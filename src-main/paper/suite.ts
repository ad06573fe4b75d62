// Runs the paper suite's scenarios in order, each timed and bounded: pass, fail (with the reason) or skip (with
// its line). A scenario whose prerequisite did not pass is not run; a refusal (live account) stops the run.

type Outcome = 'pass' | 'fail' | 'skip';

export type ScenarioResult = {
  id: string;
  title: string;
  outcome: Outcome;
  ms: number;
  /** What was checked and seen, one line each. */
  details: string[];
  /** Why it failed or was skipped. */
  reason: string | null;
};

/** Thrown by a scenario that decides not to run (the market is closed); the message is the report's line. */
export class Skip extends Error {}

/** Thrown to stop the whole run: nothing after it runs. `exitCode` becomes the program's exit code. */
export class Abort extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export type Scenario<C> = {
  id: string;
  title: string;
  /** Scenarios that must have passed first. */
  needs?: readonly string[];
  /** Fails the scenario when it runs longer (default 120 s). */
  timeoutMs?: number;
  run(ctx: C, note: (line: string) => void): Promise<void>;
};

export type SuiteOutcome = {
  results: ScenarioResult[];
  aborted: { reason: string; exitCode: number } | null;
};

/** The scenarios to run for `--only`: the ones named plus everything they need, in suite order. */
export function selectScenarios<C>(
  all: readonly Scenario<C>[],
  only: readonly string[] | null,
): Scenario<C>[] {
  if (!only) return [...all];
  const byId = new Map(all.map((s) => [s.id, s]));
  const unknown = only.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')} (known: ${all.map((s) => s.id).join(', ')})`);
  const wanted = new Set<string>();
  const add = (id: string): void => {
    if (wanted.has(id)) return;
    wanted.add(id);
    for (const n of byId.get(id)?.needs ?? []) add(n);
  };
  for (const id of only) add(id);
  return all.filter((s) => wanted.has(s.id));
}

export async function runScenarios<C>(
  scenarios: readonly Scenario<C>[],
  ctx: C,
  opts: {
    now?: () => number;
    onStart?: (s: Scenario<C>) => void;
    onResult?: (r: ScenarioResult) => void;
  } = {},
): Promise<SuiteOutcome> {
  const now = opts.now ?? Date.now;
  const results: ScenarioResult[] = [];
  let aborted: SuiteOutcome['aborted'] = null;
  let stoppedAt = '';
  const done = (r: ScenarioResult): void => {
    results.push(r);
    opts.onResult?.(r);
  };

  for (const s of scenarios) {
    const base = { id: s.id, title: s.title, details: [] as string[] };
    if (aborted) {
      done({ ...base, outcome: 'skip', ms: 0, reason: `not run: the suite stopped at "${stoppedAt}"` });
      continue;
    }
    const missing = (s.needs ?? []).filter((n) => results.find((r) => r.id === n)?.outcome !== 'pass');
    if (missing.length > 0) {
      const names = missing.map((n) => results.find((r) => r.id === n)?.title ?? n);
      done({
        ...base,
        outcome: 'skip',
        ms: 0,
        reason: `not run: needs ${names.join(', ')}, which did not pass`,
      });
      continue;
    }
    opts.onStart?.(s);
    const started = now();
    const limit = s.timeoutMs ?? 120_000;
    let timer: ReturnType<typeof setTimeout> | null = null;
    try {
      await Promise.race([
        s.run(ctx, (line) => base.details.push(line)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${limit / 1000} s`)), limit);
        }),
      ]);
      done({ ...base, outcome: 'pass', ms: now() - started, reason: null });
    } catch (err) {
      const ms = now() - started;
      if (err instanceof Skip) done({ ...base, outcome: 'skip', ms, reason: err.message });
      else if (err instanceof Abort) {
        aborted = { reason: err.message, exitCode: err.exitCode };
        stoppedAt = s.title;
        done({ ...base, outcome: 'fail', ms, reason: err.message });
      } else done({ ...base, outcome: 'fail', ms, reason: err instanceof Error ? err.message : String(err) });
    } finally {
      if (timer !== null) clearTimeout(timer);
    }
  }
  return { results, aborted };
}

/** The paper suite's exit codes. */
export const PAPER_EXIT = {
  /** Nothing failed (skips are fine). */
  ok: 0,
  /** A scenario failed. */
  failed: 1,
  usage: 2,
  /** TWS or IB Gateway could not be reached, or the session did not become ready. */
  unreachable: 3,
  /** Refused: a live port without --i-know-this-is-paper, or an account that is not a paper account. */
  refused: 4,
} as const;
