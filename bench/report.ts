// The runner's pure parts: its command line, the table it prints and the verdict of --check (unit-tested).
import type { Figure } from './figure';

export type SuiteResult = { suite: string; figures: Figure[]; error?: string; seconds: number };

export type Machine = { cores: number; loadavg: readonly number[]; node: string; cpu: string };

export type BenchArgs = { names: string[]; check: boolean; minutes?: number; errors: string[] };

export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchArgs {
  const names: string[] = [];
  const errors: string[] = [];
  let check = false;
  let minutes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') check = true;
    else if (a === '--minutes' || a.startsWith('--minutes=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (v === undefined || !(n > 0))
        errors.push(`--minutes needs a positive number, got ${v ?? 'nothing'}`);
      else minutes = n;
    } else if (a.startsWith('--')) errors.push(`unknown option ${a}`);
    else if (!known.includes(a)) errors.push(`unknown suite ${a}; known: ${known.join(', ')}`);
    else if (!names.includes(a)) names.push(a);
  }
  return {
    names: names.length ? names : [...known],
    check,
    ...(minutes !== undefined ? { minutes } : {}),
    errors,
  };
}

/** Figures that missed their budget, and suites that failed, as lines for the log. */
export function failures(results: readonly SuiteResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) out.push(`${r.suite}: failed: ${r.error}`);
    for (const f of r.figures)
      if (!f.ok) out.push(`${r.suite}: ${f.name}: ${fmt(f.value)} ${f.unit}, budget ${f.budget}`);
  }
  return out;
}

/** Exit status of the run: 1 with --check when anything missed its budget or failed, else 0. */
export function exitCode(results: readonly SuiteResult[], check: boolean): number {
  return check && failures(results).length > 0 ? 1 : 0;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

export function machineLine(m: Machine): string {
  return `machine: ${m.cores} core(s) (${m.cpu}), load average ${m.loadavg.map((l) => l.toFixed(2)).join(' ')} (1/5/15 min), node ${m.node}`;
}

/** One table for the whole run, columns padded to width. */
export function table(results: readonly SuiteResult[]): string {
  const rows: string[][] = [['suite', 'figure', 'value', 'budget', 'baseline', 'ratio', 'ok', 'note']];
  for (const r of results) {
    if (r.error) rows.push([r.suite, '(failed)', '', '', '', '', 'NO', r.error]);
    for (const f of r.figures) {
      rows.push([
        r.suite,
        f.name,
        `${fmt(f.value)} ${f.unit}`,
        f.budget,
        f.baseline === undefined ? '' : `${fmt(f.baseline)} ${f.unit}`,
        f.ratio === undefined ? '' : `${fmt(f.ratio)}x`,
        f.ok ? 'yes' : 'NO',
        f.note ?? '',
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
