// BrowserWindow options, hardened per Electron's security checklist. Pure, so a unit test pins every flag.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export function mainWindowOptions(opts: {
  preloadPath: string;
  bounds: Partial<Rectangle>;
  iconPath?: string;
  title?: string;
  /** Smallest size the window may take (a torn-off pane can be smaller than the main window). */
  minSize?: { width: number; height: number };
}): BrowserWindowConstructorOptions {
  return {
    ...opts.bounds,
    minWidth: opts.minSize?.width ?? 800,
    minHeight: opts.minSize?.height ?? 500,
    title: opts.title ?? 'IBDesk',
    backgroundColor: '#11151c',
    show: false,
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click would open a link in a new window: denied by the window-open handler anyway; off at the source.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
