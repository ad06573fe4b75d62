// Builds main-process entries with esbuild (one file each) and the renderer with Vite, into dist/.
// Usage: node scripts/build.mjs [--main-only|--renderer-only]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * Every main-process program: [source, output, format]. Electron's main and preload are CommonJS. Electron's main
 * keeps its npm packages in node_modules (electron-builder packs them); the programs run by plain Node carry theirs
 * inside the bundle, because resolving and reading a few hundred package files cost the web host most of its
 * start-up (about 0.5 s of a 1 s start on a quiet machine: `npm run bench -- start`).
 */
const entries = [
  ['src-main/electron/main.ts', 'dist/main/electron-main.cjs', 'cjs'],
  ['src-main/electron/preload.ts', 'dist/main/preload.cjs', 'cjs'],
  ['src-main/web/launch.ts', 'dist/main/web.js', 'esm'],
  // Split: what the host needs to listen is one small file; the app (web-app.ts and everything it imports) is a
  // chunk of its own that it imports once it listens, so a browser loads the page while the app's code loads.
  ['src-main/web/main.ts', 'dist/main/web-host.js', 'esm', { split: true }],
  ['src-main/cli/main.ts', 'dist/main/cli.js', 'esm'],
  ['src-main/demo-gateway/cli.ts', 'dist/main/demo-gateway.js', 'esm'],
  ['src-main/paper/main.ts', 'dist/main/paper.js', 'esm'],
  ['tools/soak/main.ts', 'dist/main/soak.js', 'esm'],
  // The recorder's writer thread, started by the web host and the Electron shell (services/recorder).
  ['src-main/services/recorder/recorder-worker.ts', 'dist/main/recorder-worker.js', 'esm'],
  // The Replay profile's gateway thread (demo-profile.ts, REPLAY_WORKER).
  ['src-main/demo-gateway/replay/replay-thread-worker.ts', 'dist/main/replay-worker.js', 'esm'],
];

/**
 * Node's built-ins reach an ES module bundle through require(), not import: an import makes Node build an ES
 * module facade of each built-in with every export read, and reading node:http's lazy `WebSocket` getter loads
 * Node's whole fetch stack (undici), a tenth of the web host's start-up for nothing.
 */
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (a) =>
      a.namespace === 'builtin' ? { path: a.path, external: true } : { path: a.path, namespace: 'builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (a) => ({
      contents: `module.exports = require(${JSON.stringify(a.path)});`,
      loader: 'js',
    }));
  },
};

async function buildMain() {
  const started = Date.now();
  // A split entry's chunks are named by their hash: the last build's are removed first.
  rmSync(path.join(root, 'dist', 'main', 'chunks'), { recursive: true, force: true });
  await Promise.all(
    entries
      .filter(([src]) => existsSync(path.join(root, src)))
      .map(([src, out, format, opts]) =>
        build({
          ...(opts?.split
            ? {
                entryPoints: { [path.basename(out, '.js')]: path.join(root, src) },
                outdir: path.dirname(path.join(root, out)),
                splitting: true,
                chunkNames: `chunks/${path.basename(out, '.js')}-[hash]`,
              }
            : { entryPoints: [path.join(root, src)], outfile: path.join(root, out) }),
          bundle: true,
          platform: 'node',
          target: 'node22',
          format,
          sourcemap: true,
          // The preload runs sandboxed: it bundles everything but electron itself, as the Node programs do.
          packages: src.endsWith('electron/main.ts') ? 'external' : undefined,
          // ws's optional native speed-ups: absent here, ws falls back to JavaScript when they do not load.
          external: ['electron', 'bufferutil', 'utf-8-validate'],
          // Bundled CommonJS packages call require() for Node's built-ins, which an ES module lacks.
          banner:
            format === 'esm'
              ? {
                  js: "import { createRequire as __ibdeskRequire } from 'node:module'; const require = __ibdeskRequire(import.meta.url);",
                }
              : undefined,
          define: { __IBDESK_VERSION__: JSON.stringify(pkg.version) },
          plugins: format === 'esm' ? [builtinsViaRequire] : [],
          logLevel: 'warning',
        }),
      ),
  );
  const built = entries.filter(([src]) => existsSync(path.join(root, src))).length;
  if (!args.has('--quiet')) console.log(`[build] main: ${built} entries in ${Date.now() - started} ms`);
}

function buildRenderer() {
  const started = Date.now();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('renderer build failed');
  console.log(`[build] renderer in ${Date.now() - started} ms`);
}

if (!args.has('--renderer-only') && !args.has('--main-only'))
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
if (!args.has('--renderer-only')) await buildMain();
if (!args.has('--main-only')) buildRenderer();
