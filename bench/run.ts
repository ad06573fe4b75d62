// The bench runner: `npm run bench [-- suite…] [--check]` runs the named suites (all by default), prints one table,
// writes bench/results/latest.json, and with --check exits non-zero when a figure misses its budget.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suites } from './suites/index';
import type { Figure } from './figure';

interface SuiteResult {
  suite: string;
  figures: Figure[];
  error?: string;
  seconds: number;
}

function table(results: SuiteResult[]): string {
  const rows: string[][] = [['suite', 'figure', 'value', 'budget', 'baseline', 'ratio', 'ok', 'note']];
  for (const r of results) {
    if (r.error) rows.push([r.suite, '(failed)', '', '', '', '', 'NO', r.error]);
    for (const f of r.figures) {
      rows.push([
        r.suite,
        f.name,
        `${round(f.value)} ${f.unit}`,
        f.budget,
        f.baseline === undefined ? '' : `${round(f.baseline)} ${f.unit}`,
        f.ratio === undefined ? '' : `${round(f.ratio)}x`,
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

function round(x: number): string {
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !suites[n]);
  if (unknown.length) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const selected = names.length ? names : Object.keys(suites);
  const results: SuiteResult[] = [];
  for (const name of selected) {
    const started = Date.now();
    console.error(`[bench] ${name}…`);
    try {
      const figures = await (suites[name] as () => Promise<Figure[]>)();
      results.push({ suite: name, figures, seconds: (Date.now() - started) / 1000 });
    } catch (err) {
      results.push({
        suite: name,
        figures: [],
        error: (err as Error).message,
        seconds: (Date.now() - started) / 1000,
      });
    }
  }
  console.log(table(results));
  const out = path.resolve(process.env.BENCH_RESULTS_DIR ?? 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latest.json');
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
  console.error(`[bench] results written to ${file}`);
  const failed = results.some((r) => r.error || r.figures.some((f) => !f.ok));
  if (check && failed) process.exit(1);
}

void main();
