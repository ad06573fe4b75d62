// Every CLI command end to end against the demo gateway: --demo (its own embedded gateway) and --port (a shared
// gateway, so orders placed by one invocation can be cancelled and seen by the next), with --json and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src-main/cli/exit';
import { startDemoGateway } from '../../src-main/demo-profile';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { cli } from '../support/cli-io';
import { AAPL, startGateway } from '../support/trading-harness';

const demo = { startDemo: startDemoGateway };

describe('ibdesk --demo', () => {
  it('scan prints 20 ranked rows and writes the same rows to result.txt', async () => {
    const r = await cli(['--demo', 'scan'], demo);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Rank\s+Symbol\s+Exchange\s+Currency\s+Last\s+Change %\s+Volume$/);
    expect(lines).toHaveLength(22);
    expect(lines.slice(2).map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const l of lines.slice(2)) expect(l).toMatch(/USD\s+\d+\.\d\d\s+[+-]\d+\.\d\d%\s+[\d,]+$/);
    expect(await readFile(path.join(r.cwd, 'result.txt'), 'utf8')).toBe(r.stdout);
    expect(r.stderr).toMatch(/20 rows of TOP_PERC_GAIN/);
  });

  it('scan takes --code/--location/--rows/--out and --json', async () => {
    const r = await cli(
      ['--demo', '--json', 'scan', '--code', 'MOST_ACTIVE', '--rows', '5', '--out', 'top.json'],
      demo,
    );
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout) as { rows: { rank: number; symbol: string; volume: number }[] };
    expect(doc.rows).toHaveLength(5);
    expect(doc.rows[0]!.volume).toBeGreaterThanOrEqual(doc.rows[4]!.volume);
    expect(JSON.parse(await readFile(path.join(r.cwd, 'top.json'), 'utf8'))).toEqual(doc);
  });

  it('quote, history and contract', async () => {
    const q = await cli(['--demo', 'quote', 'AAPL', 'MSFT'], demo);
    expect(q.code).toBe(EXIT.ok);
    expect(q.stdout).toMatch(/^AAPL\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d/m);
    expect(q.stdout).toMatch(/^MSFT\s/m);
    const qj = JSON.parse((await cli(['--demo', '--json', 'quote', 'AAPL'], demo)).stdout) as {
      quotes: { symbol: string; last: number }[];
    };
    expect(qj.quotes[0]!.last).toBeGreaterThan(0);

    // A day in seconds, not "1 D": the demo's day just after midnight New York time holds a handful of bars.
    const h = await cli(['--demo', 'history', 'AAPL', '--duration', '86400 S', '--bar', '5 mins'], demo);
    expect(h.code).toBe(EXIT.ok);
    expect(h.stdout.split('\n').length).toBeGreaterThan(50);
    const hj = JSON.parse(
      (
        await cli(
          [
            '--demo',
            '--json',
            'history',
            'AAPL',
            '--duration',
            '2 D',
            '--bar',
            '1 hour',
            '--what',
            'MIDPOINT',
          ],
          demo,
        )
      ).stdout,
    ) as { bars: unknown[] };
    expect(hj.bars.length).toBeGreaterThan(10);

    const c = await cli(['--demo', 'contract', 'AAPL'], demo);
    expect(c.code).toBe(EXIT.ok);
    expect(c.stdout).toMatch(/265598\s+AAPL\s+STK/);
    const missing = await cli(['--demo', 'contract', 'NOSUCHX'], demo);
    expect(missing.code).toBe(EXIT.rejected);
    expect(missing.stderr).toMatch(/NOSUCHX/);
  });
});

describe('ibdesk against a running gateway', () => {
  let gw: DemoGateway;
  let cwd = '';
  const at = (...args: string[]) => ['--port', String(gw.port), ...args];

  beforeAll(async () => {
    gw = await startGateway();
    cwd = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-cli-gw-'));
  });
  afterAll(async () => {
    await gw.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it('order asks to confirm, and sends nothing when the answer is no', async () => {
    const before = gw.ordersReceived().length;
    const r = await cli(at('order', 'buy', '2', 'AAPL'), { cwd, input: 'n\n' });
    expect(r.code).toBe(EXIT.aborted);
    expect(r.stderr).toMatch(/Send BUY 2 AAPL MKT DAY for account DU1234567/);
    expect(gw.ordersReceived().length).toBe(before);
  });

  it('order buys at market once confirmed, and positions and account show it', async () => {
    const r = await cli(at('order', 'buy', '3', 'AAPL'), { cwd, input: 'y\n' });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^Order \d+: Filled, filled 3 @ \d+\.\d\d/);
    const p = await cli(at('positions'), { cwd });
    expect(p.code).toBe(EXIT.ok);
    expect(p.stdout).toMatch(/DU1234567\s+AAPL\s+3\s/);
    const pj = JSON.parse((await cli(at('--json', 'positions'), { cwd })).stdout) as {
      positions: { contract: { symbol: string }; position: number }[];
    };
    expect(pj.positions.find((x) => x.contract.symbol === 'AAPL')?.position).toBe(3);
    const a = await cli(at('account'), { cwd });
    expect(a.code).toBe(EXIT.ok);
    expect(a.stdout).toMatch(/Account DU1234567 \(USD\)/);
    expect(a.stdout).toMatch(/Net liquidation\s+\d+\.\d\d/);
    const aj = JSON.parse((await cli(at('--json', 'account'), { cwd })).stdout) as {
      accounts: { netLiquidation: number }[];
    };
    expect(aj.accounts[0]!.netLiquidation).toBeGreaterThan(0);
  });

  it('a resting limit order is cancelled by id from another invocation', async () => {
    const q = gw.quote(AAPL.conId)!;
    const limit = (Math.round(q.bid * 0.95 * 100) / 100).toFixed(2);
    const placed = await cli(
      at('--json', 'order', 'buy', '4', 'AAPL', '--limit', limit, '--tif', 'GTC', '--yes'),
      { cwd },
    );
    expect(placed.code).toBe(EXIT.ok);
    const doc = JSON.parse(placed.stdout) as { orderIds: number[]; order: { status: string } };
    expect(['Submitted', 'PreSubmitted']).toContain(doc.order.status);
    const id = doc.orderIds[0]!;
    const cancelled = await cli(at('cancel', String(id)), { cwd });
    expect(cancelled.code).toBe(EXIT.ok);
    expect(cancelled.stdout).toMatch(new RegExp(`^Order ${id}: Cancelled`));
    expect(gw.orders().find((o) => o.orderId === id)?.status).toBe('Cancelled');
    const again = await cli(at('cancel', String(id)), { cwd });
    expect(again.code).toBe(EXIT.rejected);
  });

  it('cancel of an order TWS does not know exits 4', async () => {
    const r = await cli(at('cancel', '987654'), { cwd });
    expect(r.code).toBe(EXIT.rejected);
    expect(r.stderr).toMatch(/987654/);
  });

  it('order refused by the precautionary limits exits 4 and sends nothing', async () => {
    const before = gw.ordersReceived().length;
    const r = await cli(at('order', 'buy', '5000', 'AAPL', '--yes'), { cwd });
    expect(r.code).toBe(EXIT.rejected);
    expect(r.stderr).toMatch(/above this profile's limit/);
    expect(gw.ordersReceived().length).toBe(before);
  });
});

describe('the ibdesk binary', () => {
  it('runs the built CLI with exit codes (bin/ibdesk.js → dist/main/cli.js)', async () => {
    const root = process.cwd();
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--main-only', '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-bin-'));
    try {
      const env = { ...process.env, IBDESK_DATA_DIR: path.join(cwd, 'data') };
      const ok = spawnSync(
        process.execPath,
        [path.join(root, 'bin', 'ibdesk.js'), '--demo', 'scan', '--rows', '20'],
        { cwd, env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(ok.status).toBe(0);
      expect(ok.stdout.trimEnd().split('\n')).toHaveLength(22);
      expect(await readFile(path.join(cwd, 'result.txt'), 'utf8')).toBe(ok.stdout);
      const bad = spawnSync(
        process.execPath,
        [path.join(root, 'bin', 'ibdesk.js'), '--port', '1', 'quote', 'AAPL'],
        { cwd, env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(bad.status).toBe(3);
      expect(bad.stderr).toMatch(/nothing is listening on port 1/);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  }, 90_000);
});
