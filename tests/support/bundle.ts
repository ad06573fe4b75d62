// Bundles a TypeScript entry to one ESM file (packages stay external) so a test can run it in a child process.
import { build } from 'esbuild';
import path from 'node:path';
import { NODE_BUNDLE } from '../../tools/node-bundle.mjs';

export async function bundle(entry: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    ...NODE_BUNDLE,
    absWorkingDir: process.cwd(),
  });
  return outfile;
}
