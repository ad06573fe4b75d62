// The app's main-process code behind a web host on 127.0.0.1:0, serving a one-line stand-in for the built renderer:
// what the integration harness and the embedding child program both start.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../src-main/app';
import { startWebHost, type WebHost, type WebHostOptions } from '../../src-main/web/web-host';

export async function startAppWebHost(opts: {
  app: AppOptions;
  /** Where the stand-in renderer goes (a folder of the data directory). */
  staticDir: string;
  /** The stand-in page's title. */
  title: string;
  web?: Partial<WebHostOptions>;
}): Promise<{ app: App; host: WebHost }> {
  await mkdir(opts.staticDir, { recursive: true });
  await writeFile(path.join(opts.staticDir, 'index.html'), `<!doctype html><title>${opts.title}</title>`);
  const app = await createApp(opts.app);
  const host = await startWebHost({
    backend: { dispatcher: app.dispatcher, hub: app.hub },
    log: app.logBook.logger('web-host'),
    staticDir: opts.staticDir,
    port: 0,
    ...opts.web,
  });
  await app.start();
  return { app, host };
}
