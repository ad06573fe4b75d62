// Types of tools/node-bundle.mjs for the TypeScript callers (tests/support, bench).
import type { BuildOptions } from 'esbuild';
export const NODE_BUNDLE: BuildOptions;
/** Bundles each [entry, name] into node_modules/.cache/`cacheDir`/`name`; gives the first bundle's path. */
export function bundleIntoCache(
  root: string,
  cacheDir: string,
  entries: readonly (readonly [entry: string, name: string])[],
): Promise<string>;
