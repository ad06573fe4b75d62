// Deny-by-default guards for every window: no navigation away, no new windows (allow-listed https links go to
// the OS browser), no webviews, no permissions (camera, notifications from the page, geolocation…).
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/** Hosts whose https links may open in the user's browser (docs the app links to). */
const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'www.interactivebrokers.com',
  'interactivebrokers.github.io',
  'ibkrcampus.com',
  'www.ibkrguides.com',
  'github.com',
];

export function isAllowedExternal(raw: string): boolean {
  try {
    const u = new URL(raw);
    return (
      u.protocol === 'https:' &&
      u.username === '' &&
      u.password === '' &&
      // The sites on the list are served on 443; another port on the same host is another service.
      u.port === '' &&
      EXTERNAL_ALLOW_LIST.includes(u.hostname)
    );
  } catch {
    return false;
  }
}

export function installContentsGuards(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

export function installSessionGuards(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
