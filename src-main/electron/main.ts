// Electron shell (STYLE.md rule 7): single instance, crash safety, the app:// renderer, windows and IPC; the native
// habits (menu, tray, notifications, wake-ups, updates) are wired in desktop.ts. Trading logic lives in ../app.ts,
// shared with the web host.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { createApp, type App } from '../app';
import { systemClock } from '../../src-shared/clock';
import { createLogFile, teeSink, type LogFile } from '../logging/log-file';
import { consoleSink, createLogBook } from '../logging/log-book';
import { type Logger } from '../../src-shared/logger';
import { readJson, writeJsonAtomic } from '../config/json-file';
import { createDemoEndpoint, REPLAY_WORKER } from '../demo-profile';
import { RECORDER_WORKER, recordOption } from '../services/recorder';
import { appVersion } from '../version';
import { APP_SCHEME, serveAppRequest } from './app-protocol';
import { createReloadGuard, watchRenderer } from './crash';
import { installCrashHandlers } from '../logging/unhandled-errors';
import { startDesktop } from './desktop';
import { installContentsGuards, installSessionGuards } from './guards';
import { attachWindow, registerIpc } from './ipc';
import { createWindowManager, type WindowLike, type WindowManager } from './windows';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const APP_ID = 'io.github.ibdesk.ibdesk'; // electron-builder.yml appId: Windows ties notifications to it
const rendererDir = path.join(__dirname, '..', 'renderer');
/**
 * A worker thread's script cannot be read from inside the app's asar archive: electron-builder.yml unpacks the
 * worker bundles beside it (app.asar.unpacked), and this is where they are then.
 */
const unpacked = (file: string): string => file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
const iconsDir = path.join(__dirname, '..', '..', 'assets', 'icons');
const iconPath = path.join(iconsDir, 'png', '512x512.png');
const ourWindows = new Set<number>();
let ibdesk: App | null = null;
let windows: WindowManager | null = null;
let desktop: { stop(): void } | null = null;
let logFile: LogFile | null = null;
const demo = createDemoEndpoint();

// Crash safety comes first, before anything can throw: errors go to the app's log once it exists.
const bootLog = createLogBook({ sink: consoleSink() }).logger('main');
const log = (): Logger => ibdesk?.logBook.logger('main') ?? bootLog;
installCrashHandlers({
  proc: process,
  log: {
    debug: (m, f) => log().debug(m, f),
    info: (m, f) => log().info(m, f),
    warn: (m, f) => log().warn(m, f),
    error: (m, f) => log().error(m, f),
    child: (s) => log().child(s),
  },
  clock: systemClock,
  // Read when an error happens: the log file exists only once the app is ready.
  get logFile() {
    return logFile?.file ?? null;
  },
  show: async (d) => {
    if (!app.isReady()) {
      dialog.showErrorBox(d.title, `${d.message}\n\n${d.detail}`);
      return d.defaultId;
    }
    const r = await dialog.showMessageBox({
      type: 'error',
      title: d.title,
      message: d.message,
      detail: d.detail,
      buttons: d.buttons,
      defaultId: d.defaultId,
      noLink: true,
    });
    return r.response;
  },
  relaunch: () => {
    app.relaunch();
    app.quit();
  },
});

async function askAfterRendererCrashes(win: WindowLike, kind: string, reason: string): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'IBDesk',
    message: `The ${kind === 'main' ? 'IBDesk' : 'pane'} window stopped working several times (${reason}).`,
    detail: 'Your layout and orders are kept. Reload the window, or close it.',
    buttons: ['Reload', kind === 'main' ? 'Quit IBDesk' : 'Close Window'],
    defaultId: 0,
    noLink: true,
  });
  const w = win as BrowserWindow;
  if (w.isDestroyed()) return;
  if (response === 0) w.webContents.reload();
  else if (kind === 'main') app.quit();
  else w.close();
}

async function start(): Promise<void> {
  installSessionGuards(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const logDir = app.getPath('logs');
  logFile = createLogFile({ dir: logDir });
  const runtime = { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null };
  const core = await createApp({
    dataDir: app.getPath('userData'),
    host: 'electron',
    version: appVersion(),
    runtime,
    logSink: teeSink(consoleSink(), logFile.sink),
    logDir,
    demoEndpoint: demo.endpoint,
    ...recordOption(process.argv),
    recorderWorker: unpacked(path.join(__dirname, RECORDER_WORKER)),
    replayWorker: unpacked(path.join(__dirname, REPLAY_WORKER)),
    openWindow: (pane) => {
      if (!windows) throw new Error('the windows are not ready yet');
      return windows.openPane(pane);
    },
  });
  ibdesk = core;
  registerIpc(ipcMain, core.dispatcher, ourWindows);

  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const guard = createReloadGuard({ clock: systemClock });
  const wm = createWindowManager({
    // The hardened flags are restated at the one place windows are made (window-options.ts builds the rest), so
    // no change to the options builder can drop them, and the static audit (electronegativity) sees them here.
    create: (options) =>
      new BrowserWindow({
        ...options,
        webPreferences: {
          ...options.webPreferences,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          disableBlinkFeatures: 'Auxclick',
        },
      }),
    preloadPath: path.join(__dirname, 'preload.cjs'),
    iconPath,
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
    ours: ourWindows,
    onWindow: (win, kind) => {
      const contents = (win as BrowserWindow).webContents;
      attachWindow(core.hub, contents);
      watchRenderer(contents, {
        guard,
        log: core.logBook.logger('windows'),
        label: kind,
        giveUp: (d) => void askAfterRendererCrashes(win, kind, d.reason),
      });
    },
    readState: async () => {
      const r = await readJson(stateFile);
      return r.kind === 'ok' ? r.value : null;
    },
    writeState: (s) => writeJsonAtomic(stateFile, s),
    log: core.logBook.logger('windows'),
  });
  windows = wm;
  await wm.openMain();
  desktop = startDesktop({
    ibdesk: core,
    windows: wm,
    clock: systemClock,
    versions: { version: appVersion(), host: 'electron', node: process.versions.node, ...runtime },
    logDir,
    iconPath,
    trayIconsDir: path.join(iconsDir, 'tray'),
    dev: !app.isPackaged,
    quit: () => app.quit(),
  });
  await core.start();
}

// Two instances would fight over the TWS client id: the second one brings the first forward and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => void windows?.showMain());
  app.on('web-contents-created', (_e, contents) =>
    installContentsGuards(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && windows && !windows.main()) void windows.showMain();
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !ibdesk) return;
    event.preventDefault();
    quitting = true;
    desktop?.stop();
    void Promise.all([windows?.saveAll(), ibdesk.stop(), demo.stop()])
      .catch((err: unknown) => log().error(`Shutdown: ${(err as Error).message}`))
      .finally(() => {
        logFile?.close();
        app.quit();
      });
  });
  void app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      log().error(`IBDesk could not start: ${message}`);
      dialog.showErrorBox('IBDesk could not start', `${message}\n\nThe log is in ${app.getPath('logs')}.`);
      app.exit(1);
    });
}
