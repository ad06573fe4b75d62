// Demo gateway depth model: the CPU of keeping SMART depth subscriptions current — for each subscribed book,
// compute the book at the instant (depth/book.ts) and the TWS operations from what the client was shown
// (depth/depth-diff.ts), 20 rows a side — at 100 updates per second per book, simulated time, measured as process
// CPU (process.cpuUsage, so a busy machine that deschedules us does not count). Figures: 20 books (the budget:
// ≤ 5 % of one core), the whole 500-instrument universe (reported), and the same 20 books streamed through a live
// gateway to one client over TCP (book, diff, MARKET_DEPTH_L2 encoding and socket writes; budget ≤ 10 %).
import type { Figure } from '../figure';
import { figure } from '../figure';
import { buildUniverse } from '../../src-main/demo-gateway/model/universe';
import { Market } from '../../src-main/demo-gateway/model/market';
import type { Instrument } from '../../src-main/demo-gateway/model/instrument';
import { BookModel, smartRows } from '../../src-main/demo-gateway/depth/book';
import type { OrderBook } from '../../src-main/demo-gateway/depth/book';
import { DepthView } from '../../src-main/demo-gateway/depth/depth-diff';
import { createDemoGateway } from '../../src-main/demo-gateway/gateway';
import { forkClient, reply, stopChild } from '../support/child';

/** A weekday in regular hours, when books move fastest. */
const T0 = Date.UTC(2026, 10, 24, 16, 0, 0);

export interface DepthLoad {
  /** Percent of one core the simulated load costs. */
  pctCore: number;
  updates: number;
  ops: number;
}

/** Runs `seconds` of simulated time: every book updated `rate` times a second, its diff computed. */
export function measureDepth(opts: {
  books: number;
  seconds: number;
  rate: number;
  numRows: number;
  seed?: number;
}): DepthLoad {
  const universe = buildUniverse(T0);
  const instruments: Instrument[] = universe.instruments.slice(0, opts.books);
  if (instruments.length < opts.books) throw new Error(`the universe has ${instruments.length} instruments`);
  const model = new BookModel(new Market(universe, opts.seed ?? 1, false));
  const views = instruments.map(() => new DepthView<OrderBook>(opts.numRows, smartRows));
  const step = 1000 / opts.rate;
  const run = (from: number, steps: number): number => {
    let ops = 0;
    for (let k = 0; k < steps; k++) {
      const t = Math.round(from + k * step);
      for (let i = 0; i < instruments.length; i++) {
        ops += (views[i] as DepthView<OrderBook>).update(model.book(instruments[i] as Instrument, t)).length;
      }
    }
    return ops;
  };
  // Warm-up: JIT, the day paths, the first snapshot of every view (all inserts).
  run(T0 - 2000, Math.max(1, Math.round(opts.rate)));
  const steps = Math.round(opts.seconds * opts.rate);
  const c0 = process.cpuUsage();
  const ops = run(T0, steps);
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  return { pctCore: (cpuMs / (opts.seconds * 1000)) * 100, updates: steps * instruments.length, ops };
}

interface Counts {
  frames: number;
  bytes: number;
  depth: number;
}

export interface GatewayDepthLoad {
  pctCore: number;
  /** MARKET_DEPTH_L2 messages the client received per second. */
  depthPerSec: number;
  mbps: number;
}

/**
 * `books` SMART depth subscriptions (20 rows a side) of one raw client in a child process, on a live gateway whose
 * beat runs every 10 ms (tickRate 100: 100 updates per second per book); the gateway's CPU over `seconds` of wall
 * time, after the first snapshots.
 */
export async function measureGatewayDepth(books: number, seconds: number): Promise<GatewayDepthLoad> {
  const gw = await createDemoGateway({ seed: 1, tickRate: 100, depthLines: books });
  const conIds = gw.universe.instruments
    .filter((i) => i.secType === 'STK')
    .slice(0, books)
    .map((i) => i.conId);
  const child = await forkClient('depth-client', [String(gw.port), conIds.join(',')]);
  try {
    const deadline = Date.now() + 30_000;
    while (gw.subscriptions().depth < books) {
      if (Date.now() > deadline)
        throw new Error(`only ${gw.subscriptions().depth} depth subscriptions after 30 s`);
      await sleep(100);
    }
    await sleep(2000);
    const c0 = await reply<Counts>(child, { cmd: 'count' });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t0;
    const c1 = await reply<Counts>(child, { cmd: 'count' });
    return {
      pctCore: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      depthPerSec: ((c1.depth - c0.depth) / wall) * 1000,
      mbps: (((c1.bytes - c0.bytes) / wall) * 1000) / 1e6,
    };
  } finally {
    await stopChild(child);
    await gw.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export async function run(): Promise<Figure[]> {
  const rounds = [0, 1, 2].map((r) =>
    measureDepth({ books: 20, seconds: 10, rate: 100, numRows: 20, seed: 1 + r }),
  );
  const twenty = median(rounds.map((r) => r.pctCore));
  const all = measureDepth({ books: 500, seconds: 2, rate: 100, numRows: 20 });
  // Wall-clock CPU of a live process varies with the machine's load: the median of three rounds, as above.
  const streamedRounds: GatewayDepthLoad[] = [];
  for (let r = 0; r < 3; r++) {
    streamedRounds.push(await measureGatewayDepth(20, Number(process.env.BENCH_DEPTH_SECONDS ?? 10)));
  }
  const streamed = streamedRounds.sort((a, b) => a.pctCore - b.pctCore)[1] as GatewayDepthLoad;
  const perUpdateUs = ((twenty / 100) * 1e6) / (20 * 100);
  return [
    figure({
      id: 'depth-model.20-books',
      name: 'depth model: 20 SMART books x 100 updates/s, 20 rows a side (book + diff)',
      value: twenty,
      unit: '% of a core',
      budget: { max: 5 },
      note: `median of 3 rounds of 10 s; ${perUpdateUs.toFixed(1)} us per update; ${Math.round(
        (rounds[0] as DepthLoad).ops / 10,
      )} depth messages/s`,
    }),
    figure({
      id: 'depth-model.500-books',
      name: 'depth model: 500 instruments x 100 updates/s, 20 rows a side (book + diff)',
      value: all.pctCore,
      unit: '% of a core',
      budget: {},
      budgetText: 'reported',
      note: `${Math.round(all.ops / 2)} depth messages/s`,
    }),
    figure({
      id: 'depth-model.gateway-20-books',
      name: 'depth through the gateway: 20 SMART books x 100 updates/s, 20 rows a side, to one client over TCP',
      value: streamed.pctCore,
      unit: '% of a core',
      budget: { max: 10 },
      note: `median of 3 rounds of 10 s (${streamedRounds.map((r) => r.pctCore.toFixed(1)).join(', ')}); gateway process CPU, the client in a child process; ${Math.round(streamed.depthPerSec)} MARKET_DEPTH_L2 messages/s delivered (${streamed.mbps.toFixed(2)} MB/s)`,
    }),
  ];
}
