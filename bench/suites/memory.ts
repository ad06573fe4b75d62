// Figure 11 (main-process half): heap of the app host over a long run at 500 watched symbols + 3 scanners (with
// their rows' quotes) + 2 live charts, fed by a demo gateway in another process, one window reading everything.
// Heap is sampled after a full GC every 30 s; the figure is the growth from the end of the first 5 minutes (the
// baseline: caches, JIT and buffers have filled by then) to the end. `--minutes N` sets the length (default 6;
// the run is 60); below 10 minutes the baseline is taken at half the run instead of at minute 5.
import type { Figure, SuiteOptions } from '../figure';
import { figure } from '../figure';
import { startHosts } from '../support/hosts';

const MB = 1024 * 1024;

export async function run(opts: SuiteOptions = {}): Promise<Figure[]> {
  const minutes = opts.minutes ?? Number(process.env.BENCH_MEMORY_MINUTES ?? 6);
  const baseAt = minutes >= 10 ? 5 : minutes / 2;
  const hosts = await startHosts({ tickRate: 4, exposeGc: true });
  try {
    const { win, contracts } = hosts;
    await win.call('quotes.subscribe', { contracts });
    for (const scanCode of ['TOP_PERC_GAIN', 'MOST_ACTIVE', 'TOP_PERC_LOSE'])
      await win.call('scanner.start', {
        scanCode,
        instrument: 'STK',
        location: 'STK.US.MAJOR',
        rows: 50,
        filters: {},
        withQuotes: true,
      });
    const charts: [number, string, string][] = [
      [0, '5 secs', '3600 S'],
      [1, '1 min', '2 D'],
    ];
    for (const [i, barSize, duration] of charts)
      await win.call('history.subscribe', { contract: contracts[i], barSize, duration });
    win.recording = true;
    const t0 = Date.now();
    const samples: { min: number; heap: number }[] = [];
    let base: number | null = null;
    for (;;) {
      const min = (Date.now() - t0) / 60_000;
      const heap = await hosts.heap();
      samples.push({ min, heap });
      if (base === null && min >= baseAt) base = heap;
      console.error(`[bench] memory: ${min.toFixed(1)} min, main heap ${(heap / MB).toFixed(1)} MB`);
      if (min >= minutes) break;
      await new Promise((r) => setTimeout(r, Math.min(30_000, Math.max(1000, (minutes - min) * 60_000))));
    }
    win.recording = false;
    const end = samples.at(-1)!.heap;
    const first = base ?? samples[0]!.heap;
    const peak = Math.max(...samples.map((s) => s.heap));
    return [
      figure({
        id: 'memory.main-heap',
        name: `#11 main heap growth over ${minutes} min (500 symbols, 3 scanners, 2 charts)`,
        value: (end - first) / MB,
        unit: 'MB',
        budget: { max: 30 },
        baseline: first / MB,
        note: `heap after GC: ${(first / MB).toFixed(1)} MB at ${baseAt} min (baseline), ${(end / MB).toFixed(1)} MB at the end, peak ${(peak / MB).toFixed(1)} MB; ${samples.length} samples; window got ${win.messages} messages`,
      }),
    ];
  } finally {
    await hosts.stop();
  }
}
