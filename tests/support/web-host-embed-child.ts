// A program that embeds startWebHost with no global crash handler, as a test, the bench or a service mode would:
// any uncaught exception or unhandled rejection ends it with code 70, so a test sees what a crash handler hides.
// argv: dataDir. Prints "IBDesk web host: <url>" when listening; SIGTERM closes the host and exits 0.
import path from 'node:path';
import { consoleSink } from '../../src-main/logging/log-book';
import { startAppWebHost } from './app-web-host';

const UNCAUGHT_EXIT = 70;

for (const kind of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(kind, (err: unknown) => {
    console.error(`EMBED ${kind}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(UNCAUGHT_EXIT);
  });
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: web-host-embed-child <dataDir>');
  const { app, host } = await startAppWebHost({
    app: {
      dataDir,
      host: 'web',
      version: '0.0.0-embed',
      logSink: consoleSink(),
      demoEndpoint: () => Promise.reject(new Error('no demo gateway here')),
      autoConnect: false,
    },
    staticDir: path.join(dataDir, 'renderer'),
    title: 'IBDesk embed',
  });
  console.log(`IBDesk web host: ${host.url}`);
  process.once('SIGTERM', () => {
    void host
      .close()
      .then(() => app.stop())
      .then(() => process.exit(0));
  });
}

void main().catch((err: unknown) => {
  console.error(`embed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
