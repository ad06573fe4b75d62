// The native habits around the app: application menu, tray, notifications, wake-ups and updates. Each piece's
// logic lives in its own pure module; this file only connects them to Electron and to the app.
import os from 'node:os';
import {
  BrowserWindow,
  Menu,
  clipboard,
  dialog,
  net,
  powerMonitor,
  shell,
  type MessageBoxOptions,
} from 'electron';
import type { RequestName, UiCommand } from '../../src-shared/contract';
import type { Execution } from '../../src-shared/domain/order';
import type { App } from '../app';
import type { Clock } from '../../src-shared/clock';
import { aboutText, type AppVersions } from '../diagnostics';
import { workingFrom, type WorkingOrders } from '../update-gate';
import { createNetworkWatch, createWakeCheck, networkSignature } from '../wake-check';
import { createAlertRules } from './alert-rules';
import { isAllowedExternal } from './guards';
import { clientIdOf } from './ipc';
import { commandTarget, menuTemplate, type MenuActions } from './menu';
import { createNotifier } from './notifications';
import { createTray } from './tray';
import { createUpdater } from './updater';
import type { WindowManager } from './windows';

export type DesktopDeps = {
  ibdesk: App;
  windows: WindowManager;
  clock: Clock;
  versions: AppVersions;
  logDir: string | null;
  iconPath: string;
  trayIconsDir: string;
  /** Unpackaged: developer tools in the menu, no updates. */
  dev: boolean;
  quit: () => void;
};

export function startDesktop(deps: DesktopDeps): { stop(): void } {
  const { ibdesk, windows, clock } = deps;
  const log = ibdesk.logBook.logger('desktop');
  const ctx = { clientId: 'desktop' };
  const call = async (method: RequestName, params: unknown = {}): Promise<unknown> => {
    const r = await ibdesk.dispatcher.dispatch(method, params, ctx);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const callAndLog = (method: RequestName) => () =>
    void call(method).catch((err: unknown) => log.warn(`${method}: ${(err as Error).message}`));

  const messageBox = async (options: MessageBoxOptions): Promise<number> => {
    const parent = BrowserWindow.getFocusedWindow() ?? windows.main();
    const r = parent
      ? await dialog.showMessageBox(parent as BrowserWindow, options)
      : await dialog.showMessageBox(options);
    return r.response;
  };

  /** A command goes to the focused window, or to the main one for layout commands (shown first if needed). */
  async function sendCommand(cmd: UiCommand): Promise<void> {
    const focused = BrowserWindow.getFocusedWindow();
    const kind = focused ? windows.kindOf(focused.webContents.id) : null;
    let target = commandTarget(cmd, kind) === 'focused' ? focused : null;
    if (!target) {
      await windows.showMain();
      target = windows.main() as BrowserWindow | null;
    }
    if (target && !target.isDestroyed()) ibdesk.hub.emitTo(clientIdOf(target.webContents), 'command', cmd);
  }

  const updater = createUpdater({
    enabled: !deps.dev,
    clock,
    log: ibdesk.logBook.logger('updates'),
    workingOrders: async (): Promise<WorkingOrders> => {
      try {
        return workingFrom((await call('orders.list')) as Parameters<typeof workingFrom>[0]);
      } catch (err) {
        return { known: false, reason: (err as Error).message };
      }
    },
    ask: (p) =>
      messageBox({
        type: p.kind === 'idle' ? 'info' : 'warning',
        title: p.title,
        message: p.message,
        detail: p.detail,
        buttons: p.buttons,
        defaultId: p.defaultId,
        cancelId: p.cancelId,
        noLink: true,
      }),
    tell: async (title, message) =>
      void (await messageBox({ type: 'info', title, message, buttons: ['OK'] })),
  });

  const actions: MenuActions = {
    command: (cmd) => void sendCommand(cmd),
    openPaneWindow: (pane) =>
      void windows.openPane(pane).catch((err: unknown) => log.warn((err as Error).message)),
    connect: callAndLog('connection.connect'),
    disconnect: callAndLog('connection.disconnect'),
    reconnectNow: callAndLog('connection.reconnectNow'),
    openLogsFolder: () => {
      if (deps.logDir) void shell.openPath(deps.logDir);
    },
    copyDiagnostics: () =>
      void call('app.diagnostics').then(
        (v) => {
          const text = (v as { text: string }).text;
          clipboard.writeText(text);
          ibdesk.hub.broadcast('notice', {
            level: 'info',
            title: 'Diagnostics copied',
            message: `${text.split('\n').length} lines are on the clipboard, ready to paste into a bug report. Account ids are masked.`,
          });
        },
        (err: unknown) => log.warn(`Copy diagnostics: ${(err as Error).message}`),
      ),
    checkForUpdates: () => void updater.checkNow(),
    about: () =>
      void messageBox({
        type: 'info',
        title: 'About IBDesk',
        message: 'IBDesk',
        detail: aboutText(deps.versions, ibdesk.session.status()),
        buttons: ['OK'],
      }),
    openExternal: (url) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
    },
  };

  // ---- application menu, rebuilt when what it shows changes ----------------------------------------------------
  let menuKey = '';
  const rebuildMenu = (): void => {
    const state = ibdesk.session.status().state;
    const theme = ibdesk.settings.get().preferences.theme;
    const key = `${state}|${theme}`;
    if (key === menuKey) return;
    menuKey = key;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            platform: process.platform,
            appName: 'IBDesk',
            connection: state,
            theme,
            dev: deps.dev,
            updates: !deps.dev,
          },
          actions,
        ),
      ),
    );
  };

  // ---- tray, notifications ---------------------------------------------------------------------------------------
  const show = (): void => void windows.showMain();
  const tray = createTray({
    iconsDir: deps.trayIconsDir,
    actions: { ...actions, show, quit: deps.quit },
  });
  const notify = createNotifier({ iconPath: deps.iconPath, onClick: show, log });
  const alerts = createAlertRules({ clock, notify });

  const onStatus = (): void => {
    const s = ibdesk.session.status();
    rebuildMenu();
    tray.update(s);
    alerts.onStatus(s);
  };
  const unsubscribers = [ibdesk.session.onStatus(onStatus), ibdesk.settings.onChange(() => rebuildMenu())];
  onStatus();

  // Fills and firing alerts arrive as events, like any window gets them.
  const detachTap = ibdesk.hub.attach({
    id: 'desktop-notifications',
    send: (events) => {
      for (const e of events) {
        if (e.event === 'executions') alerts.onExecutions(e.payload.executions as readonly Execution[]);
        // The user's own alerts, evaluated by main's alerts service: every window may be closed.
        if (e.event === 'alerts.fired')
          notify({ kind: 'alert', title: 'IBDesk alert', body: e.payload.text });
      }
    },
    backlog: () => 0,
    close: () => undefined,
  });

  // ---- sleep, unlock, network ------------------------------------------------------------------------------------
  const wake = createWakeCheck({
    clock,
    status: () => ibdesk.session.status(),
    reconnectNow: () => call('connection.reconnectNow'),
    // The connection layer offers no liveness poke yet: its heartbeat notices a dead socket (issue #5).
    probe: undefined,
    log: ibdesk.logBook.logger('wake'),
  });
  const onResume = (): void => void wake.trigger('resume');
  const onUnlock = (): void => void wake.trigger('unlock');
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  const network = createNetworkWatch({
    clock,
    signature: () => networkSignature(os.networkInterfaces()),
    isOnline: () => net.isOnline(),
    onChange: (reason) => void wake.trigger(reason),
  });
  network.start();

  updater.start();

  return {
    stop() {
      updater.stop();
      network.stop();
      powerMonitor.off('resume', onResume);
      powerMonitor.off('unlock-screen', onUnlock);
      detachTap();
      alerts.stop();
      for (const u of unsubscribers) u();
      tray.destroy();
    },
  };
}
