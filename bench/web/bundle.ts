// Bundles a bench page's browser code (bench/browser/*) with esbuild into one script and its CSS, in memory.
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleBrowser(entry: string): Promise<{ js: string; css: string }> {
  const r = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    write: false,
    outdir: path.resolve('node_modules/.cache/ibdesk-bench/browser'),
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const text = (ext: string) =>
    r.outputFiles
      .filter((f) => f.path.endsWith(ext))
      .map((f) => f.text)
      .join('\n');
  return { js: text('.js'), css: text('.css') };
}

/** A page holding the bundle; `</script` cannot occur in esbuild's minified output unescaped, but guard anyway. */
export function pageHtml(b: { js: string; css: string }): string {
  const js = b.js.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${b.css}</style></head><body><div id="root"></div><script>${js}</script></body></html>`;
}
