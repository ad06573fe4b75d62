// Picks the transport: the Electron bridge when the preload put one on window, else the web host's WebSocket
// (same origin, `/api`, with the token the page was opened with: see page-token.ts).
import type { IbdeskBridge } from '../../src-shared/bridge';
import { createBridgeClient } from './bridge-client';
import type { IbdeskClient } from './client';
import { paneTabUrl, takePageToken } from './page-token';
import { createWsClient } from './ws-client';

declare global {
  interface Window {
    ibdesk?: IbdeskBridge;
  }
}

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function connectClient(): IbdeskClient {
  if (window.ibdesk) return createBridgeClient(window.ibdesk);
  const token = takePageToken({
    href: window.location.href,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
    storage: tabStorage(),
  });
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  // The socket's URL holds the token in memory for reconnects; it is never written back into the address bar.
  const client = createWsClient(`${scheme}://${window.location.host}/api?token=${encodeURIComponent(token)}`);
  return { ...client, paneTabUrl: (pane) => paneTabUrl(window.location.href, pane, token) };
}
