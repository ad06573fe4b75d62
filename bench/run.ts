// The bench runner: `npm run bench [-- suite…] [--check] [--minutes N]` runs the named suites (all by default),
// prints one table with the machine's core count and load, writes bench/results/latest.json, and with --check
// exits non-zero when a figure misses its budget.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suites } from './suites/index';
import {
  exitCode,
  failures,
  machineLine,
  parseBenchArgs,
  table,
  type Machine,
  type SuiteResult,
} from './report';

function machine(): Machine {
  return {
    cores: os.availableParallelism(),
    loadavg: os.loadavg(),
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown cpu',
  };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), Object.keys(suites));
  if (args.errors.length) {
    console.error(args.errors.join('\n'));
    process.exit(2);
  }
  const before = machine();
  const results: SuiteResult[] = [];
  for (const name of args.names) {
    const started = Date.now();
    console.error(`[bench] ${name}…`);
    try {
      const figures = await suites[name]!({
        ...(args.minutes !== undefined ? { minutes: args.minutes } : {}),
      });
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
  const after = machine();
  console.log(`before: ${machineLine(before)}`);
  console.log(`after:  ${machineLine(after)}`);
  console.log(table(results));
  const out = path.resolve(process.env.BENCH_RESULTS_DIR ?? 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latest.json');
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), args: process.argv.slice(2), machine: { before, after }, results }, null, 2)}\n`,
  );
  console.error(`[bench] results written to ${file}`);
  const missed = failures(results);
  if (args.check)
    console.error(
      missed.length
        ? `[bench] --check: ${missed.length} missed:\n  ${missed.join('\n  ')}`
        : '[bench] --check: every budget met',
    );
  process.exit(exitCode(results, args.check));
}

void main();
