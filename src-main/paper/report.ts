// The paper suite's report: each scenario with pass/fail/skip, its time and what it saw, the server version, and
// the account before and after. Markdown (paper-report.md, and the console at the end), plus the one-line
// progress the console shows while the suite runs. Pure.
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import type { ScenarioResult } from './suite';

export type PaperReport = {
  ibdeskVersion: string;
  /** Where it ran, in words ("the embedded demo gateway …", "127.0.0.1:7497, client id 99"). */
  target: string;
  startedAt: number;
  finishedAt: number;
  serverVersion: number | null;
  accounts: string[];
  market: string | null;
  results: ScenarioResult[];
  before: PortfolioSnapshot | null;
  after: PortfolioSnapshot | null;
  /** Set when the suite refused to run or stopped (live account, unreachable). */
  stopped: string | null;
  cleanup: string[];
  files: string[];
};

const WORD = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function counts(results: readonly ScenarioResult[]): { pass: number; fail: number; skip: number } {
  return {
    pass: results.filter((r) => r.outcome === 'pass').length,
    fail: results.filter((r) => r.outcome === 'fail').length,
    skip: results.filter((r) => r.outcome === 'skip').length,
  };
}

export function verdict(r: Pick<PaperReport, 'results' | 'stopped'>): 'PASSED' | 'FAILED' | 'REFUSED' {
  if (r.stopped && /^refused/i.test(r.stopped)) return 'REFUSED';
  return counts(r.results).fail > 0 || r.stopped ? 'FAILED' : 'PASSED';
}

/** The console's line for a finished scenario. */
export function progressLine(r: ScenarioResult): string {
  const head = `${WORD[r.outcome]}  ${r.id.padEnd(15)} ${seconds(r.ms).padStart(7)}`;
  const tail = r.outcome === 'pass' ? (r.details[0] ?? '') : (r.reason ?? '');
  return `${head}  ${r.outcome === 'fail' ? `failed: ${tail}` : tail}`.trimEnd();
}

export function summaryLine(r: PaperReport): string {
  const c = counts(r.results);
  return `${verdict(r)}: ${c.pass} passed, ${c.fail} failed, ${c.skip} skipped in ${seconds(r.finishedAt - r.startedAt)}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export const money = (n: number | null | undefined): string =>
  n === null || n === undefined
    ? '-'
    : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function accountTable(r: PaperReport): string[] {
  const names = [
    ...new Set([
      ...r.accounts,
      ...(r.before?.accounts.map((a) => a.account) ?? []),
      ...(r.after?.accounts.map((a) => a.account) ?? []),
    ]),
  ];
  if (names.length === 0 || (!r.before && !r.after)) return ['Not read (the suite stopped before).', ''];
  const out: string[] = [];
  const rows: [string, (p: PortfolioSnapshot['accounts'][number]) => number | null][] = [
    ['Net liquidation', (a) => a.netLiquidation],
    ['Total cash', (a) => a.totalCash],
    ['Buying power', (a) => a.buyingPower],
    ['Available funds', (a) => a.availableFunds],
    ['Gross position value', (a) => a.grossPositionValue],
    ['Unrealized P&L', (a) => a.unrealizedPnl],
    ['Realized P&L', (a) => a.realizedPnl],
  ];
  for (const name of names) {
    const b = r.before?.accounts.find((a) => a.account === name);
    const a = r.after?.accounts.find((x) => x.account === name);
    out.push(`### ${name}${b?.currency || a?.currency ? ` (${b?.currency ?? a?.currency})` : ''}`, '');
    out.push('| | before | after |', '|---|---:|---:|');
    for (const [label, pick] of rows)
      out.push(`| ${label} | ${b ? money(pick(b)) : '-'} | ${a ? money(pick(a)) : '-'} |`);
    const positions = (p: PortfolioSnapshot | null) =>
      p?.positions
        .filter((x) => x.account === name)
        .map((x) => `${x.contract.symbol} ${x.position}`)
        .join(', ') || (p ? 'none' : '-');
    out.push(`| Positions | ${cell(positions(r.before))} | ${cell(positions(r.after))} |`, '');
  }
  return out;
}

export function renderReport(r: PaperReport): string {
  const c = counts(r.results);
  const out: string[] = [
    '# IBDesk paper-trading acceptance report',
    '',
    `**${summaryLine(r)}**`,
    '',
    `- IBDesk: ${r.ibdeskVersion}`,
    `- Target: ${r.target}`,
    `- Server version: ${r.serverVersion ?? 'not read'}`,
    `- Accounts: ${r.accounts.length > 0 ? r.accounts.join(', ') : 'not read'}`,
    `- Started: ${new Date(r.startedAt).toISOString()}, finished: ${new Date(r.finishedAt).toISOString()} (${seconds(r.finishedAt - r.startedAt)})`,
  ];
  if (r.market) out.push(`- Market: ${r.market}`);
  if (r.stopped) out.push(`- Stopped: ${r.stopped}`);
  out.push('', '## Scenarios', '', '| # | Scenario | Result | Time |', '|---:|---|---|---:|');
  r.results.forEach((s, i) =>
    out.push(`| ${i + 1} | ${cell(s.title)} (\`${s.id}\`) | ${WORD[s.outcome]} | ${seconds(s.ms)} |`),
  );
  out.push('', `${c.pass} passed, ${c.fail} failed, ${c.skip} skipped.`, '', '## What each scenario saw', '');
  for (const s of r.results) {
    out.push(`### ${WORD[s.outcome]} — ${s.title} (${seconds(s.ms)})`, '');
    if (s.reason) out.push(`${s.outcome === 'fail' ? 'Failed' : 'Skipped'}: ${s.reason}`, '');
    for (const d of s.details) out.push(`- ${d}`);
    if (s.details.length > 0) out.push('');
  }
  out.push('## Account before and after', '', ...accountTable(r));
  if (r.cleanup.length > 0) out.push('## Clean-up', '', ...r.cleanup.map((l) => `- ${l}`), '');
  if (r.files.length > 0) out.push('## Files', '', ...r.files.map((f) => `- ${f}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}
