import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, captureWindowState, restoreWindowState } from './window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('window state', () => {
  it('restores a saved state that is on screen', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    expect(restoreWindowState(saved, screen)).toEqual(saved);
  });

  it('recenters a window whose monitor is gone, keeping its size', () => {
    expect(
      restoreWindowState({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, screen),
    ).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('falls back to the default for garbage, clamped to the screen', () => {
    expect(restoreWindowState({ width: 'big' }, screen)).toEqual(DEFAULT_WINDOW);
    expect(restoreWindowState(null, [{ x: 0, y: 0, width: 1280, height: 700 }])).toEqual({
      width: 1280,
      height: 700,
      maximized: false,
    });
  });

  it('captures rounded normal bounds and the maximized flag', () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 1000.2, height: 650.7 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 651,
      maximized: true,
    });
  });
});
