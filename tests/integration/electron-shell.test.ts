// The built Electron main bundle, run under plain Node with a recording stand-in for `electron`
// (tests/electron-shell/fake-electron.cjs): the shell's wiring end to end — single instance, hardened windows, IPC
// sender checks, tear-off windows, the menu's actions, tray, crash handling, window state and log files — without
// the Electron binary. What Electron itself does with these calls is not tested here.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../support/hardened-window';

const root = path.resolve(__dirname, '..', '..');
// Two folders below the root, as dist/main is: the bundle finds ../../assets as the packed app does.
const bundle = path.join(root, 'test-results', 'electron-shell', 'electron-main.cjs');
const hook = path.join(root, 'tests', 'electron-shell', 'hook.cjs');

type Rec = { type: string; [k: string]: unknown };

class Shell {
  readonly records: Rec[] = [];
  readonly output: string[] = [];
  private seq = 0;
  readonly exited: Promise<number | null>;
  constructor(readonly child: ChildProcess) {
    child.on('message', (m) => this.records.push(m as Rec));
    child.stdout?.on('data', (d) => this.output.push(String(d)));
    child.stderr?.on('data', (d) => this.output.push(String(d)));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }
  async waitFor(pred: (r: Rec) => boolean, what: string, timeoutMs = 10_000): Promise<Rec> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records.find(pred);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}\n${this.output.join('').slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  async send(cmd: Record<string, unknown>): Promise<Rec> {
    const seq = ++this.seq;
    this.child.send({ ...cmd, seq });
    const r = await this.waitFor((x) => x.type === 'reply' && x.seq === seq, `reply to ${String(cmd.cmd)}`);
    if (r.error) throw new Error(String(r.error));
    return r;
  }
  of(type: string): Rec[] {
    return this.records.filter((r) => r.type === type);
  }
}

let tmp: string;
function start(env: Record<string, string> = {}): Shell {
  return new Shell(
    fork(bundle, [], {
      execArgv: ['-r', hook],
      env: { ...process.env, FAKE_ELECTRON_DIR: tmp, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-shell-'));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  await build({
    entryPoints: [path.join(root, 'src-main', 'electron', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
    define: { __IBDESK_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('Electron shell (built bundle, stand-in electron)', () => {
  it('a second instance quits without opening a window', async () => {
    const s = start({ FAKE_LOCK: '0' });
    await s.waitFor((r) => r.type === 'quit', 'quit');
    s.child.kill();
    await s.exited;
    expect(s.of('window-created')).toEqual([]);
  });

  it('runs the desktop app: windows, IPC, menu, tray, crashes, state on quit', async () => {
    const s = start();
    try {
      // Start: the app:// scheme, one hardened main window, the menu, the tray.
      const main = await s.waitFor((r) => r.type === 'load', 'the main window to load');
      expect(main.url).toBe('app://ibdesk/index.html');
      const created = s.of('window-created')[0]!;
      expect(created.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      const menu = await s.waitFor((r) => r.type === 'menu', 'the application menu');
      expect(menu.labels).toEqual(['&File', '&Edit', '&View', '&Connection', '&Window', '&Help']);
      await s.waitFor((r) => r.type === 'tray-tooltip' && String(r.text).includes('Demo'), 'the tray');
      // The Demo profile connects to the embedded demo gateway: the tray follows.
      expect(s.of('tray-image')[0]!.image).toBe('disconnected.png');
      await s.waitFor(
        (r) => r.type === 'tray-image' && r.image === 'connected.png',
        'the tray to show connected',
      );

      // IPC: our window may tear off a pane; a foreign sender may not; params are validated.
      const opened = await s.send({
        cmd: 'invoke',
        window: 0,
        method: 'windows.open',
        params: { pane: 'chart' },
      });
      expect(opened.result).toEqual({ ok: true, value: null });
      await s.waitFor((r) => r.type === 'load' && r.url === 'app://ibdesk/index.html?pane=chart', 'the pane');
      // Every window, torn-off panes included, is made with the hardened flags.
      expect(s.of('window-created').length).toBeGreaterThanOrEqual(2);
      for (const w of s.of('window-created'))
        expect(w.webPreferences).toMatchObject(HARDENED_WEB_PREFERENCES);
      const foreign = await s.send({ cmd: 'invoke', window: 99, method: 'app.info', params: {} });
      expect(foreign.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const pane = await s.send({ cmd: 'invoke', window: 1, method: 'app.info', params: {} });
      expect(pane.result).toMatchObject({ ok: true, value: { host: 'electron' } });
      const bad = await s.send({
        cmd: 'invoke',
        window: 0,
        method: 'windows.open',
        params: { pane: '../x' },
      });
      expect(bad.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const diag = await s.send({ cmd: 'invoke', window: 0, method: 'app.diagnostics', params: {} });
      expect((diag.result as { value: { text: string } }).value.text).toContain('(desktop app)');

      // Menu: a pane command goes to the focused window, or to the main one from a torn-off pane.
      const mainId = created.id;
      await s.send({ cmd: 'focus', window: 1 });
      await s.send({ cmd: 'click', id: 'pane-log' });
      const command = await s.waitFor(
        (r) =>
          r.type === 'contents-send' &&
          Array.isArray(r.payload) &&
          r.payload.some((e: { event: string }) => e.event === 'command'),
        'a command event',
      );
      expect(command.id).toBe(mainId);
      expect(command.payload).toContainEqual({
        event: 'command',
        payload: { type: 'openPane', pane: 'log' },
      });
      await s.send({ cmd: 'click', id: 'copy-diagnostics' });
      const clip = await s.waitFor((r) => r.type === 'clipboard', 'the clipboard');
      expect(String(clip.text)).toMatch(/^IBDesk diagnostics/);
      await s.send({ cmd: 'click', id: 'about' });
      const about = await s.waitFor((r) => r.type === 'dialog' && r.title === 'About IBDesk', 'About');
      expect(String(about.detail)).toMatch(
        /^IBDesk \d+\.\d+\.\d+\nNode\.js [\d.]+\nTWS server version \d+ \(Demo\)$/,
      );
      await s.send({ cmd: 'click', id: 'open-logs' });
      expect((await s.waitFor((r) => r.type === 'open-path', 'open logs')).path).toBe(path.join(tmp, 'logs'));
      await s.send({ cmd: 'click', id: 'guide' });
      expect((await s.waitFor((r) => r.type === 'open-external', 'a help link')).url).toMatch(
        /^https:\/\/github\.com/,
      );

      // A fill at the demo gateway becomes an OS notification.
      const placed = await s.send({
        cmd: 'invoke',
        window: 0,
        method: 'orders.place',
        params: { contract: { symbol: 'AAPL' }, action: 'BUY', quantity: 1, orderType: 'MKT' },
      });
      expect(placed.result).toMatchObject({ ok: true });
      const fill = await s.waitFor((r) => r.type === 'notification', 'a fill notification');
      expect(fill.title).toBe('Bought 1 AAPL');
      expect(String(fill.body)).toMatch(/^at [\d.]+, order #\d+$/);

      // A second launch brings the (minimized) main window back.
      await s.send({ cmd: 'minimize', window: 0 });
      await s.send({ cmd: 'app-emit', event: 'second-instance', args: [[], '/'] });
      await s.waitFor((r) => r.type === 'restore' && r.id === mainId, 'restore');
      await s.waitFor((r) => r.type === 'focus' && r.id === mainId, 'focus');

      // A crashed renderer is reloaded; an error in main is shown, not fatal.
      await s.send({
        cmd: 'contents-emit',
        window: 0,
        event: 'render-process-gone',
        args: [{ reason: 'crashed', exitCode: 139 }],
      });
      await s.waitFor((r) => r.type === 'reload' && r.id === mainId, 'a reload');
      await s.send({ cmd: 'throw', message: 'something broke' });
      const crash = await s.waitFor(
        (r) => r.type === 'dialog' && r.title === 'IBDesk — unexpected error',
        'crash',
      );
      expect(crash.message).toBe('IBDesk hit an unexpected error: something broke');
      expect(String(crash.detail)).toContain(path.join(tmp, 'logs', 'ibdesk.log'));
      await s.send({ cmd: 'power', event: 'resume' });

      // Quit: clean shutdown, window positions saved, the log on disk.
      await s.send({ cmd: 'quit' });
      expect(await s.exited).toBe(0);
      const states = JSON.parse(readFileSync(path.join(tmp, 'userData', 'window-state.json'), 'utf8')) as {
        main: unknown;
        panes: Record<string, unknown>;
      };
      expect(states.main).toMatchObject({ width: 1440, height: 900 });
      expect(Object.keys(states.panes)).toEqual(['chart']);
      const logText = readFileSync(path.join(tmp, 'logs', 'ibdesk.log'), 'utf8');
      expect(logText).toContain('starting (electron host');
      expect(logText).toContain('Unhandled exception in main: something broke');
      expect(existsSync(path.join(tmp, 'logs'))).toBe(true);
    } finally {
      s.child.kill();
    }
  });
});
