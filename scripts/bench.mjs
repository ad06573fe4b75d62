// `npm run bench [-- suite… --check]`: bundles bench/run.ts with esbuild (no TS runner dependency needed) into
// node_modules/.cache so packages resolve, then runs it with the same arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { NODE_BUNDLE } from '../tools/node-bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'node_modules', '.cache', 'ibdesk-bench', 'run.mjs');
await build({
  entryPoints: [path.join(root, 'bench', 'run.ts')],
  outfile: out,
  ...NODE_BUNDLE,
});
// The recorder's writer thread, as the app starts it (figure 1 with recording on: bench/suites/ingest.ts).
await build({
  entryPoints: [path.join(root, 'src-main', 'services', 'recorder', 'recorder-worker.ts')],
  outfile: path.join(path.dirname(out), 'recorder-worker.mjs'),
  ...NODE_BUNDLE,
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
