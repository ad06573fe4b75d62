// Renderer build: React 19 bundled for file:// (Electron) and for the web host alike.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The dock's themes the app uses (DockLayout.tsx: themeDark and themeLight). */
const DOCK_THEMES = new Set(['dark', 'light']);

/**
 * dockview's stylesheet carries ~20 themes; the page parses and matches every rule at start (the first style pass
 * is most of the start's longest task). Rules naming only other themes go; a selector list keeps its other parts.
 */
const dropUnusedDockThemes = {
  postcssPlugin: 'ibdesk-drop-unused-dock-themes',
  Rule(rule: { selectors: string[]; remove(): void }) {
    const used = (selector: string) =>
      [...selector.matchAll(/\.dockview-theme-([a-z0-9-]+)/g)].every((m) => DOCK_THEMES.has(m[1]!));
    const kept = rule.selectors.filter(used);
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  },
};

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  css: { postcss: { plugins: [dropUnusedDockThemes] } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
