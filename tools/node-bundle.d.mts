// Types of tools/node-bundle.mjs for the TypeScript callers (tests/support, bench).
import type { BuildOptions } from 'esbuild';
export const NODE_BUNDLE: BuildOptions;
