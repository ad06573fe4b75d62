// Figures 2 and 3: the app host (app core + hub + web host, as `npm run web`) in a child process, its Demo profile
// connected over TCP to a demo gateway in another child process streaming 500 watched symbols at a fixed rate
// (~10,000 TWS messages a second), and one window: a real WebSocket client of the web host in this process.
// 2: the app host's CPU (process.cpuUsage, its own) against the same process idle (connected, window attached,
// nothing watched). 3: what the window receives: messages a second and the largest message.
import { figure, type Figure } from '../figure';
import { startHosts } from '../support/hosts';

/** Level-1 updates per instrument per second; the gateway sends ~3.5 TWS messages per update: ~10,000 msg/s. */
const TICK_RATE = Number(process.env.BENCH_LOAD_TICK_RATE ?? 5.7);

export async function run(): Promise<Figure[]> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  const hosts = await startHosts({ tickRate: TICK_RATE });
  try {
    const { win, contracts } = hosts;
    const idle = await hosts.measure(10_000);
    await win.call('quotes.subscribe', { contracts });
    await hosts.settle();
    win.recording = true;
    const load = await hosts.measure(seconds * 1000);
    win.recording = false;
    const perSec = win.messages / seconds;
    return [
      figure({
        id: 'main-load.cpu',
        name: `#2 main CPU, ${contracts.length} symbols at ${Math.round(load.inboundPerSec)} TWS msg/s, 1 window`,
        value: load.cpuPct,
        unit: '% of a core',
        budget: { max: 15 },
        baseline: idle.cpuPct,
        note: `app host (app core + hub + web host) in its own process, demo gateway in another (tick rate ${TICK_RATE}/s), ${seconds} s; baseline: the same process idle (connected, window attached, nothing watched)`,
      }),
      figure({
        id: 'main-load.window-rate',
        name: `#3 hub -> window messages, ${contracts.length} symbols`,
        value: perSec,
        unit: 'msg/s',
        budget: { max: 60 },
        note: `${Math.round(win.quotes / seconds)} quotes/s in ${Math.round(win.bytes / seconds / 1024)} KB/s, over ${seconds} s on a WebSocket client`,
      }),
      figure({
        id: 'main-load.window-size',
        name: `#3 hub -> window largest message, ${contracts.length} symbols`,
        value: win.maxBytes / 1024,
        unit: 'KB',
        budget: { max: 63.99 },
        budgetText: '< 64',
        note: `mean ${(win.bytes / Math.max(1, win.messages) / 1024).toFixed(1)} KB`,
      }),
    ];
  } finally {
    await hosts.stop();
  }
}
