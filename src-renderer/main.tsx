// Renderer entry: connect the client (Electron bridge or WebSocket), bind events into the store, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bindEvents } from './api/bind-events';
import { connectClient } from './api/connect';
import { createAppStore } from './stores/app-store';
import { AppStoreContext } from './stores/use-app-store';
import { App } from './shell/App';
import './shell/theme.css';

const store = createAppStore(connectClient());
bindEvents(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
