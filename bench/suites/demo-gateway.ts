// Demo gateway figures: (a) CPU to stream 500 instruments to three clients (clients in a child process, so the
// gateway's own cost is measured with process.cpuUsage), (b) latency of a 1-year daily and a 30-day 1-minute
// history request over TCP, each against an in-process baseline (generating and encoding the same bars).
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { Figure } from '../figure';
import { bundle } from '../support/child';
import { createDemoGateway } from '../../src-main/demo-gateway/gateway';
import { buildUniverse } from '../../src-main/demo-gateway/model/universe';
import { Market } from '../../src-main/demo-gateway/model/market';
import { HistoryEngine } from '../../src-main/demo-gateway/model/history';
import { HistoryService } from '../../src-main/demo-gateway/handlers/history';
import { parseBarSize, parseDuration } from '../../src-main/demo-gateway/model/bar-spec';
import type { BarSize, Duration } from '../../src-main/demo-gateway/model/bar-spec';
import type { GatewayContext } from '../../src-main/demo-gateway/context';

export async function run(): Promise<Figure[]> {
  return [...(await streaming()), ...(await history())];
}

async function streaming(): Promise<Figure[]> {
  const seconds = Number(process.env.BENCH_STREAM_SECONDS ?? 60);
  const instruments = 500;
  const clients = 3;
  const tickRate = process.env.BENCH_TICK_RATE ? Number(process.env.BENCH_TICK_RATE) : undefined;
  const gw = await createDemoGateway({ seed: 1, tickRate });
  const child = await bundle('stream-clients');
  const conIds = gw.universe.instruments.slice(0, instruments).map((i) => i.conId);
  const proc = spawn(process.execPath, [child, String(gw.port), String(clients), conIds.join(',')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let latest = { frames: 0, bytes: 0, ready: 0 };
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    const line = chunk.trim().split('\n').pop();
    if (line) latest = JSON.parse(line) as typeof latest;
  });
  try {
    const deadline = Date.now() + 90_000;
    while (gw.subscriptions().marketData < instruments * clients) {
      if (Date.now() > deadline)
        throw new Error(`only ${gw.subscriptions().marketData} subscriptions after 90 s`);
      await sleep(200);
    }
    await sleep(3000);
    const f0 = latest;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t0;
    const f1 = latest;
    const pct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    const rate = ((f1.frames - f0.frames) / wall) * 1000;
    const mbps = (((f1.bytes - f0.bytes) / wall) * 1000) / 1e6;
    return [
      {
        id: 'demo-gateway.stream-cpu',
        name: `#12 gateway stream ${instruments} instruments x ${clients} clients, ${seconds} s`,
        value: pct,
        unit: '% of a core',
        budget: '< 10',
        ok: tickRate !== undefined || pct < 10,
        note: `${Math.round(rate)} messages/s delivered (${mbps.toFixed(2)} MB/s), tick rate ${gw.options.tickRate}/s`,
      },
    ];
  } finally {
    proc.kill('SIGTERM');
    await gw.close();
  }
}

interface Case {
  id: string;
  name: string;
  duration: string;
  bar: string;
}

const CASES: Case[] = [
  { id: 'demo-gateway.history-1y-daily', name: 'history 1 Y of 1 day bars', duration: '1 Y', bar: '1 day' },
  { id: 'demo-gateway.history-30d-1min', name: 'history 30 D of 1 min bars', duration: '30 D', bar: '1 min' },
];
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL'];

async function history(): Promise<Figure[]> {
  const gw = await createDemoGateway({ seed: 1, historicalPacing: 'off' });
  const c = await RawClient.open(gw.port);
  const out: Figure[] = [];
  try {
    // Baseline in the same process: the same bars generated and encoded, no socket, no parsing.
    const universe = buildUniverse(Date.now());
    const market = new Market(universe, 1, false);
    const engine = new HistoryEngine(market);
    const encoder = new HistoryService({ market } as unknown as GatewayContext);
    const baseline = (symbol: string, cs: Case): number => {
      const inst = universe.bySymbol(symbol)[0]!;
      const t = performance.now();
      const end = Date.now();
      const start = engine.startOf(inst, end, parseDuration(cs.duration) as Duration, false);
      const bars = engine.bars(inst, start, end, parseBarSize(cs.bar) as BarSize, false, 'TRADES');
      encoder.encode(193, 1, inst, bars, start, end, 1);
      return performance.now() - t;
    };
    // Warm both paths up on a symbol that is not measured (JIT), as a long-running gateway would be.
    for (const cs of CASES) {
      await c.history(gw.universe.bySymbol('IBM')[0]!.conId, cs.duration, cs.bar);
      baseline('IBM', cs);
    }
    for (const cs of CASES) {
      const socket: number[] = [];
      const local: number[] = [];
      let bars = 0;
      for (const symbol of SYMBOLS) {
        const r = await c.history(gw.universe.bySymbol(symbol)[0]!.conId, cs.duration, cs.bar);
        socket.push(r.ms);
        bars = r.bars;
        local.push(baseline(symbol, cs));
      }
      const value = median(socket);
      const base = median(local);
      out.push({
        id: cs.id,
        name: `${cs.name} over TCP (median of ${SYMBOLS.length} symbols)`,
        value,
        unit: 'ms',
        budget: '< 100',
        ok: value < 100,
        baseline: base,
        ratio: value / base,
        note: `${bars} bars; fastest ${Math.min(...socket).toFixed(1)} ms, slowest ${Math.max(...socket).toFixed(1)} ms; baseline: same bars generated and encoded in-process`,
      });
    }
  } finally {
    c.close();
    await gw.close();
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Minimal TWS client: handshake at v193, then historical requests timed until their whole frame has arrived. */
class RawClient {
  private chunks: Buffer[] = [];
  private have = 0;
  private need = -1;
  private waiting: ((fields: string[]) => void) | undefined;
  private reqId = 1;

  private constructor(private readonly s: Socket) {
    s.on('data', (d: Buffer) => {
      // Chunks are only joined once a whole frame is there (a 3 MB frame arrives in many reads).
      this.chunks.push(d);
      this.have += d.length;
      for (;;) {
        if (this.need < 0) {
          if (this.have < 4) return;
          this.join();
          this.need = (this.chunks[0] as Buffer).readUInt32BE(0);
        }
        if (this.have < 4 + this.need) return;
        this.join();
        const buf = this.chunks[0] as Buffer;
        const body = buf.subarray(4, 4 + this.need);
        const rest = buf.subarray(4 + this.need);
        this.chunks = rest.length ? [rest] : [];
        this.have = rest.length;
        this.need = -1;
        // Only the head of each frame is parsed: the id, the request id, the bar count.
        const head = body.subarray(0, 128).toString('latin1').split('\0');
        this.waiting?.(head);
      }
    });
  }

  private join(): void {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
  }

  static async open(port: number): Promise<RawClient> {
    const s = await new Promise<Socket>((resolve, reject) => {
      const sock = connect({ host: '127.0.0.1', port }, () => resolve(sock));
      sock.once('error', reject);
    });
    const c = new RawClient(s);
    const hello = Buffer.from('v100..193', 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(hello.length);
    const first = c.next(() => true);
    s.write(Buffer.concat([Buffer.from('API\0', 'latin1'), len, hello]));
    await first;
    const started = c.next((f) => f[0] === '9');
    c.send([71, 2, 77, '']);
    await started;
    return c;
  }

  private next(match: (fields: string[]) => boolean): Promise<string[]> {
    return new Promise((resolve) => {
      this.waiting = (f) => {
        if (!match(f)) return;
        this.waiting = undefined;
        resolve(f);
      };
    });
  }

  private send(fields: (string | number)[]): void {
    const body = Buffer.from(`${fields.join('\0')}\0`, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    this.s.write(Buffer.concat([len, body]));
  }

  async history(conId: number, duration: string, bar: string): Promise<{ ms: number; bars: number }> {
    const id = this.reqId++;
    const done = this.next(
      (f) => (f[0] === '17' && f[1] === String(id)) || (f[0] === '4' && f[2] === String(id)),
    );
    const t = performance.now();
    this.send([
      20,
      id,
      conId,
      '',
      '',
      '',
      0,
      '',
      '',
      'SMART',
      '',
      '',
      '',
      '',
      0,
      '',
      bar,
      duration,
      0,
      'TRADES',
      1,
      0,
      '',
    ]);
    const f = await done;
    const ms = performance.now() - t;
    if (f[0] === '4') throw new Error(`history request failed: ${f.join('|')}`);
    return { ms, bars: Number(f[4]) };
  }

  close(): void {
    this.s.destroy();
  }
}
