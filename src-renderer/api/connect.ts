// Picks the transport: the Electron bridge when the preload put one on window, else the web host's WebSocket
// (same origin, `/api`, with the token from the page URL).
import type { IbdeskBridge } from '../../src-shared/bridge';
import { createBridgeClient } from './bridge-client';
import type { IbdeskClient } from './client';
import { createWsClient } from './ws-client';

declare global {
  interface Window {
    ibdesk?: IbdeskBridge;
  }
}

export function connectClient(): IbdeskClient {
  if (window.ibdesk) return createBridgeClient(window.ibdesk);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsClient(`${scheme}://${window.location.host}/api?token=${encodeURIComponent(token)}`);
}
