// Nothing sensitive in the logs, checked the way an attacker with the log folder (or a diagnostics paste) would:
// run the real web host program with its embedded demo gateway, use it (a window, a refused connection with a
// wrong token, an order, a live-confirmation attempt), stop it, then grep its log file and its console. The token
// appears once on the console (the URL printed at start) and never in the log; account ids only masked.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bundle } from '../support/bundle';
import { waitFor } from '../support/wait';
import { watchChild } from '../support/child-output';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const ACCOUNT = 'DU1234567'; // the embedded demo gateway's account

function call(
  ws: WebSocket,
  id: number,
  method: string,
  params: unknown = {},
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (d: WebSocket.RawData) => {
      const m = JSON.parse(d.toString()) as { id?: number };
      if (m.id === id) {
        ws.off('message', onMessage);
        resolve(m as never);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('secrets in logs', () => {
  it('after a session the log file holds no token and no whole account id', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-logs-'));
    dirs.push(dataDir);
    const entry = await bundle(
      'src-main/web/main.ts',
      path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests'),
    );
    const proc = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const run = watchChild(proc);
    try {
      const url = new URL(
        await waitFor(
          () => /IBDesk web host: (\S+)/.exec(run.stdout)?.[1],
          `the URL on stdout (${run.stderr})`,
          20_000,
        ),
      );
      const token = url.searchParams.get('token')!;
      expect(token.length).toBeGreaterThan(20);
      const origin = `http://${url.host}`;

      // A refused attempt (wrong token) and a page load with the token in the URL.
      const refused = new WebSocket(`ws://${url.host}/api?token=${token.slice(0, -2)}zz`, {
        headers: { Origin: origin },
      });
      await new Promise((r) => refused.once('unexpected-response', r).once('error', r));
      await fetch(url).catch(() => undefined);

      const ws = new WebSocket(`ws://${url.host}/api?token=${token}`, { headers: { Origin: origin } });
      await new Promise((r, j) => ws.once('open', r).once('error', j));
      let id = 0;
      const ready = await (async () => {
        const deadline = Date.now() + 25_000;
        for (;;) {
          const s = await call(ws, ++id, 'connection.status');
          if ((s.value as { state?: string })?.state === 'ready') return true;
          if (Date.now() > deadline) return false;
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      expect(ready, 'the demo profile connected').toBe(true);
      const placed = await call(ws, ++id, 'orders.place', {
        contract: { symbol: 'AAPL' },
        action: 'BUY',
        quantity: 1,
        orderType: 'MKT',
      });
      expect(placed.ok, JSON.stringify(placed)).toBe(true);
      await call(ws, ++id, 'orders.confirmLive', { typed: 'U0000001' });
      await call(ws, ++id, 'app.diagnostics');
      ws.close();
      await new Promise((r) => setTimeout(r, 1_000));
      proc.kill('SIGTERM');
      expect(await run.exited).toBe(0);

      const logDir = path.join(dataDir, 'logs');
      const files = await readdir(logDir);
      expect(files).toContain('ibdesk.log');
      const log = (await Promise.all(files.map((f) => readFile(path.join(logDir, f), 'utf8')))).join('\n');
      expect(log.split('\n').length, 'a session worth of log lines').toBeGreaterThan(10);
      expect(log.includes(token), 'the token in the log file').toBe(false);
      expect(log.includes(token.slice(0, 12)), 'part of the token in the log file').toBe(false);
      expect(log.match(/\b(D?[UFI])\d{6,}\b/g) ?? [], 'whole account ids in the log file').toEqual([]);
      expect(log, 'the account is logged, masked').toContain('DU****567');
      expect(log).toMatch(/WebSocket refused: wrong token/);
      // The console: the URL line once, nothing else with the token, no whole account id.
      expect(run.stdout.split(token).length - 1, 'the token on the console').toBe(1);
      expect(run.stdout.includes(ACCOUNT), 'a whole account id on the console').toBe(false);
      console.log(`log file: ${log.split('\n').length} lines, no token, accounts masked`);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
  }, 60_000);
});
