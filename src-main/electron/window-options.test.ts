import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('main window options', () => {
  const o = mainWindowOptions({ preloadPath: '/app/preload.cjs', bounds: { width: 1000, height: 700 } });

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(o.webPreferences).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(o.webPreferences?.preload).toBe('/app/preload.cjs');
  });

  it('opens hidden until ready, with the remembered size', () => {
    expect(o.show).toBe(false);
    expect(o).toMatchObject({ width: 1000, height: 700 });
  });
});
