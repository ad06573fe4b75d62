// Records a demo gateway session the way the app will record one: a client (@stoqey/ib, through the recording
// proxy) asks for contract details, quotes of a few stocks (one with news ticks), a keep-up-to-date 1-minute chart,
// 5-second bars, a top-gainers scan and bulletins, buys 10 shares a few seconds in, and keeps listening. `npm run
// record-demo -- [--out FILE] [--seconds N]` writes tests/fixtures/recordings/demo-session.ibdrec (the recording
// the tests and the README's replay example use); tests call recordDemoSession() for fresh ones.
import { mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EventName, IBApi, ScanCode } from '@stoqey/ib';
import type { Contract, Order, ScannerSubscription } from '@stoqey/ib';
import type { Clock } from '../src-shared/clock';
import { systemClock } from '../src-shared/clock';
import { createDemoGateway } from '../src-main/demo-gateway';
import type { WriterStats } from '../src-main/recorder/format';
import { startRecordingProxy } from './recording-proxy';
import { ReplayClock } from '../src-main/demo-gateway/replay/replay-clock';

const DEMO_SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'SPY'] as const;
/** When the shipped recording starts: a Wednesday, 11:30 in New York. */
const SHIPPED_START = '2026-07-08T15:30:00Z';

export interface RecordDemoOptions {
  /** Where the recording goes. */
  file: string;
  /** How long the client listens (real seconds of the clock). */
  seconds: number;
  seed?: number;
  /** Highest server version the gateway negotiates (the recording's layout). */
  serverVersion?: number;
  clock?: Clock;
  /** Seconds after connecting when the client buys 10 AAPL at market. */
  buyAfter?: number;
  checkpointMs?: number;
}

export interface RecordedSession {
  readonly file: string;
  readonly stats: WriterStats;
  /** The client's request ids: quotes by symbol, then the other streams. */
  readonly ids: {
    quotes: Record<string, number>;
    chart: number;
    bars: number;
    scan: number;
    details: number;
  };
}

function stock(symbol: string): Contract {
  return { symbol, secType: 'STK' as Contract['secType'], exchange: 'SMART', currency: 'USD' };
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The gateway's news model builds a trading day's stories on the first news line of that day (about a second of
 * blocking work): done here, before recording, so the recording does not open with a second of silence (five at
 * a test's 5x clock).
 */
async function warmNews(port: number): Promise<void> {
  const ib = new IBApi({ host: '127.0.0.1', port, clientId: 99, maxReqPerSec: 40 });
  ib.on(EventName.error, () => undefined);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no news line from the demo gateway')), 10_000);
      ib.once(EventName.tickPrice, () => {
        clearTimeout(timer);
        resolve();
      });
      ib.once(EventName.nextValidId, () => ib.reqMktData(1, stock('AAPL'), '292', false, false));
      ib.connect(99);
    });
  } finally {
    ib.disconnect();
  }
}

export async function recordDemoSession(o: RecordDemoOptions): Promise<RecordedSession> {
  const clock = o.clock ?? systemClock;
  const gw = await createDemoGateway({
    seed: o.seed ?? 1,
    maxServerVersion: o.serverVersion,
    clock,
    scannerRefreshMs: 5_000,
    historicalPacing: 'off',
  });
  await warmNews(gw.port);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-record-'));
  const proxy = await startRecordingProxy({
    upstreamPort: gw.port,
    dir,
    base: 'demo',
    clock,
    checkpointMs: o.checkpointMs,
  });
  const ib = new IBApi({ host: '127.0.0.1', port: proxy.port, clientId: 1, maxReqPerSec: 40 });
  ib.on(EventName.error, () => undefined);
  try {
    const orderId = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no nextValidId from the demo gateway')), 10_000);
      ib.once(EventName.nextValidId, (id: number) => {
        clearTimeout(timer);
        resolve(id);
      });
      ib.connect(1);
    });
    let next = 100;
    const details = next++;
    ib.reqContractDetails(details, stock('AAPL'));
    const quotes: Record<string, number> = {};
    for (const sym of DEMO_SYMBOLS) {
      quotes[sym] = next++;
      ib.reqMktData(quotes[sym], stock(sym), sym === 'AAPL' ? '233,292' : '233', false, false);
    }
    const chart = next++;
    ib.reqHistoricalData(chart, stock('AAPL'), '', '1 D', '1 min' as never, 'TRADES' as never, 0, 1, true);
    const bars = next++;
    ib.reqRealTimeBars(bars, stock('MSFT'), 5, 'TRADES' as never, false);
    const scan = next++;
    ib.reqScannerSubscription(
      scan,
      {
        instrument: 'STK',
        locationCode: 'STK.US.MAJOR',
        scanCode: ScanCode.TOP_PERC_GAIN,
        numberOfRows: 10,
      } as ScannerSubscription,
      [],
      [],
    );
    ib.reqNewsBulletins(true);
    await delay((o.buyAfter ?? 2) * 1000);
    const buy: Order = {
      action: 'BUY',
      orderType: 'MKT',
      totalQuantity: 10,
      transmit: true,
      tif: 'DAY',
    } as Order;
    ib.placeOrder(orderId, stock('AAPL'), buy);
    await delay(Math.max(0, o.seconds - (o.buyAfter ?? 2)) * 1000);
    ib.cancelScannerSubscription(scan);
    ib.disconnect();
    await delay(200);
    const stats = await proxy.close();
    if (!stats?.files[0]) throw new Error('the proxy recorded nothing');
    await rename(stats.files[0], o.file);
    return { file: o.file, stats, ids: { quotes, chart, bars, scan, details } };
  } finally {
    ib.disconnect();
    await proxy.close().catch(() => undefined);
    await gw.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      at: { type: 'string' },
    },
  });
  const file = path.resolve(values.out ?? 'tests/fixtures/recordings/demo-session.ibdrec');
  const seconds = Number(values.seconds ?? 60);
  if (!(seconds >= 5 && seconds <= 3600)) throw new Error('--seconds must be 5…3600');
  // Checkpoints every 10 s, so even this short recording can be sought through them.
  // A fixed weekday morning (ET) rather than whenever the script runs, so the shipped recording reads the same.
  const at = Date.parse(values.at ?? SHIPPED_START);
  if (!Number.isFinite(at)) throw new Error('--at must be an ISO time, e.g. 2026-07-08T15:30:00Z');
  const clock = new ReplayClock(systemClock, at);
  clock.play();
  const r = await recordDemoSession({
    file,
    seconds,
    seed: Number(values.seed ?? 1),
    checkpointMs: 10_000,
    clock,
  });
  console.log(`recorded ${r.stats.records} records in ${r.stats.bytes} bytes to ${r.file}`);
}

if (process.argv[1] && /record-demo\.(ts|mjs)$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
