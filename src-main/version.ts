// The app's version, baked in at build time from package.json (esbuild `define`), read from it in tests.
declare const __IBDESK_VERSION__: string | undefined;

export function appVersion(): string {
  return typeof __IBDESK_VERSION__ === 'string'
    ? __IBDESK_VERSION__
    : (process.env.npm_package_version ?? '0.0.0-dev');
}
