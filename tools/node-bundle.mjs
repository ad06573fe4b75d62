// The esbuild options of a harness program run by plain Node (the bench runner and its child processes, the
// programs the tests start): one ES module file, npm packages left to node_modules.
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
};
