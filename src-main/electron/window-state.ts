// Remembers the main window's size, position and maximized state, and puts it back only where it is visible
// (a monitor may have been unplugged since).
import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export type Area = { x: number; y: number; width: number; height: number };

export const DEFAULT_WINDOW: WindowState = { width: 1440, height: 900, maximized: false };

/** Visible enough: at least 100×50 px of the title-bar area lies on some display's work area. */
function visibleOn(s: WindowState, areas: readonly Area[]): boolean {
  if (s.x === undefined || s.y === undefined) return false;
  const { x, y, width } = s;
  return areas.some((a) => {
    const overlapW = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const overlapH = Math.min(y + 50, a.y + a.height) - Math.max(y, a.y);
    return overlapW >= 100 && overlapH >= 50;
  });
}

/** The state to open with: the saved one when it parses and is visible, else the default size, centered. */
export function restoreWindowState(saved: unknown, areas: readonly Area[]): WindowState {
  const parsed = WindowState.safeParse(saved);
  const primary = areas[0];
  if (parsed.success && visibleOn(parsed.data, areas)) return parsed.data;
  const base = parsed.success ? { ...parsed.data } : { ...DEFAULT_WINDOW };
  const width = primary ? Math.min(base.width, primary.width) : base.width;
  const height = primary ? Math.min(base.height, primary.height) : base.height;
  return { width, height, maximized: base.maximized };
}

/** What to save: the normal (unmaximized) bounds plus the maximized flag. */
export function captureWindowState(normalBounds: Area, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(400, Math.round(normalBounds.width)),
    height: Math.max(300, Math.round(normalBounds.height)),
    maximized,
  };
}
