// Child process of the main-load bench: the app as `npm run web` runs it (app core + hub + web host, no
// Electron), its Demo profile pointed at a demo gateway in another process. argv: gatewayPort dataDir.
// IPC: sends {url, port, token} when listening; answers {cmd:'measure', ms} with its own CPU over that time
// (process.cpuUsage), heap, inbound TWS messages per second and the pacer's queue.
import { createApp } from '../../src-main/app';
import { EventName } from '@stoqey/ib';
import { createIbApi } from '../../src-main/ib/connection';
import { startWebHost } from '../../src-main/web/web-host';

type Measure = { cmd: 'measure'; ms: number } | { cmd: 'heap' } | { cmd: 'stop' };

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const dataDir = process.argv[3]!;
  let inbound = 0;
  const app = await createApp({
    dataDir,
    host: 'web',
    version: 'bench',
    logSink: () => undefined,
    demoEndpoint: async () => ({ host: '127.0.0.1', port }),
    link: {
      createApi: (endpoint) => {
        const api = createIbApi(endpoint);
        api.on(EventName.received, () => inbound++);
        return api;
      },
    },
  });
  await app.settings.setPreferences({ marketDataLines: 600 });
  const host = await startWebHost({
    backend: { dispatcher: app.dispatcher, hub: app.hub },
    log: app.logBook.logger('web-host'),
    staticDir: dataDir,
    host: '127.0.0.1',
    port: 0,
  });
  await app.start();
  process.send?.({ url: host.url, port: host.port, token: host.token });
  process.on('message', (m: Measure) => {
    if (m.cmd === 'measure') {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const n0 = inbound;
      setTimeout(() => {
        const c = process.cpuUsage(c0);
        const wall = performance.now() - t0;
        process.send?.({
          cpuPct: ((c.user + c.system) / 1000 / wall) * 100,
          inboundPerSec: ((inbound - n0) / wall) * 1000,
          queued: app.trading.link.queued(),
          heapUsed: process.memoryUsage().heapUsed,
        });
      }, m.ms);
    } else if (m.cmd === 'heap') {
      globalThis.gc?.();
      process.send?.({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
    } else if (m.cmd === 'stop') void stop();
  });
  const stop = async (): Promise<void> => {
    await host.close();
    await app.stop();
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
}

void main();
