// Figure 1: main-process ingest. The same recorded byte stream of level-1 ticks for 500 instruments is pushed
// (a) through @stoqey/ib's socket framing + decoder alone, no listeners (the baseline), and (b) through the app's
// real path: the same decoder inside the link (request-id routing) → tws adapter → market-data service
// (coalescing) → hub (per-window coalescing). Both in this process, chunk by chunk, yielding to microtasks between
// chunks as a socket would; rate = messages / CPU time of the process (process.cpuUsage, so a busy machine that
// deschedules us does not count), i.e. messages per second of one core.
import type { IBApi } from '@stoqey/ib';
import { EventName } from '@stoqey/ib';
import { defaultSettings } from '../../src-shared/domain/settings';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { createHub } from '../../src-main/hub/hub';
import { createIbApi } from '../../src-main/ib/connection';
import type { ResolvedContract } from '../../src-main/ib/adapter';
import { stockContract } from '../../src-main/demo-gateway/index';
import { createTrading } from '../../src-main/trading';
import { figure, type Figure } from '../figure';
import { buildTickStream, handshakeFrames, type TickStream } from '../support/tick-stream';

const SYMBOLS = 500;
const MESSAGES = Number(process.env.BENCH_INGEST_MESSAGES ?? 400_000);
const ROUNDS = 7;

type RawSocket = { onData(data: Buffer): void };
function socketOf(api: IBApi): RawSocket {
  return (api as unknown as { controller: { socket: RawSocket } }).controller.socket;
}

/** An IBApi whose socket is fed by the bench instead of TCP: connect() plays TWS's side of the handshake. */
function offlineApi(): { api: IBApi; feed(chunk: Buffer): void } {
  const api = createIbApi({ host: '127.0.0.1', port: 1, clientId: 0 });
  const socket = socketOf(api);
  const s = socket as unknown as { _status: number };
  (api as unknown as { connect(clientId?: number): IBApi }).connect = () => {
    s._status = 1; // connecting, as after net.connect
    setImmediate(() => {
      for (const f of handshakeFrames()) socket.onData(f);
    });
    return api;
  };
  return { api, feed: (chunk) => socket.onData(chunk) };
}

/** CPU milliseconds (user + system, this process) to take the whole stream: "per second on one core". */
async function pump(feed: (chunk: Buffer) => void, stream: TickStream): Promise<number> {
  const c0 = process.cpuUsage();
  for (const chunk of stream.chunks) {
    feed(chunk);
    await null; // what the socket's next 'data' event would let run first: microtasks
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function rawDecoder(stream: TickStream): Promise<{ ms: number; events: number }> {
  const { api, feed } = offlineApi();
  let events = 0;
  api.on(EventName.error, () => undefined);
  // The one listener of the baseline: it proves every message was decoded (and costs what one listener costs).
  api.on(EventName.received, () => events++);
  api.connect(0);
  await new Promise((r) => setTimeout(r, 10));
  const ms = await pump(feed, stream);
  api.disconnect();
  return { ms, events };
}

/** The trading core with one window attached to a hub, 500 quote lines open; returns the feed of its socket. */
async function startApp(reqIdsOut?: number[]): Promise<{
  feed(chunk: Buffer): void;
  stop(): Promise<void>;
  delivered(): number;
}> {
  const hub = createHub({ clock: systemClock, log: silentLogger });
  let sent = 0;
  let quotes = 0;
  hub.attach({
    id: 'w1',
    send: (events) => {
      sent++;
      for (const e of events) if (e.event === 'quotes') quotes += e.payload.quotes.length;
    },
    backlog: () => 0,
    close: () => undefined,
  });
  let feed: ((chunk: Buffer) => void) | null = null;
  const trading = createTrading({
    clock: systemClock,
    log: silentLogger,
    outlet: hub,
    prefs: { ...defaultSettings().preferences, marketDataLines: SYMBOLS },
    gaugesEveryMs: 0,
    link: {
      createApi: () => {
        const o = offlineApi();
        feed = o.feed;
        return o.api;
      },
    },
  });
  trading.link.connect({ host: '127.0.0.1', port: 1, clientId: 0 });
  for (let i = 0; i < 200 && !trading.link.isReady(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!trading.link.isReady()) throw new Error('the offline link did not become ready');
  const contracts: ResolvedContract[] = Array.from({ length: SYMBOLS }, (_, i) =>
    stockContract({ conId: 1000 + i, symbol: `S${i}`, currency: 'USD' }),
  );
  trading.marketData.subscribe({ key: 'w1', clientId: 'w1' }, contracts);
  const ids = trading.link
    .streams()
    .filter((s) => s.kind === 'quotes')
    .map((s) => s.reqId)
    .filter((id): id is number => id !== null);
  if (ids.length !== SYMBOLS) throw new Error(`expected ${SYMBOLS} open quote lines, got ${ids.length}`);
  reqIdsOut?.push(...ids);
  hub.flush();
  sent = 0;
  quotes = 0;
  return {
    feed: (chunk) => feed!(chunk),
    delivered: () => {
      hub.flush();
      return quotes;
    },
    async stop() {
      await trading.stop();
      hub.stop();
      void sent;
    },
  };
}

export async function run(): Promise<Figure[]> {
  const raw: number[] = [];
  const app: number[] = [];
  const ratios: number[] = [];
  let delivered = 0;
  let sample: TickStream | null = null;
  // Round 0 warms both paths up (JIT); rounds alternate which path goes first, so drift in machine load hits both alike. Each app gets
  // fresh request ids (never reused in a process), so each round's stream is built for the app it feeds.
  for (let k = 0; k <= ROUNDS; k++) {
    const ids: number[] = [];
    const a = await startApp(ids);
    const s = buildTickStream(ids, MESSAGES);
    const timeApp = async (): Promise<number> => {
      try {
        const ms = await pump(a.feed, s);
        delivered = a.delivered();
        return ms;
      } finally {
        await a.stop();
      }
    };
    let appMs: number;
    let r: { ms: number; events: number };
    if (k % 2 === 0) {
      appMs = await timeApp();
      r = await rawDecoder(s);
    } else {
      r = await rawDecoder(s);
      appMs = await timeApp();
    }
    if (r.events < s.messages)
      throw new Error(`the raw decoder emitted ${r.events} events for ${s.messages} messages`);
    if (k === 0) continue;
    sample = s;
    raw.push((s.messages / r.ms) * 1000);
    app.push((s.messages / appMs) * 1000);
    ratios.push(r.ms / appMs);
  }
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const s0 = sample!;
  return [
    figure({
      id: 'ingest.rate',
      name: `#1 main ingest, ${SYMBOLS} symbols (decode+route+coalesce)`,
      value: med(app),
      unit: 'msg/s',
      budget: { min: 150_000, minRatio: 0.7 },
      baseline: med(raw),
      ratio: med(ratios),
      note: `ratio: median of ${ROUNDS} paired rounds (raw, app on the same stream); median of ${ROUNDS} runs of ${s0.messages} messages (${(s0.bytes / 1e6).toFixed(1)} MB in ${s0.chunks.length} chunks of 64 KB); baseline: @stoqey/ib framing+decode alone; ${delivered} quotes reached the window`,
    }),
  ];
}
