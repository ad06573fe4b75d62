// The tray icon: the connection state at a glance (a colored dot on Windows/Linux, a monochrome template image in
// the macOS menu bar), a tooltip in words, and a small menu (show the window, connect/disconnect, quit).
import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { ConnectionState, ConnectionStatus } from '../../src-shared/domain/connection';
import { connectionItems, type MenuActions } from './menu';

export type TrayIcon = 'connected' | 'connecting' | 'lost' | 'disconnected';

export function trayIconFor(state: ConnectionState): TrayIcon {
  switch (state) {
    case 'ready':
      return 'connected';
    case 'connecting':
    case 'handshaking':
      return 'connecting';
    case 'reconnecting':
    case 'degraded':
      return 'lost';
    case 'disconnected':
      return 'disconnected';
  }
}

/** assets/icons/tray/<state>.png (with @2x beside it); macOS: <state>Template.png, tinted by the system. */
export function trayIconPath(iconsDir: string, icon: TrayIcon, platform: NodeJS.Platform): string {
  return path.join(iconsDir, `${icon}${platform === 'darwin' ? 'Template' : ''}.png`);
}

const STATE_WORDS: Record<ConnectionState, string> = {
  disconnected: 'disconnected',
  connecting: 'connecting…',
  handshaking: 'connecting…',
  ready: 'connected',
  degraded: 'connected, but TWS has lost IB',
  reconnecting: 'connection lost, reconnecting…',
};

export function trayTooltip(s: ConnectionStatus): string {
  const kind = s.demo ? 'DEMO' : s.live ? 'LIVE' : 'paper';
  const server = s.state === 'ready' && s.serverVersion !== null ? ` (server ${s.serverVersion})` : '';
  return `IBDesk — ${s.profileName} [${kind}]: ${STATE_WORDS[s.state]}${server}`;
}

export type TrayActions = Pick<MenuActions, 'connect' | 'disconnect' | 'reconnectNow'> & {
  show(): void;
  quit(): void;
};

export function trayMenuTemplate(s: ConnectionStatus, a: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'show', label: 'Show IBDesk', click: () => a.show() },
    { type: 'separator' },
    { id: 'status', label: `${s.profileName}: ${STATE_WORDS[s.state]}`, enabled: false },
    // Accelerators belong to the application menu; a tray menu does not show them.
    ...connectionItems(s.state, a).map(({ accelerator: _a, ...item }) => item),
    { type: 'separator' },
    { id: 'quit', label: 'Quit IBDesk', click: () => a.quit() },
  ];
}

/** The live tray. `update` is cheap when nothing visible changed. */
export function createTray(opts: { iconsDir: string; actions: TrayActions }): {
  update(s: ConnectionStatus): void;
  destroy(): void;
} {
  const image = (icon: TrayIcon) => {
    const img = nativeImage.createFromPath(trayIconPath(opts.iconsDir, icon, process.platform));
    if (process.platform === 'darwin') img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(image('disconnected'));
  let shown = '';
  // Windows shows the menu on right-click only; a left click there brings the window up, as users expect.
  if (process.platform === 'win32') tray.on('click', () => opts.actions.show());
  return {
    update(s) {
      const key = `${s.state}|${s.profileName}|${s.serverVersion}|${s.demo}|${s.live}`;
      if (key === shown) return;
      shown = key;
      tray.setImage(image(trayIconFor(s.state)));
      tray.setToolTip(trayTooltip(s));
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(s, opts.actions)));
    },
    destroy: () => tray.destroy(),
  };
}
