// Renderer entry: the client first (Electron bridge, or the web host's WebSocket with the first reads already
// asked: api/page-client.ts), then the app itself (boot.tsx), loaded while the socket opens and those reads answer.
import { pageClient } from './api/page-client';

import('./boot').then(
  ({ boot }) => boot(pageClient),
  (err: unknown) => {
    // The app's code did not load (the host stopped mid-load, a damaged install): say so instead of a blank page.
    const root = document.getElementById('root');
    if (root)
      root.textContent = `IBDesk could not load its screen (${String(err)}). Reload the page to try again.`;
  },
);
