// Figure 1: main-process ingest. The same recorded byte stream of level-1 ticks for 500 instruments is pushed
// (a) through @stoqey/ib's socket framing + decoder alone, no listeners (the baseline), and (b) through the app's
// real path: the same decoder inside the link (request-id routing) → tws adapter → market-data service
// (coalescing) → hub (per-window coalescing). Both in this process, chunk by chunk, yielding to microtasks between
// chunks as a socket would; rate = messages / CPU time of the process (process.cpuUsage, so a busy machine that
// deschedules us does not count), i.e. messages per second of one core.
// With "Record this session" on, (c) the same app path with the recorder on the connection's tap and its writer in
// a worker thread, as the app runs it: paired with (b) round by round, CPU of the main thread (the worker runs
// beside it; the process's CPU, worker included, is in the note), and the bytes the recording took on disk.
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
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { recordedRequest } from '../../src-main/demo-gateway/index';
import { createRecorder, type Recorder } from '../../src-main/services/recorder/index';
import type { RecordingStatus } from '../../src-shared/domain/recording';
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
  return (await pumpThreads(feed, stream)).process;
}

/** This thread's CPU ms (Linux: /proc/thread-self/stat, 10 ms ticks); null where there is no such file. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** CPU ms of the process and of the main thread alone (the process's where a thread's cannot be read). */
async function pumpThreads(
  feed: (chunk: Buffer) => void,
  stream: TickStream,
): Promise<{ process: number; main: number }> {
  const c0 = process.cpuUsage();
  const t0 = threadCpuMs();
  for (const chunk of stream.chunks) {
    feed(chunk);
    await null; // what the socket's next 'data' event would let run first: microtasks
  }
  const c = process.cpuUsage(c0);
  const t1 = threadCpuMs();
  const total = (c.user + c.system) / 1000;
  return { process: total, main: t0 !== null && t1 !== null ? t1 - t0 : total };
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
async function startApp(
  reqIdsOut?: number[],
  /** Record the session there ("Record this session" on, masked), the writer in its worker. */
  recordTo?: string,
): Promise<{
  feed(chunk: Buffer): void;
  stop(): Promise<void>;
  delivered(): number;
  recording(): Promise<RecordingStatus | null>;
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
  let recorder: Recorder | null = null;
  if (recordTo) {
    recorder = createRecorder({
      clock: systemClock,
      log: silentLogger,
      link: { setTap: (t) => trading.link.setTap(t), serverVersion: () => null },
      decodeRequest: recordedRequest,
      dir: recordTo,
      appVersion: 'bench',
      workerFile: WORKER,
    });
    recorder.start({ keep: false, label: 'bench' });
  }
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
    recording: async () => (recorder ? recorder.stop('bench round done') : null),
    async stop() {
      await recorder?.stop('bench round done');
      await trading.stop();
      hub.stop();
      void sent;
    },
  };
}

/** The recorder's worker bundle that scripts/bench.mjs makes beside the bench's own. */
const WORKER = path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-bench', 'recorder-worker.mjs');

/** Figure 1 again with "Record this session" on: paired rounds of the app without and with the recorder. */
async function withRecording(): Promise<Figure[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-bench-rec-'));
  const off: number[] = [];
  const on: number[] = [];
  const ratios: number[] = [];
  const processRatios: number[] = [];
  const perMessage: number[] = [];
  let dropped = 0;
  let messages = 0;
  try {
    for (let k = 0; k <= ROUNDS; k++) {
      const round = async (record: boolean) => {
        const ids: number[] = [];
        const a = await startApp(ids, record ? path.join(dir, String(k)) : undefined);
        const s = buildTickStream(ids, MESSAGES);
        try {
          const cpu = await pumpThreads(a.feed, s);
          const rec = await a.recording();
          return { cpu, rec, messages: s.messages };
        } finally {
          await a.stop();
        }
      };
      // Which goes first alternates, so drift in machine load hits both alike.
      const first = await round(k % 2 === 0);
      const second = await round(k % 2 !== 0);
      const [without, recorded] = k % 2 === 0 ? [second, first] : [first, second];
      if (k === 0) continue;
      off.push((without.messages / without.cpu.main) * 1000);
      on.push((recorded.messages / recorded.cpu.main) * 1000);
      ratios.push(without.cpu.main / recorded.cpu.main);
      processRatios.push(without.cpu.process / recorded.cpu.process);
      const rec = recorded.rec!;
      if (rec.state !== 'off' || rec.records === 0) throw new Error(`the recorder: ${JSON.stringify(rec)}`);
      perMessage.push(rec.bytes / rec.records);
      dropped += rec.dropped;
      messages = recorded.messages;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const thread =
    threadCpuMs() !== null ? "the main thread's CPU" : "the process's CPU (no per-thread CPU here)";
  return [
    figure({
      id: 'ingest.recording',
      name: '#1 main ingest with "Record this session" on (writer in its worker)',
      value: med(on),
      unit: 'msg/s',
      budget: { minRatio: 0.95 },
      baseline: med(off),
      ratio: med(ratios),
      note: `ratio: median of ${ROUNDS} paired rounds of the app without and with the recorder, ${thread}; with the worker's CPU counted too (whole process) the median ratio is ${med(processRatios).toFixed(3)}; ${messages} messages a round; ${dropped} records dropped in all rounds`,
    }),
    figure({
      id: 'ingest.recording.bytes',
      name: 'recording on disk per message, quote traffic of figure 1 (500 symbols)',
      value: med(perMessage),
      unit: 'B/msg',
      budget: { max: 16 },
      note: `file bytes (headers, index and the app's requests included) / records, median of ${ROUNDS} recordings`,
    }),
  ];
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
    ...(await withRecording()),
  ];
}
