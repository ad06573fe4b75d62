// The web host's first module (dist/main/web.js): turns on Node's compile cache before the host's 2 MB bundle
// (dist/main/web-host.js) is read, so every start after the first skips compiling it, about a fifth of the host's
// start-up (`npm run bench -- start`). Node before 22.1 has no compile cache and simply compiles as before.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import(new URL('./web-host.js', import.meta.url).href);
