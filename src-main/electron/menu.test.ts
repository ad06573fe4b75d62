import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { commandTarget, menuTemplate, PANES, type MenuActions, type MenuContext } from './menu';
import { isAllowedExternal } from './guards';
import { BUILT_IN_KEYS, parseChord } from '../../src-shared/domain/hotkeys';

vi.mock('electron', () => ({}));

function actions() {
  const calls: unknown[][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const a: MenuActions = {
    command: rec('command'),
    openPaneWindow: rec('openPaneWindow'),
    connect: rec('connect'),
    disconnect: rec('disconnect'),
    reconnectNow: rec('reconnectNow'),
    openLogsFolder: rec('openLogsFolder'),
    copyDiagnostics: rec('copyDiagnostics'),
    checkForUpdates: rec('checkForUpdates'),
    about: rec('about'),
    openExternal: rec('openExternal'),
  };
  return { a, calls };
}

const ctx = (over: Partial<MenuContext> = {}): MenuContext => ({
  platform: 'linux',
  appName: 'IBDesk',
  connection: 'ready',
  theme: 'dark',
  dev: false,
  updates: true,
  ...over,
});

/** Every item, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const byId = (items: MenuItemConstructorOptions[], id: string) => {
  const found = flatten(items).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label?.replace('&', ''));

describe('application menu', () => {
  it('has File, Edit, View, Connection, Window, Help; macOS adds the app menu first', () => {
    const { a } = actions();
    expect(labels(menuTemplate(ctx(), a))).toEqual(['File', 'Edit', 'View', 'Connection', 'Window', 'Help']);
    expect(labels(menuTemplate(ctx({ platform: 'darwin' }), a))).toEqual([
      'IBDesk',
      'File',
      'Edit',
      'View',
      'Connection',
      'Window',
      'Help',
    ]);
  });

  it('Windows/Linux menus have keyboard mnemonics; macOS ones do not', () => {
    const { a } = actions();
    expect(menuTemplate(ctx({ platform: 'win32' }), a)[0]!.label).toBe('&File');
    expect(menuTemplate(ctx({ platform: 'darwin' }), a)[1]!.label).toBe('File');
  });

  it('View lists every pane with Ctrl/Cmd+1…9 and sends openPane to the window', () => {
    const { a, calls } = actions();
    const t = menuTemplate(ctx(), a);
    PANES.forEach((p, i) => {
      const item = byId(t, `pane-${p.id}`);
      expect(item.label).toBe(p.title);
      expect(item.accelerator).toBe(`CmdOrCtrl+${i + 1}`);
      click(item);
    });
    expect(calls).toEqual(PANES.map((p) => ['command', { type: 'openPane', pane: p.id }]));
    click(byId(t, 'window-chart'));
    expect(calls.at(-1)).toEqual(['openPaneWindow', 'chart']);
  });

  it('standard items use roles (their platform accelerators) and explicit accelerators do not collide', () => {
    const { a } = actions();
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = flatten(menuTemplate(ctx({ platform }), a));
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'close']),
      );
      const accels = items.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accels).size).toBe(accels.length);
    }
    expect(byId(menuTemplate(ctx(), a), 'symbol-search').accelerator).toBe('CmdOrCtrl+K');
    expect(byId(menuTemplate(ctx(), a), 'profiles').accelerator).toBe('CmdOrCtrl+,');
  });

  it("opens the hotkey editor, and a trader's hotkey can never take one of its accelerators", () => {
    const { a, calls } = actions();
    click(byId(menuTemplate(ctx(), a), 'hotkeys'));
    expect(calls).toEqual([['command', { type: 'hotkeys' }]]);
    const builtIn = new Set(BUILT_IN_KEYS.map((b) => b.keys));
    const accels = flatten(menuTemplate(ctx(), a)).flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    // CmdOrCtrl+10… are not keys a chord can spell (nor a key press make); every other one is reserved.
    const chords = accels.filter((k) => !/\+\d\d$/.test(k));
    expect(chords.length).toBeGreaterThan(10);
    for (const k of chords)
      for (const m of ['Ctrl', 'Meta']) expect(builtIn).toContain(parseChord(k.replace('CmdOrCtrl', m)));
  });

  it('Connection enables what makes sense in each state, and calls main actions', () => {
    const { a, calls } = actions();
    const enabled = (state: MenuContext['connection']) =>
      ['connect', 'disconnect', 'reconnect-now'].filter(
        (id) => byId(menuTemplate(ctx({ connection: state }), a), id).enabled,
      );
    expect(enabled('disconnected')).toEqual(['connect']);
    expect(enabled('ready')).toEqual(['disconnect']);
    expect(enabled('reconnecting')).toEqual(['disconnect', 'reconnect-now']);
    const t = menuTemplate(ctx({ connection: 'reconnecting' }), a);
    click(byId(t, 'reconnect-now'));
    click(byId(t, 'disconnect'));
    click(byId(t, 'connection-profiles'));
    expect(calls).toEqual([['reconnectNow'], ['disconnect'], ['command', { type: 'showProfiles' }]]);
  });

  it('Help has the logs folder, diagnostics, updates and About; links are on the allow-list', () => {
    const { a, calls } = actions();
    const t = menuTemplate(ctx(), a);
    for (const id of ['open-logs', 'copy-diagnostics', 'check-updates', 'about', 'guide', 'tws-setup'])
      click(byId(t, id));
    expect(calls.map((c) => c[0])).toEqual([
      'openLogsFolder',
      'copyDiagnostics',
      'checkForUpdates',
      'about',
      'openExternal',
      'openExternal',
    ]);
    for (const [, url] of calls.filter((c) => c[0] === 'openExternal'))
      expect(isAllowedExternal(url as string)).toBe(true);
  });

  it('theme radio reflects the setting; dev tools only in development; updates greyed when unavailable', () => {
    const { a, calls } = actions();
    const t = menuTemplate(ctx({ theme: 'light', updates: false }), a);
    expect(byId(t, 'theme-light').checked).toBe(true);
    expect(byId(t, 'theme-dark').checked).toBe(false);
    click(byId(t, 'theme-dark'));
    expect(calls).toEqual([['command', { type: 'setTheme', theme: 'dark' }]]);
    expect(byId(t, 'check-updates').enabled).toBe(false);
    expect(flatten(t).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flatten(menuTemplate(ctx({ dev: true }), a)).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('layout commands from a torn-off pane window go to the main window', () => {
    expect(commandTarget({ type: 'openPane', pane: 'chart' }, 'pane')).toBe('main');
    expect(commandTarget({ type: 'resetLayout' }, 'pane')).toBe('main');
    expect(commandTarget({ type: 'symbolSearch' }, 'pane')).toBe('focused');
    expect(commandTarget({ type: 'symbolSearch' }, 'main')).toBe('focused');
    expect(commandTarget({ type: 'symbolSearch' }, null)).toBe('main');
  });
});
