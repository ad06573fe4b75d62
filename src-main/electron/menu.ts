// The application menu as a pure template (File, Edit, View with every pane, Connection, Window, Help; macOS adds
// the app menu), with the platforms' standard accelerators. Items either send a `command` to a window or call a
// main-process action; main.ts turns the template into a Menu and rebuilds it when the connection state changes.
import type { MenuItemConstructorOptions } from 'electron';
import type { UiCommand } from '../../src-shared/contract';
import type { ConnectionState } from '../../src-shared/domain/connection';
import type { Theme } from '../../src-shared/domain/settings';
import { PANE_KINDS } from '../../src-shared/panes';

/** Every pane the renderer offers (ARCHITECTURE.md §8), in menu order, from the shared list. */
export const PANES: readonly { id: string; title: string }[] = PANE_KINDS.map((p) => ({
  id: p.kind,
  title: p.title,
}));

export function paneTitle(id: string): string {
  return PANES.find((p) => p.id === id)?.title ?? id;
}

const HELP_LINKS = {
  guide: 'https://github.com/ibdesk/ibdesk#readme',
  twsApiSetup: 'https://interactivebrokers.github.io/tws-api/initial_setup.html',
  issues: 'https://github.com/ibdesk/ibdesk/issues',
} as const;

export type MenuActions = {
  /** Sends a command to the window it concerns (see commandTarget). */
  command(cmd: UiCommand): void;
  /** Opens a pane in its own window. */
  openPaneWindow(pane: string): void;
  connect(): void;
  disconnect(): void;
  reconnectNow(): void;
  openLogsFolder(): void;
  copyDiagnostics(): void;
  checkForUpdates(): void;
  about(): void;
  openExternal(url: string): void;
};

export type MenuContext = {
  platform: NodeJS.Platform;
  appName: string;
  connection: ConnectionState;
  theme: Theme;
  /** Unpackaged builds get the developer tools. */
  dev: boolean;
  /** Updates only work in an installed, packaged app. */
  updates: boolean;
};

/** Which window a command goes to: layout commands always concern the main window, not a torn-off pane. */
export function commandTarget(cmd: UiCommand, focused: 'main' | 'pane' | null): 'focused' | 'main' {
  if (focused !== 'pane') return focused === 'main' ? 'focused' : 'main';
  return cmd.type === 'openPane' || cmd.type === 'resetLayout' || cmd.type === 'showProfiles'
    ? 'main'
    : 'focused';
}

export function connectionItems(
  state: ConnectionState,
  a: Pick<MenuActions, 'connect' | 'disconnect' | 'reconnectNow'>,
): MenuItemConstructorOptions[] {
  return [
    {
      id: 'connect',
      label: 'Connect',
      accelerator: 'CmdOrCtrl+Shift+C',
      enabled: state === 'disconnected',
      click: () => a.connect(),
    },
    {
      id: 'disconnect',
      label: 'Disconnect',
      accelerator: 'CmdOrCtrl+Shift+D',
      enabled: state !== 'disconnected',
      click: () => a.disconnect(),
    },
    {
      id: 'reconnect-now',
      label: 'Reconnect Now',
      accelerator: 'CmdOrCtrl+Shift+R',
      enabled: state === 'reconnecting',
      click: () => a.reconnectNow(),
    },
  ];
}

export function menuTemplate(ctx: MenuContext, a: MenuActions): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const profiles: MenuItemConstructorOptions = {
    id: 'profiles',
    label: 'Profiles…',
    accelerator: 'CmdOrCtrl+,',
    click: () => a.command({ type: 'showProfiles' }),
  };
  const updates: MenuItemConstructorOptions = {
    id: 'check-updates',
    label: 'Check for Updates…',
    enabled: ctx.updates,
    click: () => a.checkForUpdates(),
  };
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: `About ${ctx.appName}`,
    click: () => a.about(),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      about,
      updates,
      sep,
      { ...profiles, label: 'Settings…' },
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      {
        id: 'symbol-search',
        label: 'Symbol Search…',
        accelerator: 'CmdOrCtrl+K',
        click: () => a.command({ type: 'symbolSearch' }),
      },
      { id: 'hotkeys', label: 'Hotkeys…', click: () => a.command({ type: 'hotkeys' }) },
      ...(mac ? [] : [profiles]),
      sep,
      { role: 'close', label: 'Close Window' },
      ...(mac ? [] : [sep, { role: 'quit', label: 'Exit' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemConstructorOptions] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      ...PANES.map((p, i): MenuItemConstructorOptions => ({
        id: `pane-${p.id}`,
        label: p.title,
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => a.command({ type: 'openPane', pane: p.id }),
      })),
      sep,
      {
        id: 'pane-windows',
        label: 'Open in New Window',
        submenu: PANES.map((p) => ({
          id: `window-${p.id}`,
          label: p.title,
          click: () => a.openPaneWindow(p.id),
        })),
      },
      {
        id: 'reset-layout',
        label: 'Reset Layout',
        click: () => a.command({ type: 'resetLayout' }),
      },
      {
        label: 'Theme',
        submenu: (['dark', 'light'] as const).map((theme) => ({
          id: `theme-${theme}`,
          label: theme === 'dark' ? 'Dark' : 'Light',
          type: 'radio' as const,
          checked: ctx.theme === theme,
          click: () => a.command({ type: 'setTheme', theme }),
        })),
      },
      sep,
      { role: 'reload' },
      ...(ctx.dev ? [{ role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const connection: MenuItemConstructorOptions = {
    label: mac ? 'Connection' : '&Connection',
    submenu: [
      ...connectionItems(ctx.connection, a),
      sep,
      // The same dialog as File → Profiles…, which owns the accelerator.
      { id: 'connection-profiles', label: profiles.label, click: profiles.click },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: mac ? 'Window' : '&Window',
    role: 'windowMenu',
  };

  const help: MenuItemConstructorOptions = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    submenu: [
      { id: 'guide', label: 'IBDesk Guide', click: () => a.openExternal(HELP_LINKS.guide) },
      {
        id: 'tws-setup',
        label: 'Enabling the TWS API',
        click: () => a.openExternal(HELP_LINKS.twsApiSetup),
      },
      { id: 'report', label: 'Report a Problem', click: () => a.openExternal(HELP_LINKS.issues) },
      sep,
      { id: 'open-logs', label: 'Open Logs Folder', click: () => a.openLogsFolder() },
      { id: 'copy-diagnostics', label: 'Copy Diagnostics', click: () => a.copyDiagnostics() },
      ...(mac ? [] : [sep, updates, about]),
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, connection, window, help];
}
