// `npm run test:paper`: the acceptance scenarios against a TWS / IB Gateway paper account (IBDESK_PAPER=host:port
// [:clientId]) or, without it, against the embedded demo gateway. Refuses live ports and live accounts before
// anything is placed, skips the fill outside market hours, and writes paper-report.md (+ result.txt, the log).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningDemo } from '../demo-profile';
import { appVersion } from '../version';
import { startDriver, type PaperDriver, type PaperTarget } from './driver';
import { checkPort, parsePaperTarget } from './guard';
import { progressLine, renderReport, summaryLine, type PaperReport } from './report';
import { initialState, type PaperCtx } from './context';
import { SCENARIOS, cleanUp } from './scenarios';
import { PAPER_EXIT, runScenarios, selectScenarios } from './suite';

export type PaperIo = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: Record<string, string | undefined>;
};

export type PaperDeps = {
  /** The embedded demo gateway (tests start one with other options). */
  startDemo?: () => Promise<RunningDemo>;
  /** The market-hours gate's clock (tests put it outside trading hours). */
  now?: () => number;
};

const USAGE = `Usage: npm run test:paper [-- options]

Runs IBDesk's acceptance scenarios against a TWS or IB Gateway paper account when IBDESK_PAPER is set
(host:port[:clientId], client id 99 unless given), else against the embedded demo gateway.

  IBDESK_PAPER=127.0.0.1:7497 npm run test:paper      TWS paper (IB Gateway paper: 4002)

Options:
  --i-know-this-is-paper   allow a live default port (7496/4001) for a paper session; every account
                           must still be a paper account (ids start with "D"), with no override
  --out-dir DIR            where paper-report.md, result.txt and paper-suite.log go (default: the current directory)
  --only ID[,ID...]        run only these scenarios (and those they need): ${SCENARIOS.map((s) => s.id).join(', ')}
  --verbose                the app's log on stderr as it is written
  -h, --help

Exit codes: 0 nothing failed, 1 a scenario failed, 2 usage, 3 TWS not reachable or not ready,
4 refused (a live port without --i-know-this-is-paper, or an account that is not a paper account).
`;

export type PaperRun = { code: number; report: PaperReport | null };

export async function runPaperSuite(
  argv: readonly string[],
  io: PaperIo,
  deps: PaperDeps = {},
): Promise<PaperRun> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  let o;
  try {
    o = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'i-know-this-is-paper': { type: 'boolean', default: false },
        'out-dir': { type: 'string' },
        only: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    io.stderr.write(`test:paper: ${(e as Error).message}\n\n${USAGE}`);
    return { code: PAPER_EXIT.usage, report: null };
  }
  if (o.help) {
    io.stdout.write(USAGE);
    return { code: PAPER_EXIT.ok, report: null };
  }

  let target: PaperTarget = { kind: 'demo' };
  let scenarios;
  try {
    const raw = io.env.IBDESK_PAPER?.trim();
    if (raw) target = { kind: 'tws', ...parsePaperTarget(raw) };
    scenarios = selectScenarios(
      SCENARIOS,
      o.only
        ? o.only
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
    );
  } catch (e) {
    io.stderr.write(`test:paper: ${(e as Error).message}\n\n${USAGE}`);
    return { code: PAPER_EXIT.usage, report: null };
  }

  const outDir = path.resolve(io.cwd, o['out-dir'] ?? '.');
  const version = appVersion();
  const startedAt = Date.now();
  const describeTarget = (endpoint: string | null): string =>
    target.kind === 'demo'
      ? `the embedded demo gateway${endpoint ? ` (${endpoint})` : ''}; IBDESK_PAPER is not set`
      : `${target.host}:${target.port}, client id ${target.clientId} (IBDESK_PAPER)`;
  const report: PaperReport = {
    ibdeskVersion: version,
    target: describeTarget(null),
    startedAt,
    finishedAt: startedAt,
    serverVersion: null,
    accounts: [],
    market: null,
    results: [],
    before: null,
    after: null,
    stopped: null,
    cleanup: [],
    files: [],
  };
  const reportFile = path.join(outDir, 'paper-report.md');

  async function finish(code: number, log: string[] | null): Promise<PaperRun> {
    report.finishedAt = Date.now();
    await mkdir(outDir, { recursive: true });
    if (log) {
      const logFile = path.join(outDir, 'paper-suite.log');
      await writeFile(logFile, `${log.join('\n')}\n`, 'utf8');
      report.files.push(logFile);
    }
    report.files.push(reportFile);
    const text = renderReport(report);
    await writeFile(reportFile, text, 'utf8');
    io.stdout.write(`\n${text}`);
    err(`\n${summaryLine(report)}. Report: ${reportFile}`);
    return { code, report };
  }

  err(`IBDesk ${version} paper-trading acceptance suite`);
  err(`Target: ${report.target}`);

  // Before anything connects: a live default port is refused unless the user says this is paper.
  if (target.kind === 'tws') {
    const port = checkPort(target.port, o['i-know-this-is-paper']);
    if (!port.ok) {
      report.stopped = `refused: ${port.reason}`;
      err(`REFUSED: ${port.reason}`);
      err('Nothing was connected and nothing was placed.');
      return finish(PAPER_EXIT.refused, null);
    }
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-paper-'));
  let driver: PaperDriver | null = null;
  let code: number = PAPER_EXIT.ok;
  try {
    driver = await startDriver({
      target,
      dataDir,
      version,
      ...(deps.startDemo ? { startDemo: deps.startDemo } : {}),
      ...(o.verbose ? { onLog: (line: string) => err(`  | ${line}`) } : {}),
    });
    const ctx: PaperCtx = {
      driver,
      target,
      iKnowThisIsPaper: o['i-know-this-is-paper'],
      now: deps.now ?? Date.now,
      outDir,
      state: initialState(),
    };
    await mkdir(outDir, { recursive: true });
    err('');
    const outcome = await runScenarios(scenarios, ctx, {
      onResult: (r) => err(`  ${progressLine(r)}`),
    });
    if (outcome.aborted?.exitCode === PAPER_EXIT.refused)
      err(
        `\nREFUSED: ${outcome.aborted.reason}\nNothing was placed: the suite stopped right after connecting.`,
      );
    report.results = outcome.results;
    report.cleanup = await cleanUp(ctx).catch((e: unknown) => [`clean-up failed: ${(e as Error).message}`]);
    const s = ctx.state;
    report.target = describeTarget(s.endpoint);
    report.serverVersion = s.serverVersion;
    report.accounts = s.accounts;
    report.market = s.market;
    report.before = s.before;
    report.after = s.after;
    report.files.push(...s.files);
    if (outcome.aborted) {
      report.stopped =
        outcome.aborted.exitCode === PAPER_EXIT.refused
          ? `refused: ${outcome.aborted.reason}`
          : outcome.aborted.reason;
      code = outcome.aborted.exitCode;
    } else if (outcome.results.some((r) => r.outcome === 'fail')) code = PAPER_EXIT.failed;
  } catch (e) {
    report.stopped = `the suite could not run: ${(e as Error).message}`;
    code = PAPER_EXIT.failed;
  } finally {
    await driver?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
  // Written after the app stopped, so the log file holds its last lines too.
  return finish(code, driver?.logLines() ?? null);
}
