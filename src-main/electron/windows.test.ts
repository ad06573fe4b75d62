import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { silentLogger } from '../../src-shared/logger';
import {
  createWindowManager,
  focusSteps,
  parseWindowStates,
  paneUrl,
  type WindowLike,
  type WindowStates,
} from './windows';

vi.mock('electron', () => ({}));

let nextId = 1;
class FakeWindow extends EventEmitter {
  readonly webContents = { id: nextId++ };
  url = '';
  minimized = false;
  visible = false;
  maximized = false;
  destroyed = false;
  calls: string[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  maximize() {
    this.maximized = true;
  }
  show() {
    this.visible = true;
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  close() {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
  getNormalBounds = () => ({
    x: this.options.x ?? 50,
    y: this.options.y ?? 60,
    width: this.options.width ?? 0,
    height: this.options.height ?? 0,
  });
  async loadURL(url: string) {
    this.url = url;
  }
}

function setup(saved: unknown = null) {
  const windows: FakeWindow[] = [];
  const ours = new Set<number>();
  const written: WindowStates[] = [];
  const kinds: string[] = [];
  const m = createWindowManager({
    create: (o) => {
      const w = new FakeWindow(o);
      windows.push(w);
      return w as unknown as WindowLike;
    },
    preloadPath: '/app/preload.cjs',
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1040 }],
    ours,
    onWindow: (_w, kind) => kinds.push(kind),
    readState: async () => saved,
    writeState: async (s) => void written.push(s),
    log: silentLogger,
  });
  return { m, windows, ours, written, kinds };
}

describe('window states file', () => {
  it('reads the first version (main window only) and the per-pane document, dropping bad entries', () => {
    const main = { x: 1, y: 2, width: 1200, height: 800, maximized: true };
    expect(parseWindowStates(main)).toEqual({ main, panes: {} });
    expect(
      parseWindowStates({
        main,
        panes: { chart: { width: 700, height: 500, maximized: false }, 'Bad Id': main, log: { width: 'x' } },
      }),
    ).toEqual({ main, panes: { chart: { width: 700, height: 500, maximized: false } } });
    expect(parseWindowStates('garbage')).toEqual({ main: null, panes: {} });
  });
});

describe('single instance: bringing IBDesk forward', () => {
  it('creates, restores, shows or focuses as needed', () => {
    expect(focusSteps(null)).toEqual(['create']);
    expect(focusSteps({ minimized: true, visible: true })).toEqual(['restore', 'focus']);
    expect(focusSteps({ minimized: false, visible: false })).toEqual(['show', 'focus']);
    expect(focusSteps({ minimized: false, visible: true })).toEqual(['focus']);
  });
});

describe('window manager', () => {
  it('opens the main window hardened, at its remembered place, registered for IPC', async () => {
    const { m, windows, ours } = setup({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
    const win = (await m.openMain()) as unknown as FakeWindow;
    expect(win.url).toBe('app://ibdesk/index.html');
    expect(win.options).toMatchObject({ x: 100, y: 80, width: 1200, height: 800, show: false });
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(ours.has(win.webContents.id)).toBe(true);
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
    expect(windows).toHaveLength(1);
  });

  it('tears panes off into their own windows with ?pane=, each one of ours', async () => {
    const s = setup(null);
    await s.m.openMain();
    await s.m.openPane('chart');
    await s.m.openPane('log');
    expect(s.kinds).toEqual(['main', 'pane', 'pane']);
    expect(s.windows.map((w) => w.url)).toEqual([
      'app://ibdesk/index.html',
      'app://ibdesk/index.html?pane=chart',
      'app://ibdesk/index.html?pane=log',
    ]);
    expect([...s.ours].map((id) => s.m.kindOf(id))).toEqual(['main', 'pane', 'pane']);
    for (const w of s.windows)
      expect(w.options.webPreferences).toMatchObject({ sandbox: true, preload: '/app/preload.cjs' });
    expect(paneUrl('order-entry')).toBe('app://ibdesk/index.html?pane=order-entry');
  });

  it('a second request for the same pane focuses its window; closing saves its state', async () => {
    const s = setup({ panes: { chart: { x: 300, y: 200, width: 900, height: 600, maximized: false } } });
    await s.m.openMain();
    await s.m.openPane('chart');
    const chart = s.windows[1]!;
    expect(chart.url).toBe('app://ibdesk/index.html?pane=chart');
    expect(chart.options).toMatchObject({ x: 300, y: 200, width: 900, height: 600, minWidth: 320 });
    expect(chart.options.title).toBe('Chart — IBDesk');
    chart.minimized = true;
    await s.m.openPane('chart');
    expect(s.windows).toHaveLength(2);
    expect(chart.calls).toEqual(['restore', 'focus']);
    chart.close();
    await s.m.saveAll();
    expect(s.written.at(-1)!.panes.chart).toEqual({
      x: 300,
      y: 200,
      width: 900,
      height: 600,
      maximized: false,
    });
    expect(s.ours.has(chart.webContents.id)).toBe(false);
    await s.m.openPane('chart');
    expect(s.windows).toHaveLength(3);
  });

  it('a pane never opened before gets the pane default size; bad ids and too many windows are refused', async () => {
    const s = setup(null);
    await s.m.openPane('log');
    expect(s.windows[0]!.options).toMatchObject({ width: 760, height: 520 });
    await expect(s.m.openPane('../evil')).rejects.toMatchObject({ code: 'VALIDATION' });
    for (let i = 0; i < 11; i++) await s.m.openPane(`p${i}`);
    await expect(s.m.openPane('one-too-many')).rejects.toMatchObject({ code: 'LIMIT' });
  });

  it('closing the main window closes its torn-off panes and remembers every window', async () => {
    const s = setup(null);
    const main = (await s.m.openMain()) as unknown as FakeWindow;
    await s.m.openPane('chart');
    main.close();
    await s.m.saveAll();
    expect(s.windows[1]!.destroyed).toBe(true);
    const last = s.written.at(-1)!;
    expect(last.main).toMatchObject({ width: 1440, height: 900 });
    expect(last.panes.chart).toMatchObject({ width: 760, height: 520 });
    expect(s.m.main()).toBeNull();
    await s.m.showMain();
    expect(s.windows).toHaveLength(3);
  });
});
