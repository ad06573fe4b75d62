// `npm run record-demo [-- --out FILE --seconds N]`: bundles tools/record-demo.ts with esbuild (as bench.mjs does
// for the bench) and runs it, recording a demo gateway session for the tests and the README's replay example.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundleIntoCache } from '../tools/node-bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = await bundleIntoCache(root, 'ibdesk-tools', [['tools/record-demo.ts', 'record-demo.mjs']]);
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
