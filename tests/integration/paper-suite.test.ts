// Issue #10's CI half: `npm run test:paper`'s runner against the demo gateway. Without IBDESK_PAPER it runs on the
// embedded gateway and every scenario must pass (none skipped); with IBDESK_PAPER pointing at a demo gateway it
// takes the real-TWS path (a profile, the account guard), which is how the refusal and the market-closed skip are
// exercised end to end.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { runPaperSuite, type PaperDeps, type PaperRun } from '../../src-main/paper/run';
import { PAPER_EXIT } from '../../src-main/paper/suite';
import { startGateway } from '../support/trading-harness';
import { capturedStream } from '../support/captured-stream';

let gw: DemoGateway | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await gw?.close();
  gw = null;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

type Ran = PaperRun & { stdout: string; stderr: string; outDir: string };

async function paper(args: string[], env: Record<string, string>, deps: PaperDeps = {}): Promise<Ran> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-paper-test-'));
  dirs.push(outDir);
  const stdout = capturedStream();
  const stderr = capturedStream();
  const run = await runPaperSuite(
    ['--out-dir', outDir, ...args],
    { stdout: stdout.stream, stderr: stderr.stream, cwd: outDir, env },
    deps,
  );
  return { ...run, stdout: stdout.text(), stderr: stderr.text(), outDir };
}

describe('npm run test:paper against the demo gateway', () => {
  it('runs every scenario on the embedded demo gateway, none skipped, and writes the report and result.txt', async () => {
    const r = await paper([], {});
    const results = r.report!.results;
    console.log(r.stderr);
    expect(results.map((x) => x.id)).toEqual([
      'connect',
      'account-before',
      'contracts',
      'quotes',
      'history',
      'scanner',
      'order-limit',
      'order-fill',
      'reconnect',
      'account-after',
    ]);
    for (const x of results)
      expect({ id: x.id, outcome: x.outcome, reason: x.reason }).toEqual({
        id: x.id,
        outcome: 'pass',
        reason: null,
      });
    expect(r.code).toBe(PAPER_EXIT.ok);

    const md = await readFile(path.join(r.outDir, 'paper-report.md'), 'utf8');
    expect(md).toContain('**PASSED: 10 passed, 0 failed, 0 skipped in ');
    expect(md).toMatch(/- Target: the embedded demo gateway \(127\.0\.0\.1:\d+, client id 1\)/);
    expect(md).toContain('- Server version: 193');
    expect(md).toContain('- Accounts: DU1234567');
    expect(md).toContain('| Net liquidation | 1,000,000.00 |');
    expect(r.stdout).toContain('# IBDesk paper-trading acceptance report');
    const saw = (id: string) => results.find((x) => x.id === id)!.details.join('\n');
    expect(saw('contracts')).toMatch(/future ES front month: ES[HMUZ]\d/);
    expect(saw('quotes')).toMatch(/snapshot MSFT: live/);
    expect(saw('order-limit')).toMatch(/modified to .* TWS shows the new price/);
    expect(saw('order-fill')).toMatch(/BUY 1 AAPL MKT: order \d+ filled 1 .* commission 1\.00 USD/);
    expect(saw('order-fill')).toMatch(/position AAPL: back to 0/);
    expect(saw('reconnect')).toMatch(/every one delivered again/);
    expect(saw('reconnect')).toMatch(/quotes 4, bars 1, scanner 1/);

    // result.txt: the three scans in the CLI's (the seed script's) table.
    const text = await readFile(path.join(r.outDir, 'result.txt'), 'utf8');
    const sections = text.split(/\n(?=[A-Z_]+ \(STK\.US\.MAJOR)/);
    expect(sections.map((s) => s.split(' ')[0])).toEqual(['TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME']);
    for (const s of sections) {
      const lines = s.trimEnd().split('\n');
      expect(lines[2]).toMatch(/^Rank\s+Symbol\s+Exchange\s+Currency\s+Last\s+Change %\s+Volume$/);
      expect(lines.slice(4)).toHaveLength(10);
      for (const l of lines.slice(4)) expect(l).toMatch(/USD\s+\d+\.\d\d\s+[+-]\d+\.\d\d%\s+[\d,]+$/);
    }
    expect(await readFile(path.join(r.outDir, 'paper-suite.log'), 'utf8')).toMatch(
      /Connected: server version 193/,
    );
  }, 150_000);

  it('through IBDESK_PAPER: delayed data is labelled, and outside market hours the fill is skipped while the rest runs', async () => {
    gw = await startGateway({ liveData: false });
    const monthAhead = () => Date.now() + 30 * 86_400_000; // past every session the instrument lists
    const r = await paper([], { IBDESK_PAPER: `127.0.0.1:${gw.port}:7` }, { now: monthAhead });
    const results = r.report!.results;
    console.log(r.stderr);
    const fill = results.find((x) => x.id === 'order-fill')!;
    expect(fill.outcome).toBe('skip');
    expect(fill.reason).toMatch(/^skipped: market closed \(AAPL regular hours: market closed/);
    expect(r.stderr).toMatch(/SKIP {2}order-fill .* skipped: market closed/);
    for (const x of results.filter((y) => y.id !== 'order-fill'))
      expect([x.id, x.outcome, x.reason]).toEqual([x.id, 'pass', null]);
    expect(r.code).toBe(PAPER_EXIT.ok);
    const quotes = results.find((x) => x.id === 'quotes')!.details.join('\n');
    for (const label of ['AAPL', 'SPY', 'EUR.USD'])
      expect(quotes).toMatch(new RegExp(`${label}: delayed — labelled as delayed`));
    expect(quotes).toMatch(/snapshot MSFT: delayed \(labelled as delayed\)/);
    expect(results[0]!.details.join('\n')).toMatch(/as client id 7 \(profile "Paper suite"\)/);
    // The LMT order went out (placed, modified); no MKT order did.
    const sent = gw.ordersReceived().filter((o) => o.clientId === 7);
    expect(sent.map((o) => o.orderType)).toEqual(['LMT', 'LMT']);
    expect(await readFile(path.join(r.outDir, 'paper-report.md'), 'utf8')).toContain(
      '- Market: skipped: market closed',
    );
  }, 150_000);

  it('refuses a live account after connecting, before placing anything, and exits 4', async () => {
    gw = await startGateway({ accounts: ['DU111', 'U7654321'] });
    const r = await paper([], { IBDESK_PAPER: `127.0.0.1:${gw.port}:8` });
    expect(r.code).toBe(PAPER_EXIT.refused);
    expect(r.stderr).toMatch(
      /REFUSED: account U7654321 is not paper \(IB paper account ids start with "D"\)/,
    );
    expect(r.report!.results.filter((x) => x.outcome === 'pass')).toEqual([]);
    expect(gw.ordersReceived()).toEqual([]);
    expect(await readFile(path.join(r.outDir, 'paper-report.md'), 'utf8')).toMatch(/\*\*REFUSED: /);
  }, 60_000);

  it('refuses a live default port before connecting unless told it is paper, and rejects a bad IBDESK_PAPER', async () => {
    for (const port of [7496, 4001]) {
      const r = await paper([], { IBDESK_PAPER: `127.0.0.1:${port}` });
      expect(r.code).toBe(PAPER_EXIT.refused);
      expect(r.stderr).toMatch(
        new RegExp(`REFUSED: port ${port} is a live-trading default.*--i-know-this-is-paper`),
      );
      expect(r.stderr).toContain('Nothing was connected and nothing was placed.');
      expect(r.report!.results).toEqual([]);
    }
    const bad = await paper([], { IBDESK_PAPER: '7497' });
    expect(bad.code).toBe(PAPER_EXIT.usage);
    expect(bad.stderr).toMatch(/IBDESK_PAPER must look like host:port/);
  });
});
