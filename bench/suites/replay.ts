// Replay figures (the demo gateway replaying a recording): (a) seek to any time of a 6.5-hour recording of 500
// symbols (4 quote messages/s each, a checkpoint every minute as a recorder writes them) ≤ 2 s, at 10 times across
// the day; (b) the gateway's CPU replaying a 500-symbol hour at 60x to a client holding all 500 lines ≤ 1 core. The
// recording is made here at run time (once, kept in node_modules/.cache, remade when the sources that decide its
// bytes change); nothing of it is committed.
import { stat } from 'node:fs/promises';
import { createReplayCheckpointer, CHECKPOINT_EVERY_MS } from '../../src-main/demo-gateway';
import { createDemoGateway } from '../../src-main/demo-gateway/gateway';
import { quoteTraffic } from '../../tests/support/quote-traffic';
import { RawClient } from '../../tests/integration/gateway/raw-client';
import { figure, type Figure } from '../figure';
import { cachedBenchRecording, quoteLineRequest } from '../support/recording';
import type { RecordingWriter } from '../../src-main/recorder/format';

const SYMBOLS = 500;
const PER_SYMBOL = 4;
const DAY_MESSAGES = Number(process.env.BENCH_REPLAY_MESSAGES ?? SYMBOLS * PER_SYMBOL * 23_400);
/** Real seconds of 60x play measured (an hour of recording takes 60). */
const PLAY_SECONDS = Number(process.env.BENCH_REPLAY_PLAY_SECONDS ?? 20);
const VERSION = 176;

const symbolOf = (i: number): string => `S${String(i).padStart(3, '0')}`;

/** The 6.5-hour recording: 500 quote lines asked for at its start, their traffic, a checkpoint every minute. */
function dayRecording(): Promise<{ file: string; seconds: number }> {
  const sources = [
    'src-main/demo-gateway/replay/checkpoint.ts',
    'src-main/demo-gateway/replay/recorded-stream.ts',
    'bench/suites/replay.ts',
  ];
  const extra = String(DAY_MESSAGES);
  return cachedBenchRecording({ suite: 'replay', base: 'day', serverVersion: VERSION, sources, extra }, fill);
}

async function fill(w: RecordingWriter): Promise<void> {
  const cp = createReplayCheckpointer(VERSION);
  let next = Number.NaN;
  let n = 0;
  for (const m of quoteTraffic({ count: DAY_MESSAGES, symbols: SYMBOLS, messagesPerSecond: PER_SYMBOL })) {
    if (Number.isNaN(next)) {
      for (let i = 0; i < SYMBOLS; i++) {
        const req = quoteLineRequest(1001 + i, { conId: 0, symbol: symbolOf(i) });
        w.request(req, m.t);
        cp.request(req, m.t);
      }
      next = m.t + CHECKPOINT_EVERY_MS;
    }
    if (m.t >= next) {
      w.request(cp.checkpoint(), m.t);
      next += CHECKPOINT_EVERY_MS;
    }
    w.incoming(m.fields, m.t);
    cp.incoming(m.fields, m.t);
    if (++n % 16_384 === 0) await w.flush();
  }
}

const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function seekFigure(file: string, note: string): Promise<Figure> {
  const t0 = performance.now();
  const gw = await createDemoGateway({ port: 0, replay: { file, paused: true } });
  const opened = performance.now() - t0;
  const times: number[] = [];
  try {
    const { firstTime, lastTime } = gw.replay!.status();
    // Across the day, in an order that goes back as often as forward.
    for (const k of [5, 1, 9, 3, 7, 0, 8, 2, 6, 4]) {
      const at = firstTime + ((lastTime - firstTime) * (k + 0.5)) / 10;
      const s = performance.now();
      await gw.replay!.seek(at);
      times.push(performance.now() - s);
      if (gw.replay!.status().time !== Math.floor(at) && gw.replay!.status().time !== at)
        throw new Error('the seek did not land');
    }
  } finally {
    await gw.close();
  }
  return figure({
    id: 'replay.seek',
    name: 'replay: seek the demo gateway to a time of a 6.5-hour, 500-symbol recording, worst of 10',
    value: Math.max(...times) / 1000,
    unit: 's',
    budget: { max: 2 },
    note: `median ${med(times).toFixed(0)} ms; opening the recording ${opened.toFixed(0)} ms; ${note}`,
  });
}

async function cpuFigure(file: string): Promise<Figure> {
  const gw = await createDemoGateway({ port: 0, replay: { file, paused: true }, maxRequestsPerSecond: 1000 });
  const c = await RawClient.started(gw.port, 1, `v100..${VERSION}`);
  try {
    for (let i = 0; i < SYMBOLS; i++) c.reqStockMktData(1001 + i, 0, symbolOf(i));
    const started = Date.now();
    while (gw.received(1).filter((m) => m.msgId === 1).length < SYMBOLS) {
      if (Date.now() - started > 30_000) throw new Error('the gateway did not take the 500 requests');
      await new Promise((r) => setTimeout(r, 20));
    }
    // From here the client only counts bytes: the figure is the gateway's work.
    c.socket.removeAllListeners('data');
    let bytes = 0;
    c.socket.on('data', (d: Buffer) => (bytes += d.length));
    gw.replay!.setSpeed(60);
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const clock0 = gw.replay!.status().time;
    gw.replay!.play();
    await new Promise((r) => setTimeout(r, PLAY_SECONDS * 1000));
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - wall0;
    const played = (gw.replay!.status().time - clock0) / 1000;
    const cores = (cpu.user + cpu.system) / 1000 / wall;
    return figure({
      id: 'replay.cpu-60x',
      name: 'replay: gateway CPU replaying 500 symbols at 60x to one client holding every line (cores)',
      value: cores,
      unit: 'cores',
      budget: { max: 1 },
      note: `${PLAY_SECONDS} s of play = ${(played / 60).toFixed(1)} min of recording (${SYMBOLS * PER_SYMBOL * 60} msg/s relayed), ${(bytes / 1e6).toFixed(0)} MB sent; process CPU (the byte-counting client included)`,
    });
  } finally {
    c.close();
    await gw.close();
  }
}

export async function run(): Promise<Figure[]> {
  const { file, seconds } = await dayRecording();
  const size = (await stat(file)).size;
  const note = `${DAY_MESSAGES} messages, ${(size / 1e6).toFixed(0)} MB${seconds ? `, made in ${seconds.toFixed(0)} s` : ', from cache'}`;
  return [await seekFigure(file, note), await cpuFigure(file)];
}
