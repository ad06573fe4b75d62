// The app, once the page's client is connecting (main.tsx): bind events into the store, render. With
// `?pane=<id>` in the URL the window shows that one pane (a torn-off window).
// The theme's base stylesheet first: every part's own stylesheet comes after it (and overrides it where it says so).
import './shell/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { IbdeskClient } from './api/client';
import { bindEvents } from './api/bind-events';
import { createAppStore } from './stores/app-store';
import { AppStoreContext } from './stores/use-app-store';
import { App } from './shell/App';

export function boot(client: IbdeskClient): void {
  const store = createAppStore(client);
  const pane = new URLSearchParams(window.location.search).get('pane');
  if (pane && /^[a-z][a-z0-9-]{0,39}$/.test(pane)) store.getState().setSinglePane(pane);
  bindEvents(store);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        <App />
      </AppStoreContext.Provider>
    </StrictMode>,
  );
}
