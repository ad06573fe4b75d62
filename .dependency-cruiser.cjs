// The layers of docs/architecture.md, checked on every `npm run lint`: each rule names the arrow it forbids and why.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules are one: split the shared part out or invert the dependency.',
      from: { pathNot: '^src-renderer/stores/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-stores',
      severity: 'error',
      comment:
        "The renderer's stores may cycle through type imports only: zustand's typed slices name the whole store's " +
        'type (StateCreator<Store, …>), which the store in turn assembles from the slices; nothing runs in a circle.',
      from: { path: '^src-renderer/stores/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment:
        'src-shared is imported by both processes: it imports nothing of ours outside itself. Its tests (which ' +
        'ship nowhere) may use the shared test support, as every other folder’s tests do.',
      from: { path: '^src-shared/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(src-main|src-renderer|tools|tests|bench|scripts)/' },
    },
    {
      name: 'renderer-not-main',
      severity: 'error',
      comment: 'The renderer talks to main only through the contract client.',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/' },
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      comment: 'Main never imports React code.',
      from: { path: '^src-main/' },
      to: { path: '^src-renderer/' },
    },
    {
      name: 'services-not-hosts',
      severity: 'error',
      comment:
        'Services are host-agnostic: they know neither Electron, the web host, the hub nor the request table.',
      from: { path: '^src-main/services/' },
      to: { path: '^src-main/(electron|web|hub|api)/' },
    },
    {
      name: 'web-not-electron',
      severity: 'error',
      comment: 'The web host runs without Electron.',
      from: { path: '^src-main/web/' },
      to: { path: '^src-main/electron/' },
    },
    {
      name: 'gateway-is-standalone',
      severity: 'error',
      comment:
        'The demo gateway is a TWS stand-in any client can use: it imports src-shared, itself and the recording ' +
        'format (which it replays) only.',
      from: { path: '^src-main/demo-gateway/' },
      to: { path: '^src-main/(?!demo-gateway/|recorder/format/)' },
    },
    {
      name: 'recording-format-is-standalone',
      severity: 'error',
      comment:
        'The recording format is pure Node, shared by the app (which records) and the demo gateway (which ' +
        'replays): it imports src-shared and itself only.',
      from: { path: '^src-main/recorder/format/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src-main/(?!recorder/format/)' },
    },
    {
      name: 'gateway-one-entry',
      severity: 'error',
      comment: 'The app reaches the demo gateway through its one entry module.',
      from: { path: '^src-main/(?!demo-gateway/)' },
      to: { path: '^src-main/demo-gateway/(?!index\\.ts$)' },
    },
    {
      name: 'product-not-harness',
      severity: 'error',
      comment:
        'What ships in the app never imports test doubles, bench probes or the soak (tools/, tests/, bench/).',
      from: { path: '^src-(main|renderer|shared)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(tools|tests|bench)/' },
    },
    {
      name: 'shell-reaches-panes-by-registry',
      severity: 'error',
      comment: 'The shell knows panes only through the pane registry.',
      from: { path: '^src-renderer/shell/' },
      to: { path: '^src-renderer/panes/(?!registry\\.tsx?$)' },
    },
    {
      name: 'panes-not-shell',
      severity: 'error',
      comment: 'Panes use the ui/ kit, never the shell (the shell holds panes, not the other way round).',
      from: { path: '^src-renderer/panes/' },
      to: { path: '^src-renderer/shell/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|release|test-results)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.mts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
