// Electron shell (STYLE.md rule 7): single instance, the app:// renderer, hardened windows, IPC; nothing else.
// Trading logic lives in ../app.ts, shared with the web host.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, screen, session, shell } from 'electron';
import { createApp, type App } from '../app';
import { consoleSink } from '../core/logger';
import { readJson, writeJsonAtomic } from '../config/json-file';
import { createDemoEndpoint } from '../demo-endpoint';
import { appVersion } from '../version';
import { APP_SCHEME, APP_URL, serveAppRequest } from './app-protocol';
import { installContentsGuards, installSessionGuards } from './guards';
import { attachWindow, registerIpc } from './ipc';
import { mainWindowOptions } from './window-options';
import { captureWindowState, restoreWindowState } from './window-state';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = path.join(__dirname, '..', 'renderer');
const ourWindows = new Set<number>();
let mainWindow: BrowserWindow | null = null;
let ibdesk: App | null = null;
const demo = createDemoEndpoint();

async function createMainWindow(): Promise<BrowserWindow> {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = await readJson(stateFile);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const state = restoreWindowState(saved.kind === 'ok' ? saved.value : null, areas);
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      bounds: state,
      iconPath: path.join(__dirname, '..', '..', 'assets', 'icons', 'png', '512x512.png'),
    }),
  );
  const id = win.webContents.id;
  ourWindows.add(id);
  if (ibdesk) attachWindow(ibdesk.hub, win.webContents);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    void writeJsonAtomic(stateFile, captureWindowState(win.getNormalBounds(), win.isMaximized()));
  });
  win.on('closed', () => {
    ourWindows.delete(id);
    if (mainWindow === win) mainWindow = null;
  });
  await win.loadURL(APP_URL);
  return win;
}

async function start(): Promise<void> {
  installSessionGuards(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  ibdesk = await createApp({
    dataDir: app.getPath('userData'),
    host: 'electron',
    version: appVersion(),
    runtime: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null },
    logSink: consoleSink(),
    demoEndpoint: demo.endpoint,
  });
  registerIpc(ipcMain, ibdesk.dispatcher, ourWindows);
  mainWindow = await createMainWindow();
  await ibdesk.start();
}

// Two instances would fight over the TWS client id: the second one focuses the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) =>
    installContentsGuards(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && app.isReady()) void createMainWindow().then((w) => (mainWindow = w));
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !ibdesk) return;
    event.preventDefault();
    quitting = true;
    void Promise.all([ibdesk.stop(), demo.stop()]).finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
