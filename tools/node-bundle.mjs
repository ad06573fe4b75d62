// The esbuild options of a harness program run by plain Node (the bench runner and its child processes, the
// programs the tests start): one ES module file, npm packages left to node_modules.
import path from 'node:path';
import { build } from 'esbuild';

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
};

/**
 * Bundles each [entry, name] (entry a path from `root`) into node_modules/.cache/`cacheDir`/`name`, where packages
 * resolve, and gives the first bundle's path: what the npm scripts that run a TypeScript harness program do first.
 */
export async function bundleIntoCache(root, cacheDir, entries) {
  const dir = path.join(root, 'node_modules', '.cache', cacheDir);
  for (const [entry, name] of entries)
    await build({ entryPoints: [path.join(root, entry)], outfile: path.join(dir, name), ...NODE_BUNDLE });
  return path.join(dir, entries[0][1]);
}
