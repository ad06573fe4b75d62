// The web host under hostile local clients, from outside, as another process on the machine would try it:
// malformed request targets, resets at every stage of the handshake, half-open and never-reading clients, floods of
// refused upgrades, then SIGTERM with clients left in every bad state. Run twice: the web host program (which has
// crash handlers, so an error would show as "Unhandled … in main" in its log) and startWebHost embedded in a
// program with no crash handler at all (where an error ends it). Open file handles of the host process are
// counted from /proc/<pid>/fd before and after.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bundle } from '../support/bundle';
import {
  exchange,
  inParallel,
  linger,
  plainRequest,
  sendThenReset,
  upgradeRequest,
  type Lingering,
} from '../support/hostile-client';
import { sleep, waitFor } from '../support/wait';
import { windowIsServed } from '../support/web-window';

const CACHE = path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests', 'hostile');
/** File handles the host may open or close on its own meanwhile (a log file, a timer's fd): "± a few". */
const FD_SLACK = 5;
const UNHANDLED = /Unhandled (exception|promise rejection)|EMBED (uncaughtException|unhandledRejection)/;

const targets = [
  {
    name: 'the web host program',
    entry: 'src-main/web/main.ts',
    args: (dataDir: string) => ['--port', '0', '--data-dir', dataDir, '--no-connect'],
  },
  {
    name: 'startWebHost embedded with no crash handler',
    entry: 'tests/support/web-host-embed-child.ts',
    args: (dataDir: string) => [dataDir],
  },
];

describe.each(targets)('$name under hostile local clients', (target) => {
  let proc: ChildProcess;
  let out = '';
  let dataDir = '';
  let port = 0;
  let token = '';
  let baseline = 0;
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;

  const fds = (): number => readdirSync(`/proc/${proc.pid}/fd`).length;
  /** The handle count once the host has finished closing what the clients left (bounded wait). */
  const settledFds = async (): Promise<number> => {
    const deadline = Date.now() + 5000;
    while (fds() > baseline + FD_SLACK && Date.now() < deadline) await sleep(50);
    return fds();
  };
  const origin = () => `http://127.0.0.1:${port}`;

  /** A well-behaved window: connects with the token and gets an answer to a request. */
  const healthy = (): Promise<boolean> => windowIsServed(`127.0.0.1:${port}`, token);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-hostile-'));
    const entry = await bundle(target.entry, CACHE);
    proc = spawn(process.execPath, [entry, ...target.args(dataDir)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    exit = new Promise((resolve) =>
      proc.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    const url = new URL(
      await waitFor(() => /IBDesk web host: (\S+)/.exec(out)?.[1], `the URL (${out})`, 20_000),
    );
    port = Number(url.port);
    token = url.searchParams.get('token')!;
    // Warm up what the host opens lazily (the page, one window, one refusal), then take the baseline.
    await exchange(port, plainRequest(port, '/', { Connection: 'close' }));
    expect(await healthy()).toBe(true);
    await exchange(port, upgradeRequest(port, '/api'));
    await sleep(300);
    baseline = fds();
  }, 40_000);

  afterAll(async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exit;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every malformed request target and header with a 4xx and closes the connection', async () => {
    // CONNECT is answered too (405): Node alone would drop it without a word.
    const cases: [string, string, number | 'any 4xx'][] = [
      ['upgrade to http://[/api', upgradeRequest(port, 'http://[/api'), 400],
      ['upgrade to http://%zz/api', upgradeRequest(port, 'http://%zz/api'), 400],
      ['upgrade with port 99999', upgradeRequest(port, 'http://127.0.0.1:99999/api'), 400],
      [
        'absolute-form with the token',
        upgradeRequest(port, `http://127.0.0.1:${port}/api?token=${token}`),
        400,
      ],
      ['upgrade to //evil.example/api', upgradeRequest(port, '//evil.example/api'), 400],
      ['upgrade to *', upgradeRequest(port, '*'), 'any 4xx'],
      ['upgrade to /%zz', upgradeRequest(port, '/%zz'), 404],
      ['a token that does not decode', upgradeRequest(port, '/api?token=%zz'), 401],
      ['no Host', upgradeRequest(port, `/api?token=${token}`, { Host: null }), 421],
      ['an opaque Origin', upgradeRequest(port, `/api?token=${token}`, { Origin: 'null' }), 403],
      ['no key', upgradeRequest(port, `/api?token=${token}`, { 'Sec-WebSocket-Key': null }), 400],
      [
        'a bad subprotocol',
        upgradeRequest(port, `/api?token=${token}`, { 'Sec-WebSocket-Protocol': ',,"' }),
        400,
      ],
      [
        'a header without a colon',
        `GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nnonsense\r\n\r\n`,
        'any 4xx',
      ],
      ['20 KB of headers', upgradeRequest(port, '/api', { Cookie: 'c='.padEnd(20_000, 'x') }), 'any 4xx'],
      ['CONNECT', `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n`, 405],
      ['GET http://[/', plainRequest(port, 'http://[/', { Connection: 'close' }), 'any 4xx'],
      ['GET /%zz', plainRequest(port, '/%zz', { Connection: 'close' }), 400],
      ['GET //evil.example/', plainRequest(port, '//evil.example/', { Connection: 'close' }), 400],
      ['GET with a bad port', plainRequest(port, 'http://127.0.0.1:99999/', { Connection: 'close' }), 400],
    ];
    for (const [what, request, expected] of cases) {
      const r = await exchange(port, request);
      if (expected === 'any 4xx') expect(r.status, what).toBeGreaterThanOrEqual(400);
      if (expected === 'any 4xx') expect(r.status, what).toBeLessThan(500);
      else expect(r.status, what).toBe(expected);
      expect(r.closedByHost, `${what}: closed by the host`).toBe(true);
    }
    expect(await healthy()).toBe(true);
    expect(await settledFds()).toBeLessThanOrEqual(baseline + FD_SLACK);
    expect(out).not.toMatch(UNHANDLED);
  });

  it('survives resets at every stage of the handshake', async () => {
    const valid = upgradeRequest(port, `/api?token=${token}`, { Origin: origin() });
    const stages: [string, () => Promise<void>][] = [
      ['connected, nothing sent', () => sendThenReset(port, [])],
      ['half a request line', () => sendThenReset(port, ['GET /api HT'])],
      ['a malformed upgrade', () => sendThenReset(port, [upgradeRequest(port, 'http://[/api')])],
      ['a refused upgrade (no token)', () => sendThenReset(port, [upgradeRequest(port, '/api')])],
      [
        'a refused upgrade, a moment later',
        () => sendThenReset(port, [upgradeRequest(port, '/api')], { waitMs: 2 }),
      ],
      ['a valid upgrade, before the 101', () => sendThenReset(port, [valid])],
      ['a valid upgrade, after the 101', () => sendThenReset(port, [valid], { untilStatus: true })],
      [
        'half a frame',
        () => sendThenReset(port, [valid, Buffer.from([0x81, 0xfe, 0x00])], { untilStatus: true }),
      ],
      ['mid-response of the page', () => sendThenReset(port, [plainRequest(port, '/')])],
    ];
    for (const [, run] of stages) for (let i = 0; i < 20; i++) await run();
    expect(await healthy()).toBe(true);
    expect(await settledFds()).toBeLessThanOrEqual(baseline + FD_SLACK);
    expect(out).not.toMatch(UNHANDLED);
  });

  it('answers and closes half-open clients, and drops never-reading ones', async () => {
    const refused = await exchange(port, upgradeRequest(port, '/api'), { halfClose: true });
    expect(refused).toEqual({ status: 401, closedByHost: true });
    const malformed = await exchange(port, upgradeRequest(port, 'http://%zz/api'), { halfClose: true });
    expect(malformed).toEqual({ status: 400, closedByHost: true });
    const accepted = await exchange(port, upgradeRequest(port, `/api?token=${token}`), { halfClose: true });
    expect(accepted).toEqual({ status: 101, closedByHost: true });
    // 50 clients that send a refused or malformed upgrade and never read: the host closes its end of each.
    const deaf: Lingering[] = [];
    for (let i = 0; i < 50; i++)
      deaf.push(await linger(port, 'deaf', upgradeRequest(port, i % 2 ? '/api' : 'http://[/api')));
    expect(await settledFds()).toBeLessThanOrEqual(baseline + FD_SLACK);
    for (const d of deaf) d.close();
    expect(out).not.toMatch(UNHANDLED);
  });

  it('keeps its file handles and its log after 1,000 malformed and 1,000 refused-then-reset upgrades', async () => {
    const before = fds();
    const refusalsBefore = out.split('WebSocket refused').length;
    const started = Date.now();
    await inParallel(1000, 25, (i) =>
      exchange(
        port,
        upgradeRequest(port, ['http://[/api', 'http://%zz/api', 'http://127.0.0.1:99999/api'][i % 3]!),
      ),
    );
    await inParallel(1000, 25, () => sendThenReset(port, [upgradeRequest(port, '/api')]));
    const after = await settledFds();
    console.log(
      `${target.name}: 2,000 hostile upgrades in ${Date.now() - started} ms; fds ${baseline} at start, ${before} before, ${after} after`,
    );
    expect(after).toBeLessThanOrEqual(baseline + FD_SLACK);
    expect(await healthy()).toBe(true);
    // Refusals are logged, but 2,000 of them are not 2,000 lines in every window's Log pane.
    expect(out.split('WebSocket refused').length - refusalsBefore).toBeLessThan(50);
    expect(out).not.toMatch(UNHANDLED);
  }, 60_000);

  it('exits 0 within 5 s of SIGTERM with clients idle, mid-upgrade, half-open, deaf and connected', async () => {
    const left: Lingering[] = [];
    for (let i = 0; i < 3; i++) {
      left.push(await linger(port, 'idle'));
      left.push(await linger(port, 'partial'));
      left.push(await linger(port, 'halfOpen', upgradeRequest(port, '/api')));
      left.push(await linger(port, 'deaf', upgradeRequest(port, '/api')));
      left.push(
        await linger(port, 'deaf', upgradeRequest(port, `/api?token=${token}`, { Origin: origin() })),
      );
    }
    const window = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, {
      headers: { Origin: origin() },
    });
    await new Promise((resolve, reject) => window.once('open', resolve).once('error', reject));
    window.on('error', () => undefined);
    await sleep(200);
    const sent = Date.now();
    proc.kill('SIGTERM');
    const done = await Promise.race([exit, sleep(8000).then(() => null)]);
    for (const l of left) l.close();
    window.terminate();
    expect(done, `still running 8 s after SIGTERM:\n${out.slice(-2000)}`).not.toBeNull();
    console.log(
      `${target.name}: exited ${done!.at - sent} ms after SIGTERM with ${left.length + 1} clients left`,
    );
    expect(done!.at - sent).toBeLessThan(5000);
    expect(done!.code, out.slice(-2000)).toBe(0);
    expect(out).not.toMatch(UNHANDLED);
  }, 20_000);
});
