// `npm run soak`: the app's trading core (link, pacer, services, order journal — the code the app runs) against the
// demo gateway over TCP, while the gateway injects a random fault after every recovery check and a driver places
// and cancels random valid orders, watching 500 symbols, 3 scanners and 2 live charts. At the end checks.ts judges
// what was recorded; the summary is printed and written to <out>/result.json. Seeded: the same seed gives the same
// faults with the same parameters and intervals, and the same stream of order decisions (which quotes they meet
// depends on the wall clock).
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OrderModify, OrderTicket, isWorking } from '../../src-shared/domain/order';
import type { Quote } from '../../src-shared/domain/quote';
import { defaultSettings, DEFAULT_LIMITS } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/result';
import { systemClock } from '../../src-shared/clock';
import { createLogBook } from '../logging/log-book';
import { createDemoGateway, type DemoGateway } from '../demo-gateway/gateway';
import { hash32, Prng } from '../demo-gateway/model/rng';
import type { ResolvedContract } from '../ib/adapter';
import { createOrderJournal } from '../services/orders/journal';
import { createTrading, type Trading } from '../trading';
import { judge, type ModifyCall, type PlaceCall, type Recovery, type Verdict } from './checks';
import { createFaultPlan, FAULT_KINDS } from './fault-plan';
import type { SoakOptions } from './options';

export type SoakSummary = {
  seed: number;
  minutes: number;
  faultEveryS: [number, number];
  passed: boolean;
  violations: string[];
  faults: Record<string, number>;
  faultsInjected: number;
  /** Recoveries whose ticks were timed (one per fault, or only the end with --overlap). */
  recoveriesTimed: number;
  overlap: boolean;
  recoveries: number;
  maxRecoveryMs: number;
  maxTickAfterReadyMs: number;
  /** Time from ready to every subscription ticking again, over all recoveries: median, 95th percentile. */
  tickAfterReadyMs: { p50: number; p95: number; overLimit: number };
  orders: {
    placeCalls: number;
    placed: number;
    refusedWhileDown: number;
    otherRefusals: Record<string, number>;
    cancelsSent: number;
    cancelsRefused: number;
    modifiesSent: number;
    modifyRefusals: Record<string, number>;
    checked: number;
    swallowedBySilentGateway: number;
    executionsChecked: number;
    positionsChecked: number;
  };
  subscriptions: { symbols: number; scanners: number; charts: number };
  heapMb: { start: number; end: number; peak: number; growth: number; limit: number };
  out: string;
};

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

const CLIENT_ID = 7;
const ACCOUNT_LIMITS = { ...DEFAULT_LIMITS, maxNotional: 1_000_000 };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(probe: () => boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (probe()) return true;
    await sleep(everyMs);
  }
  return probe();
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function heapNow(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export async function runSoak(o: SoakOptions, io: Io): Promise<{ code: number; summary: SoakSummary }> {
  const say = (line: string) => {
    if (!o.quiet) io.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  };
  const out = o.out ?? (await mkdtemp(path.join(os.tmpdir(), 'ibdesk-soak-')));
  await mkdir(out, { recursive: true });
  const logFile = createWriteStream(path.join(out, 'soak-log.txt'));

  const unhandled: string[] = [];
  const onRejection = (reason: unknown) =>
    unhandled.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  const onException = (err: Error) => unhandled.push(`uncaught exception: ${err.stack ?? err.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  // Two streams, so the fault sequence does not depend on how many orders happened to be placed in between.
  const faultRng = new Prng(hash32(o.seed, 1));
  const rng = new Prng(hash32(o.seed, 2));
  const between = (lo: number, hi: number, r: Prng = rng) => lo + r.next() * (hi - lo);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)] as T;

  const gw: DemoGateway = await createDemoGateway({ host: '127.0.0.1', port: 0, seed: o.seed });
  const logBook = createLogBook({ capacity: 2000 });
  logBook.subscribe((e) => {
    logFile.write(
      `${new Date(e.time).toISOString()} ${e.level} [${e.source}] ${e.message}${e.twsCode ? ` (TWS ${e.twsCode})` : ''}\n`,
    );
  });

  // What the user would see: the last time each subscription delivered something.
  const lastTick = new Map<string, number>();
  const trading: Trading = createTrading({
    clock: systemClock,
    log: logBook.logger('soak'),
    outlet: {
      broadcast: () => undefined,
      emitTo: (_client, event, payload) => {
        if (event === 'scan') {
          const p = payload as { scanId: string; stopped?: unknown };
          if (!p.stopped) lastTick.set(`scanner ${p.scanId}`, Date.now());
        } else if (event === 'bars')
          lastTick.set(`chart ${(payload as { subId: string }).subId}`, Date.now());
      },
      quotes: (qs: readonly Quote[]) => {
        const now = Date.now();
        for (const q of qs) if (q.state === 'live') lastTick.set(`quote ${q.conId}`, now);
      },
    },
    prefs: { ...defaultSettings().preferences, marketDataLines: o.symbols + 100 },
    gaugesEveryMs: 0,
  });
  const link = trading.link;
  let recoveries = 0;
  let wasReady = false;
  link.onStatus((s) => {
    if (s.state === 'ready' && !wasReady) recoveries++;
    wasReady = s.state === 'ready';
  });

  const journalDir = path.join(out, 'journal');
  await trading.orders.open(createOrderJournal({ dir: journalDir, name: 'soak' }), {
    id: 'soak',
    readOnly: false,
    limits: ACCOUNT_LIMITS,
    demo: true,
  });

  const placeCalls: PlaceCall[] = [];
  const modifyCalls: ModifyCall[] = [];
  const modifyRefusals: Record<string, number> = {};
  const recoveryLog: Recovery[] = [];
  const faultCounts: Record<string, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0]));
  const otherRefusals: Record<string, number> = {};
  let cancelsSent = 0;
  let faultsInjected = 0;
  let cancelsRefused = 0;
  let maxRecoveryMs = 0;
  let heapPeak = 0;
  let heapStart = 0;
  let heapEnd = 0;
  let verdict: Verdict | null = null;
  const setupProblems: string[] = [];

  try {
    say(
      `seed ${o.seed}, ${o.minutes} min, a fault ${o.faultEveryS[0]}–${o.faultEveryS[1]} s after each recovery; output in ${out}`,
    );
    link.connect({ host: gw.host, port: gw.port, clientId: CLIENT_ID });
    if (!(await until(() => link.isReady(), 30_000))) throw new Error('the link never became ready');
    recoveries = 0;

    // ---- subscriptions: 500 symbols, 3 scanners, 2 charts -----------------------------------------------------
    const stocks = gw.universe.instruments.filter((i) => i.secType === 'STK').slice(0, o.symbols);
    const contracts: ResolvedContract[] = stocks.map((i) => ({
      conId: i.conId,
      symbol: i.symbol,
      secType: 'STK',
      exchange: 'SMART',
      currency: i.currency,
    }));
    trading.marketData.subscribe({ key: 'soak', clientId: 'soak' }, contracts);
    const keys = contracts.map((c) => `quote ${c.conId}`);
    for (const scanCode of ['TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME']) {
      const { scanId } = trading.scanner.start('soak', {
        scanCode,
        instrument: 'STK',
        location: 'STK.US.MAJOR',
        rows: 20,
        filters: {},
        withQuotes: false,
      });
      keys.push(`scanner ${scanId}`);
    }
    const chartOf = (symbol: string) =>
      contracts.find((c) => c.symbol === symbol) ?? (contracts[0] as ResolvedContract);
    for (const [symbol, barSize, duration] of [
      ['AAPL', '5 secs', '1800 S'],
      ['MSFT', '1 min', '1 D'],
    ] as const) {
      const { subId } = await trading.history.subscribe('soak', {
        contract: chartOf(symbol),
        barSize,
        duration,
        whatToShow: 'TRADES',
        useRTH: false,
      });
      keys.push(`chart ${subId}`);
    }
    const allTicked = (since: number) => keys.filter((k) => (lastTick.get(k) ?? 0) <= since);
    if (!(await until(() => allTicked(0).length === 0, 90_000, 200)))
      throw new Error(`subscriptions never delivered at the start: ${allTicked(0).slice(0, 10).join(', ')}`);
    say(`watching ${contracts.length} symbols, 3 scanners, 2 charts; every one has delivered`);
    await sleep(3_000);
    heapStart = heapNow();
    heapPeak = heapStart;
    const started = Date.now();
    const deadline = started + o.minutes * 60_000;
    let stopping = false;

    // ---- the order driver -------------------------------------------------------------------------------------
    const quoteOf = (conId: number) => trading.marketData.quote(conId);
    const round = (x: number) => Math.round(x * 100) / 100;
    async function placeRandom(): Promise<void> {
      const c = pick(contracts);
      const q = quoteOf(c.conId);
      const last = q?.last ?? null;
      if (last === null || q?.bid == null || q.ask == null) return;
      const action = rng.next() < 0.5 ? 'BUY' : 'SELL';
      const buy = action === 'BUY';
      const quantity = 1 + Math.floor(rng.next() * 20);
      const r = rng.next();
      const away = between(0.01, 0.05);
      const ticket =
        r < 0.3
          ? { orderType: 'MKT' }
          : r < 0.65
            ? { orderType: 'LMT', limitPrice: round(buy ? last * (1 - away) : last * (1 + away)) }
            : r < 0.8
              ? { orderType: 'LMT', limitPrice: round(buy ? q.ask * 1.003 : q.bid * 0.997) }
              : r < 0.92
                ? { orderType: 'STP', stopPrice: round(buy ? last * (1 + away) : last * (1 - away)) }
                : {
                    orderType: 'LMT',
                    limitPrice: round(buy ? last * 0.995 : last * 1.005),
                    bracket: {
                      takeProfit: round(buy ? last * 1.06 : last * 0.94),
                      stopLoss: round(buy ? last * 0.94 : last * 1.06),
                    },
                  };
      const parsed = OrderTicket.safeParse({
        contract: {
          symbol: c.symbol,
          conId: c.conId,
          secType: 'STK',
          exchange: 'SMART',
          currency: c.currency,
        },
        action,
        quantity,
        tif: ticket.orderType !== 'MKT' && rng.next() < 0.5 ? 'GTC' : 'DAY',
        outsideRth: true,
        ...ticket,
      });
      if (!parsed.success) {
        // The generator's fault, not the app's: counted and shown, so an invalid generator cannot hide.
        otherRefusals.SCHEMA = (otherRefusals.SCHEMA ?? 0) + 1;
        logFile.write(
          `${new Date().toISOString()} soak: generated an invalid ticket: ${parsed.error.message}\n`,
        );
        return;
      }
      const call: PlaceCall = { at: Date.now(), ready: link.isReady(), outcome: 'failed', orderIds: [] };
      placeCalls.push(call);
      try {
        const res = await trading.orders.place(parsed.data);
        call.outcome = 'placed';
        call.orderIds = res.orderIds;
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'ERROR';
        call.code = code;
        if (code === 'NOT_CONNECTED') call.outcome = 'refused';
        else otherRefusals[code] = (otherRefusals[code] ?? 0) + 1;
        if (code !== 'NOT_CONNECTED')
          logFile.write(
            `${new Date().toISOString()} soak: place refused (${code}): ${(err as Error).message}\n`,
          );
      }
    }
    async function cancelRandom(): Promise<void> {
      const working = trading.orders
        .list()
        .filter((x) => !x.external && isWorking(x.status) && x.status !== 'Intent' && x.parentId === null);
      if (working.length === 0) return;
      const target = pick(working);
      try {
        await trading.orders.cancel(target.orderId);
        cancelsSent++;
      } catch {
        cancelsRefused++;
      }
    }
    async function modifyRandom(): Promise<void> {
      const working = trading.orders
        .list()
        .filter(
          (x) =>
            !x.external &&
            (x.status === 'Submitted' || x.status === 'PreSubmitted') &&
            x.parentId === null &&
            x.filled === 0 &&
            (x.orderType === 'LMT' || x.orderType === 'STP'),
        );
      if (working.length === 0) return;
      const target = pick(working);
      const nudge = 1 + between(-0.01, 0.01);
      const change =
        rng.next() < 0.5
          ? { quantity: 1 + Math.floor(rng.next() * 20) }
          : target.orderType === 'LMT'
            ? { limitPrice: round((target.limitPrice ?? 0) * nudge) }
            : { stopPrice: round((target.stopPrice ?? 0) * nudge) };
      const parsed = OrderModify.safeParse({ orderId: target.orderId, ...change });
      if (!parsed.success) return;
      try {
        await trading.orders.modify(parsed.data);
        modifyCalls.push({ orderId: target.orderId, outcome: 'sent' });
      } catch (err) {
        modifyCalls.push({ orderId: target.orderId, outcome: 'not-sent' });
        const code = err instanceof AppError ? err.code : 'ERROR';
        modifyRefusals[code] = (modifyRefusals[code] ?? 0) + 1;
      }
    }
    const driver = (async () => {
      while (!stopping) {
        await sleep(between(400, 2_000));
        if (stopping) break;
        const r = rng.next();
        if (r < 0.6) await placeRandom();
        else if (r < 0.85) await cancelRandom();
        else await modifyRandom();
      }
    })();

    /** Waits for ready after a fault, then for every subscription to tick again; gives up after 2 min. */
    async function timeRecovery(
      label: string,
      at: number,
      faultEnd: number,
      allowanceMs?: number,
    ): Promise<Recovery> {
      const rec: Recovery = {
        fault: label,
        at,
        readyAt: null,
        interrupted: false,
        tickedWithinMs: null,
        missing: [],
        ...(allowanceMs ? { allowanceMs } : {}),
      };
      const giveUp = faultEnd + 120_000;
      for (;;) {
        if (!(await until(() => link.isReady(), Math.max(0, giveUp - Date.now())))) {
          rec.readyAt = null;
          break;
        }
        const readyAt = Date.now();
        rec.readyAt = readyAt;
        let left = false;
        let waiting = allTicked(readyAt);
        const done = await until(() => {
          if (!link.isReady()) return (left = true);
          const still = allTicked(readyAt);
          if (still.length > 0) waiting = still;
          return still.length === 0;
        }, o.recoveryLimitMs + 15_000);
        rec.last = waiting.slice(0, 3);
        if (left) continue; // it went down again while we waited (a late-detected fault): time the next recovery
        rec.missing = allTicked(readyAt);
        rec.tickedWithinMs = done && rec.missing.length === 0 ? Date.now() - readyAt : null;
        break;
      }
      return rec;
    }

    // ---- the fault loop ---------------------------------------------------------------------------------------
    const plan = createFaultPlan(faultRng);
    const progressEvery = Math.max(60_000, Math.min(600_000, o.minutes * 6_000));
    let nextProgress = started + progressEvery;
    // A fault needs time to play out and be checked: none starts in the last 20 s, so the run ends on time.
    const lastFaultBy = deadline - 20_000;
    let dead = false;
    while (Date.now() < lastFaultBy) {
      const wait = between(o.faultEveryS[0], o.faultEveryS[1], faultRng) * 1000;
      await sleep(Math.min(wait, Math.max(0, deadline - Date.now())));
      if (Date.now() >= lastFaultBy) break;
      const f = plan.next();
      faultCounts[f.kind] = (faultCounts[f.kind] ?? 0) + 1;
      const at = Date.now();
      let interrupted = false;
      const off = link.onStatus((s) => {
        if (s.state !== 'ready') interrupted = true;
      });
      logFile.write(`${new Date(at).toISOString()} soak: FAULT ${f.label}\n`);
      f.apply(gw.faults);
      faultsInjected++;
      const faultEnd = at + f.durationMs;
      await sleep(f.durationMs + 500);
      if (o.overlap) {
        // The next fault lands wherever the recovery is (replay, reconciliation, back-off): only the end is timed.
        off();
        continue;
      }
      const rec = await timeRecovery(f.label, at, faultEnd, f.allowanceMs);
      off();
      const sentSince: Record<number, number> = {};
      for (const m of gw.received(CLIENT_ID))
        if (m.time >= faultEnd) sentSince[m.msgId] = (sentSince[m.msgId] ?? 0) + 1;
      logFile.write(
        `${new Date().toISOString()} soak: messages from the client since the fault ended, by id: ${JSON.stringify(sentSince)}\n`,
      );
      rec.interrupted = interrupted;
      recoveryLog.push(rec);
      const total = Date.now() - faultEnd;
      maxRecoveryMs = Math.max(maxRecoveryMs, total);
      logFile.write(
        `${new Date().toISOString()} soak: after "${f.label}": ${rec.readyAt === null ? 'NOT READY' : `ready +${rec.readyAt - faultEnd} ms, all ticked ${rec.tickedWithinMs === null ? `NO (${rec.missing.length} missing)` : `+${rec.tickedWithinMs} ms`} (last: ${(rec.last ?? []).join(', ')})`}\n`,
      );
      if (rec.readyAt === null) say(`PROBLEM after ${f.label}: the link never became ready again`);
      else if (rec.tickedWithinMs === null)
        say(
          `PROBLEM after ${f.label}: ${rec.missing.length} subscription(s) never ticked again, e.g. ${rec.missing.slice(0, 3).join(', ')}`,
        );
      else if (rec.tickedWithinMs > o.recoveryLimitMs + (rec.allowanceMs ?? 0))
        say(`PROBLEM after ${f.label}: every subscription ticked again only after ${rec.tickedWithinMs} ms`);
      if (Date.now() >= nextProgress) {
        nextProgress += progressEvery;
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        say(
          `${Math.round((Date.now() - started) / 60_000)} min: ${faultsInjected} faults, ${placeCalls.filter((c) => c.outcome === 'placed').length} orders placed, heap ${mb(process.memoryUsage().heapUsed)} MB`,
        );
      }
      if (rec.readyAt === null) {
        dead = true; // nothing more to learn from a dead link
        break;
      }
    }
    if (!dead) await sleep(Math.max(0, deadline - Date.now())); // orders go on to the end, without new faults
    if (o.overlap && !dead) {
      const end = Date.now();
      gw.faults.clear();
      recoveryLog.push(await timeRecovery('the end of the fault storm', end, end));
    }

    // ---- settle, then compare ---------------------------------------------------------------------------------
    stopping = true;
    await driver;
    gw.faults.clear();
    heapEnd = heapNow();
    heapPeak = Math.max(heapPeak, heapEnd);
    if (!(await until(() => link.isReady(), 60_000))) setupProblems.push('the link was not ready at the end');
    await trading.orders.settled();
    // Freeze the book so the comparison is not racing fills: cancel everything still working, let it land.
    if (link.isReady()) await trading.orders.cancelAll().catch(() => undefined);
    await sleep(2_000);
    await trading.orders.reconcile().catch(() => undefined);
    for (let attempt = 0; attempt < 15; attempt++) {
      await trading.orders.settled();
      const { records } = await createOrderJournal({ dir: journalDir, name: 'soak' }).load();
      verdict = judge({
        clientId: CLIENT_ID,
        journal: records,
        received: gw.ordersReceived(),
        ignored: gw.ordersIgnored(),
        gatewayOrders: gw.orders(),
        gatewayExecutions: gw.executions(),
        gatewayPositions: gw.positions(),
        placeCalls,
        modifyCalls,
        recoveries: recoveryLog,
        recoveryLimitMs: o.recoveryLimitMs,
        unhandled,
        heap: { startBytes: heapStart, endBytes: heapEnd, maxGrowthBytes: o.maxHeapGrowthMb * 1048576 },
      });
      if (verdict.violations.length === 0) break;
      await sleep(2_000);
    }
  } catch (err) {
    setupProblems.push(`the soak could not run: ${(err as Error).stack ?? String(err)}`);
  } finally {
    await trading.stop().catch((err: unknown) => setupProblems.push(`stop failed: ${String(err)}`));
    await gw.close();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }

  const violations = [...setupProblems, ...(verdict?.violations ?? [])];
  if (!verdict && setupProblems.length === 0) violations.push('no verdict');
  const placed = placeCalls.filter((c) => c.outcome === 'placed');
  const summary: SoakSummary = {
    seed: o.seed,
    minutes: o.minutes,
    faultEveryS: o.faultEveryS,
    passed: violations.length === 0,
    violations,
    faults: faultCounts,
    faultsInjected,
    recoveriesTimed: recoveryLog.length,
    overlap: o.overlap,
    recoveries,
    maxRecoveryMs,
    maxTickAfterReadyMs: Math.max(0, ...recoveryLog.map((r) => r.tickedWithinMs ?? 0)),
    tickAfterReadyMs: {
      ...percentiles(recoveryLog.map((r) => r.tickedWithinMs ?? Infinity)),
      overLimit: recoveryLog.filter(
        (r) => (r.tickedWithinMs ?? Infinity) > o.recoveryLimitMs + (r.allowanceMs ?? 0),
      ).length,
    },
    orders: {
      placeCalls: placeCalls.length,
      placed: placed.length,
      refusedWhileDown: placeCalls.filter((c) => c.outcome === 'refused').length,
      otherRefusals,
      cancelsSent,
      cancelsRefused,
      modifiesSent: modifyCalls.filter((m) => m.outcome === 'sent').length,
      modifyRefusals,
      checked: verdict?.ordersChecked ?? 0,
      swallowedBySilentGateway: verdict?.ordersSwallowed ?? 0,
      executionsChecked: verdict?.executionsChecked ?? 0,
      positionsChecked: verdict?.positionsChecked ?? 0,
    },
    subscriptions: { symbols: o.symbols, scanners: 3, charts: 2 },
    heapMb: {
      start: mb(heapStart),
      end: mb(heapEnd),
      peak: mb(heapPeak),
      growth: mb(heapEnd - heapStart),
      limit: o.maxHeapGrowthMb,
    },
    out,
  };
  await writeFile(
    path.join(out, 'result.json'),
    JSON.stringify({ summary, recoveries: recoveryLog }, null, 2),
  );
  await new Promise<void>((r) => logFile.end(r));
  io.stdout.write(formatSummary(summary));
  return { code: summary.passed ? 0 : 1, summary };
}

function percentiles(list: number[]): { p50: number; p95: number } {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

export function formatSummary(s: SoakSummary): string {
  const faults = Object.entries(s.faults)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const refusals = Object.entries(s.orders.otherRefusals)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    '',
    `=== soak: ${s.passed ? 'PASSED' : 'FAILED'} (seed ${s.seed}, ${s.minutes} min, faults every ${s.faultEveryS[0]}–${s.faultEveryS[1]} s${s.overlap ? ', overlapping recoveries' : ''}) ===`,
    `faults injected: ${s.faultsInjected} (${faults || 'none'})`,
    `recoveries (link back to ready): ${s.recoveries}; slowest: every subscription ticking ${s.maxRecoveryMs} ms after the fault ended, ${s.maxTickAfterReadyMs} ms after ready`,
    `every subscription ticking again after ready: median ${s.tickAfterReadyMs.p50} ms, p95 ${s.tickAfterReadyMs.p95} ms, ${s.tickAfterReadyMs.overLimit} of ${s.recoveriesTimed} timed recoveries over the limit${s.overlap ? ' (faults overlapping recoveries: only the end of the storm is timed)' : ''}`,
    `subscriptions: ${s.subscriptions.symbols} symbols, ${s.subscriptions.scanners} scanners, ${s.subscriptions.charts} charts`,
    `orders: ${s.orders.placeCalls} place calls, ${s.orders.placed} placed, ${s.orders.refusedWhileDown} refused while not ready${refusals ? `, other refusals: ${refusals}` : ''}; ${s.orders.cancelsSent} cancels sent (${s.orders.cancelsRefused} refused); ${s.orders.modifiesSent} modifications sent${
      Object.keys(s.orders.modifyRefusals).length > 0
        ? ` (refused: ${Object.entries(s.orders.modifyRefusals)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`
        : ''
    }`,
    `checked: ${s.orders.checked} orders exactly once (${s.orders.swallowedBySilentGateway} swallowed by the gateway and flagged), ${s.orders.executionsChecked} executions, ${s.orders.positionsChecked} positions`,
    `heap: start ${s.heapMb.start} MB, end ${s.heapMb.end} MB, peak ${s.heapMb.peak} MB, growth ${s.heapMb.growth} MB (limit ${s.heapMb.limit} MB)`,
    ...(s.violations.length > 0
      ? [`violations (${s.violations.length}):`, ...s.violations.slice(0, 50).map((v) => `  - ${v}`)]
      : ['violations: none']),
    `details: ${s.out}`,
    '',
  ];
  return lines.join('\n');
}
