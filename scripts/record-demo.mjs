// `npm run record-demo [-- --out FILE --seconds N]`: bundles tools/record-demo.ts with esbuild (as bench.mjs does
// for the bench) and runs it, recording a demo gateway session for the tests and the README's replay example.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { NODE_BUNDLE } from '../tools/node-bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'node_modules', '.cache', 'ibdesk-tools', 'record-demo.mjs');
await build({
  entryPoints: [path.join(root, 'tools', 'record-demo.ts')],
  outfile: out,
  ...NODE_BUNDLE,
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
