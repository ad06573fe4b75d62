// Alert evaluation figure, in this process: 500 alerts on 500 symbols (price crosses, touches, % change on the day,
// day volume), fed a recorded stream of quote ticks spread over the 500 symbols with prices walking around the
// alerts' levels so that alerts keep crossing and firing. The figure is the CPU share of one core that evaluation
// would take at 20,000 ticks/s: CPU time of the process (process.cpuUsage) to observe the stream, divided by the
// stream's duration at that rate; median of several rounds (≤ 5 %).
// A second figure runs the same stream through main's alerts service (src-main/services/alerts) as quotes, the way
// market data publishes them: the service's filter of held symbols, the observation it builds, the engine, and a
// firing's history entry and save request; the same budget holds for the whole path.
// A third (alert-notify.ts): a tick crossing a level → the notification call, over TCP in the running app.
import type { Clock, Timer } from '../../src-shared/clock';
import { createAlertEngine } from '../../src-shared/domain/alert-engine';
import { parseAlert, type QuoteObservation } from '../../src-shared/domain/alerts';
import { emptyQuote, type Quote } from '../../src-shared/domain/quote';
import { silentLogger } from '../../src-shared/logger';
import { createAlertsService } from '../../src-main/services/alerts';
import { figure, type Figure } from '../figure';
import { median } from '../web/stats';
import { notifyFigure } from './alert-notify';

const SYMBOLS = 500;
const RATE = 20_000; // ticks per second
const TICKS = Number(process.env.BENCH_ALERT_TICKS ?? 200_000);
const ROUNDS = 5;

export async function run(): Promise<Figure[]> {
  const ticks = stream();
  const rounds: number[] = [];
  let fired = 0;
  for (let r = 0; r <= ROUNDS; r++) {
    const engine = createAlertEngine();
    for (let i = 0; i < SYMBOLS; i++) engine.set(parseAlert(alertFor(i)));
    const c0 = process.cpuUsage();
    let n = 0;
    for (const t of ticks) n += engine.observe(t).length;
    const c = process.cpuUsage(c0);
    if (r > 0) rounds.push((c.user + c.system) / 1000); // round 0 warms the code up
    fired = n;
  }
  if (fired === 0) throw new Error('no alert fired: the stream does not exercise the evaluator');
  const streamMs = (TICKS / RATE) * 1000;
  const cpuMs = median(rounds);
  const service = await serviceRounds(ticks);
  const notify = await notifyFigure();
  return [
    notify,
    figure({
      id: 'alerts.service-cpu',
      name: `alerts service in main: ${SYMBOLS} alerts on ${SYMBOLS} symbols at ${RATE.toLocaleString('en-US')} quotes/s, CPU share of one core`,
      value: (service.cpuMs / streamMs) * 100,
      unit: '%',
      budget: { max: 5 },
      note: `${TICKS.toLocaleString('en-US')} published quotes in ${service.cpuMs.toFixed(0)} ms CPU (median of ${ROUNDS}: ${service.rounds.map((x) => x.toFixed(0)).join(', ')}); ${service.fired} firings (history, save request and event each)`,
    }),
    figure({
      id: 'alerts.evaluation-cpu',
      name: `alerts: ${SYMBOLS} alerts on ${SYMBOLS} symbols at ${RATE.toLocaleString('en-US')} ticks/s, CPU share of one core`,
      value: (cpuMs / streamMs) * 100,
      unit: '%',
      budget: { max: 5 },
      note: `${TICKS.toLocaleString('en-US')} ticks (${streamMs / 1000} s of stream) in ${cpuMs.toFixed(0)} ms CPU (median of ${ROUNDS}: ${rounds.map((x) => x.toFixed(0)).join(', ')}); ${fired} firings`,
    }),
  ];
}

const conIdOf = (i: number) => 100_000 + i;

function alertFor(i: number) {
  const symbol = { symbol: `S${i}`, conId: conIdOf(i) };
  const common = { id: `alert-${i}`, createdAt: 0, symbol, repeat: { mode: 'rearm', cooldownSeconds: 0 } };
  switch (i % 5) {
    case 0:
    case 1:
      return { ...common, kind: 'price-cross', level: 100, direction: 'either' };
    case 2:
      return { ...common, kind: 'price-touch', level: 100.05 };
    case 3:
      return { ...common, kind: 'day-change', percent: 0.1, direction: 'above' };
    default:
      return { ...common, kind: 'volume-above', volume: 1_000_000 };
  }
}

/** The quote ticks of TICKS / RATE seconds: a random symbol each, its price walking a few cents around 100. */
function stream(): QuoteObservation[] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const last = new Float64Array(SYMBOLS).fill(100);
  const volume = new Float64Array(SYMBOLS);
  const out: QuoteObservation[] = [];
  for (let k = 0; k < TICKS; k++) {
    const i = Math.floor(rnd() * SYMBOLS);
    last[i] = Math.round((last[i]! + (rnd() - 0.5) * 0.04) * 100) / 100;
    volume[i]! += 100;
    out.push({
      type: 'quote',
      conId: conIdOf(i),
      at: 1_700_000_000_000 + (k * 1000) / RATE,
      last: last[i]!,
      bid: last[i]! - 0.01,
      ask: last[i]! + 0.01,
      volume: (volume[i]! % 2_000_000) + 1,
      close: 100,
    });
  }
  return out;
}

/** A clock whose time is the stream's and whose timers never run (the service's 1 s beat is not what is timed). */
function streamClock(): Clock & { at: number } {
  const c = {
    at: 0,
    now: () => c.at,
    setTimeout: () => 0 as unknown as Timer,
    clearTimeout: () => undefined,
    setInterval: () => 0 as unknown as Timer,
    clearInterval: () => undefined,
  };
  return c;
}

/** The stream as published quotes through the alerts service: CPU per round and the firings of the last. */
async function serviceRounds(ticks: readonly QuoteObservation[]) {
  const quotes: Quote[] = ticks.map((t) => ({ ...emptyQuote(t.conId, 'live'), ...t, updatedAt: t.at }));
  const rounds: number[] = [];
  let fired = 0;
  for (let r = 0; r <= ROUNDS; r++) {
    const clock = streamClock();
    let n = 0;
    let id = 0;
    const service = createAlertsService({
      store: { load: async () => ({ alerts: [], history: [] }), save: async () => undefined },
      lines: {
        subscribe: (_h, contracts) => contracts.map((c) => emptyQuote(c.conId)),
        unsubscribe: () => undefined,
        quote: () => undefined,
      },
      connection: { state: () => 'ready', onState: () => () => undefined },
      knownConId: async () => true,
      clock,
      log: silentLogger,
      changed: () => undefined,
      fired: () => void n++,
      notice: () => undefined,
      newId: () => `alert-${id++}`,
    });
    await service.useProfile('bench');
    for (let i = 0; i < SYMBOLS; i++) {
      const { id: _id, createdAt: _at, ...input } = alertFor(i);
      await service.create(input);
    }
    const c0 = process.cpuUsage();
    for (const q of quotes) {
      clock.at = q.updatedAt!;
      service.onQuotes([q]);
    }
    const c = process.cpuUsage(c0);
    if (r > 0) rounds.push((c.user + c.system) / 1000);
    fired = n;
    await service.stop();
  }
  if (fired === 0) throw new Error('no alert fired through the service');
  return { cpuMs: median(rounds), rounds, fired };
}
