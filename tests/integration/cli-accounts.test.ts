// The command line on a login with several accounts (a demo gateway started with two, over TCP): `order … --account`
// trades that account, an order without it goes to the first one, positions and account show every account or the
// one asked for, an account the login does not have is a usage error that sends nothing; and `--demo
// --demo-accounts` starts the embedded gateway with those accounts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src-main/cli/exit';
import { startDemoGateway } from '../../src-main/demo-profile';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { cli } from '../support/cli-io';
import { startGateway } from '../support/trading-harness';

const A1 = 'DU1111111';
const A2 = 'DU2222222';

describe('ibdesk on several accounts', () => {
  let gw: DemoGateway;
  let cwd = '';
  const at = (...args: string[]) => ['--port', String(gw.port), ...args];

  beforeAll(async () => {
    gw = await startGateway({ accounts: [A1, A2] });
    cwd = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-cli-accounts-'));
  });
  afterAll(async () => {
    await gw.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it('order --account trades that account; without it, the first one', async () => {
    const r = await cli(at('order', 'buy', '2', 'MSFT', '--account', A2), { cwd, input: 'y\n' });
    expect(r.stderr).toMatch(new RegExp(`Send BUY 2 MSFT MKT DAY for account ${A2}`));
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/Filled, filled 2/);
    const d = await cli(at('order', 'buy', '1', 'IBM', '--yes'), { cwd });
    expect(d.code).toBe(EXIT.ok);
    expect(gw.positions(A2).map((p) => [p.symbol, p.position])).toEqual([['MSFT', 2]]);
    expect(gw.positions(A1).map((p) => [p.symbol, p.position])).toEqual([['IBM', 1]]);
    expect(gw.executions(A2).every((e) => e.symbol === 'MSFT')).toBe(true);
  });

  it('positions and account show every account, or the one --account names', async () => {
    const all = await cli(at('positions'), { cwd });
    expect(all.code).toBe(EXIT.ok);
    expect(all.stdout).toMatch(new RegExp(`${A2}\\s+MSFT\\s+2\\s`));
    expect(all.stdout).toMatch(new RegExp(`${A1}\\s+IBM\\s+1\\s`));
    const one = await cli(at('positions', '--account', A2), { cwd });
    expect(one.stdout).toMatch(/MSFT/);
    expect(one.stdout).not.toMatch(/IBM|DU1111111/);
    const accounts = await cli(at('account'), { cwd });
    expect(accounts.stdout).toMatch(new RegExp(`Account ${A1} \\(USD\\)`));
    expect(accounts.stdout).toMatch(new RegExp(`Account ${A2} \\(USD\\)`));
    const json = JSON.parse((await cli(at('--json', 'account', '--account', A1), { cwd })).stdout) as {
      accounts: { account: string }[];
    };
    expect(json.accounts.map((a) => a.account)).toEqual([A1]);
  });

  it('an account this login does not have is a usage error, and nothing is sent', async () => {
    const before = gw.ordersReceived().length;
    const r = await cli(at('order', 'buy', '1', 'AAPL', '--account', 'DU9999999', '--yes'), { cwd });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(
      /--account DU9999999 is not one of this login's accounts \(DU1111111, DU2222222\)/,
    );
    expect(gw.ordersReceived().length).toBe(before);
    const bad = await cli(at('positions', '--account', 'DU 1'), { cwd });
    expect(bad.code).toBe(EXIT.usage);
  });

  it('--demo --demo-accounts starts the embedded gateway with those accounts', async () => {
    const r = await cli(['--demo', '--demo-accounts', `${A1},${A2}`, '--json', 'account'], {
      startDemo: startDemoGateway,
    });
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout) as { accounts: { account: string }[] };
    expect(doc.accounts.map((a) => a.account).sort()).toEqual([A1, A2]);
    const misuse = await cli(['--demo-accounts', A1, 'account'], { startDemo: startDemoGateway });
    expect(misuse.code).toBe(EXIT.usage);
  });
});
