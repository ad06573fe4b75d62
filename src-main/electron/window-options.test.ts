// The BrowserWindow options builder: every hardened flag pinned, the window hidden until ready.
import { describe, expect, it } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../../tests/support/hardened-window';
import { mainWindowOptions } from './window-options';

describe('main window options', () => {
  const o = mainWindowOptions({ preloadPath: '/app/preload.cjs', bounds: { width: 1000, height: 700 } });

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(o.webPreferences).toMatchObject({
      ...HARDENED_WEB_PREFERENCES,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(o.webPreferences?.preload).toBe('/app/preload.cjs');
  });

  it('opens hidden until ready, with the remembered size', () => {
    expect(o.show).toBe(false);
    expect(o).toMatchObject({ width: 1000, height: 700 });
  });
});
