// One measured figure of a bench suite: value and unit, the budget it is held to, whether it met it, and (when the
// suite measured one in the same run) a baseline and the ratio to it. `judge` is the one place budgets are checked.
export type Figure = {
  id: string;
  name: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
  baseline?: number;
  ratio?: number;
  note?: string;
};

/** Options every suite gets from the command line; suites that take none may ignore them. */
export type SuiteOptions = {
  /** `--minutes N`: length of long-running suites (memory); each suite has its own default. */
  minutes?: number;
};

export type Suite = (opts: SuiteOptions) => Promise<Figure[]>;

/** A budget: bounds on the value and/or on its ratio to the same-run baseline (all optional, all must hold). */
export type Budget = { min?: number; max?: number; minRatio?: number; maxRatio?: number };

/** The ratio to the baseline (undefined without a usable one) and whether every bound of the budget holds. */
export function judge(
  value: number,
  budget: Budget,
  baseline?: number,
  /** A ratio measured otherwise (e.g. the median of paired rounds); value/baseline when not given. */
  measuredRatio?: number,
): { ok: boolean; ratio?: number } {
  const ratio =
    measuredRatio !== undefined && Number.isFinite(measuredRatio)
      ? measuredRatio
      : baseline !== undefined && Number.isFinite(baseline) && baseline !== 0
        ? value / baseline
        : undefined;
  let ok = Number.isFinite(value);
  if (budget.min !== undefined) ok &&= value >= budget.min;
  if (budget.max !== undefined) ok &&= value <= budget.max;
  // A ratio bound without a baseline cannot be met: the figure is not proven.
  if (budget.minRatio !== undefined) ok &&= ratio !== undefined && ratio >= budget.minRatio;
  if (budget.maxRatio !== undefined) ok &&= ratio !== undefined && ratio <= budget.maxRatio;
  return ratio === undefined ? { ok } : { ok, ratio };
}

/** Builds a figure judged against its budget; `budget` text is derived from the bounds unless given. */
export function figure(f: {
  id: string;
  name: string;
  value: number;
  unit: string;
  budget: Budget;
  budgetText?: string;
  baseline?: number;
  /** See judge(). */
  ratio?: number;
  note?: string;
}): Figure {
  const { ok, ratio } = judge(f.value, f.budget, f.baseline, f.ratio);
  return {
    id: f.id,
    name: f.name,
    value: f.value,
    unit: f.unit,
    budget: f.budgetText ?? budgetText(f.budget),
    ok,
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...(f.note !== undefined ? { note: f.note } : {}),
  };
}

function budgetText(b: Budget): string {
  const parts: string[] = [];
  if (b.min !== undefined) parts.push(`>= ${b.min}`);
  if (b.max !== undefined) parts.push(`<= ${b.max}`);
  if (b.minRatio !== undefined) parts.push(`>= ${b.minRatio}x baseline`);
  if (b.maxRatio !== undefined) parts.push(`<= ${b.maxRatio}x baseline`);
  return parts.join(' and ');
}
