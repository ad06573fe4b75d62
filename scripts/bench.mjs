// `npm run bench [-- suite… --check]`: bundles bench/run.ts with esbuild (no TS runner dependency needed) into
// node_modules/.cache so packages resolve, then runs it with the same arguments.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundleIntoCache } from '../tools/node-bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = await bundleIntoCache(root, 'ibdesk-bench', [
  ['bench/run.ts', 'run.mjs'],
  // The recorder's writer thread, as the app starts it (figure 1 with recording on: bench/suites/ingest.ts).
  ['src-main/services/recorder/recorder-worker.ts', 'recorder-worker.mjs'],
]);
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
