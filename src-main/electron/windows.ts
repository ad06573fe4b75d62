// IBDesk's windows: the main window and panes torn off into their own windows (`windows.open`), each hardened the
// same way, registered as ours for IPC, and remembered (size, position, maximized) — the main window under
// "main", each pane under its id — in one window-state.json. Electron is injected (`create`), so the logic is
// tested with fake windows under plain Node.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { z } from 'zod';
import { AppError } from '../../src-shared/result';
import type { Logger } from '../../src-shared/logger';
import { APP_URL } from './app-protocol';
import { paneTitle } from './menu';
import { mainWindowOptions } from './window-options';
import { captureWindowState, restoreWindowState, WindowState, type Area } from './window-state';

export type WindowKind = 'main' | 'pane';

export type WindowStates = { main: WindowState | null; panes: Record<string, WindowState> };

const PANE_WINDOW_DEFAULT: WindowState = { width: 760, height: 520, maximized: false };
const MAX_PANE_WINDOWS = 12;
const PANE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Reads window-state.json; the first version held the main window's state alone. Bad entries are dropped. */
export function parseWindowStates(raw: unknown): WindowStates {
  const legacy = WindowState.safeParse(raw);
  if (legacy.success) return { main: legacy.data, panes: {} };
  const doc = z
    .object({ main: z.unknown(), panes: z.record(z.string(), z.unknown()) })
    .partial()
    .safeParse(raw);
  if (!doc.success) return { main: null, panes: {} };
  const main = WindowState.safeParse(doc.data.main);
  const panes: Record<string, WindowState> = {};
  for (const [id, value] of Object.entries(doc.data.panes ?? {})) {
    const parsed = WindowState.safeParse(value);
    if (PANE_ID.test(id) && parsed.success) panes[id] = parsed.data;
  }
  return { main: main.success ? main.data : null, panes };
}

/** The renderer shows a single pane when its URL says `?pane=<id>`. */
export function paneUrl(pane: string): string {
  return `${APP_URL}?pane=${encodeURIComponent(pane)}`;
}

/** What to do to bring a window forward (a second launch, the tray's "Show IBDesk"). */
export function focusSteps(
  w: { minimized: boolean; visible: boolean } | null,
): ('create' | 'restore' | 'show' | 'focus')[] {
  if (!w) return ['create'];
  if (w.minimized) return ['restore', 'focus'];
  if (!w.visible) return ['show', 'focus'];
  return ['focus'];
}

/** The part of BrowserWindow the manager uses (a fake in tests). */
export type WindowLike = Pick<
  BrowserWindow,
  | 'once'
  | 'on'
  | 'maximize'
  | 'show'
  | 'focus'
  | 'restore'
  | 'close'
  | 'isMinimized'
  | 'isVisible'
  | 'isMaximized'
  | 'isDestroyed'
  | 'getNormalBounds'
  | 'loadURL'
> & { readonly webContents: Pick<WebContents, 'id'> };

export interface WindowManager {
  openMain(): Promise<WindowLike>;
  /** Opens a pane in its own window, or brings its window forward when it is already open. */
  openPane(pane: string): Promise<void>;
  main(): WindowLike | null;
  /** Brings the main window forward, creating it when there is none. */
  showMain(): Promise<void>;
  kindOf(contentsId: number): WindowKind | null;
  /** Remembers every open window now (on quit: Electron may exit before their `close` writes finish). */
  saveAll(): Promise<void>;
}

export function createWindowManager(deps: {
  create: (options: BrowserWindowConstructorOptions) => WindowLike;
  preloadPath: string;
  iconPath?: string;
  workAreas: () => Area[];
  /** webContents ids allowed to use IPC. */
  ours: Set<number>;
  /** Called once per new window: attach it to the hub, watch its renderer. */
  onWindow: (win: WindowLike, kind: WindowKind) => void;
  readState: () => Promise<unknown>;
  writeState: (states: WindowStates) => Promise<void>;
  log: Logger;
  maxPanes?: number;
}): WindowManager {
  const maxPanes = deps.maxPanes ?? MAX_PANE_WINDOWS;
  let states: WindowStates | null = null;
  let mainWin: WindowLike | null = null;
  const panes = new Map<string, WindowLike>();
  const kinds = new Map<number, WindowKind>();
  let writing: Promise<void> = Promise.resolve();

  async function loadStates(): Promise<WindowStates> {
    states ??= parseWindowStates(await deps.readState().catch(() => null));
    return states;
  }

  function remember(key: { kind: 'main' } | { kind: 'pane'; pane: string }, win: WindowLike): void {
    if (!states) return;
    const captured = captureWindowState(win.getNormalBounds(), win.isMaximized());
    if (key.kind === 'main') states.main = captured;
    else states.panes[key.pane] = captured;
    const snapshot: WindowStates = { main: states.main, panes: { ...states.panes } };
    writing = writing
      .then(() => deps.writeState(snapshot))
      .catch((err: unknown) => deps.log.warn(`Could not save window positions: ${(err as Error).message}`));
  }

  /** Creates and wires a window; it is usable (and findable) at once, its page loads in `loaded`. */
  function open(
    kind: WindowKind,
    saved: WindowState | null,
    fallback: WindowState | null,
    url: string,
    title: string,
    key: { kind: 'main' } | { kind: 'pane'; pane: string },
  ): { win: WindowLike; loaded: Promise<void> } {
    const state = restoreWindowState(saved ?? fallback, deps.workAreas());
    const win = deps.create(
      mainWindowOptions({
        preloadPath: deps.preloadPath,
        bounds: state,
        title,
        ...(deps.iconPath ? { iconPath: deps.iconPath } : {}),
        ...(kind === 'pane' ? { minSize: { width: 320, height: 240 } } : {}),
      }),
    );
    const id = win.webContents.id;
    deps.ours.add(id);
    kinds.set(id, kind);
    deps.onWindow(win, kind);
    win.once('ready-to-show', () => {
      if (state.maximized) win.maximize();
      win.show();
    });
    win.on('close', () => remember(key, win));
    win.on('closed', () => {
      deps.ours.delete(id);
      kinds.delete(id);
    });
    return { win, loaded: win.loadURL(url) };
  }

  const manager: WindowManager = {
    async openMain() {
      const s = await loadStates();
      const { win, loaded } = open('main', s.main, null, APP_URL, 'IBDesk', { kind: 'main' });
      mainWin = win;
      win.on('closed', () => {
        if (mainWin === win) mainWin = null;
        // Torn-off panes are parts of the main window's workspace: they go with it.
        for (const p of [...panes.values()]) if (!p.isDestroyed()) p.close();
      });
      await loaded;
      return win;
    },

    async openPane(pane) {
      if (!PANE_ID.test(pane)) throw new AppError('VALIDATION', `"${pane}" is not a pane id`);
      const existing = panes.get(pane);
      if (existing && !existing.isDestroyed()) {
        for (const step of focusSteps({ minimized: existing.isMinimized(), visible: existing.isVisible() }))
          if (step !== 'create') existing[step]();
        return;
      }
      if (panes.size >= maxPanes)
        throw new AppError('LIMIT', `At most ${maxPanes} panes can have their own window; close one first.`);
      const s = await loadStates();
      if (panes.has(pane)) return manager.openPane(pane); // opened while the states were read
      const { win, loaded } = open(
        'pane',
        s.panes[pane] ?? null,
        PANE_WINDOW_DEFAULT,
        paneUrl(pane),
        `${paneTitle(pane)} — IBDesk`,
        { kind: 'pane', pane },
      );
      panes.set(pane, win);
      win.on('closed', () => {
        if (panes.get(pane) === win) panes.delete(pane);
      });
      deps.log.info(`Opened the ${paneTitle(pane)} pane in its own window`);
      await loaded;
    },

    main: () => mainWin,

    async showMain() {
      const w = mainWin && !mainWin.isDestroyed() ? mainWin : null;
      for (const step of focusSteps(w ? { minimized: w.isMinimized(), visible: w.isVisible() } : null)) {
        if (step === 'create') await manager.openMain();
        else w![step]();
      }
    },

    kindOf: (id) => kinds.get(id) ?? null,
    saveAll() {
      if (mainWin && !mainWin.isDestroyed()) remember({ kind: 'main' }, mainWin);
      for (const [pane, win] of panes) if (!win.isDestroyed()) remember({ kind: 'pane', pane }, win);
      return writing;
    },
  };
  return manager;
}
