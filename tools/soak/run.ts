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
import { defaultSettings, DEFAULT_LIMITS } from '../../src-shared/domain/settings';
import { systemClock } from '../../src-shared/clock';
import { createLogBook } from '../../src-main/logging/log-book';
import {
  createDemoGateway,
  hash32,
  Prng,
  stockContract,
  type DemoGateway,
} from '../../src-main/demo-gateway/index';
import type { ResolvedContract } from '../../src-main/ib/adapter';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { createTrading, type Trading } from '../../src-main/trading';
import { judge, type Recovery, type Verdict } from './checks';
import { createFaultPlan, FAULT_KINDS } from './fault-plan';
import type { SoakOptions } from './options';
import { startOrderDriver, type OrderDriver } from './order-driver';
import { timeRecovery } from './recovery';
import { buildSummary, formatSummary, mb, type SoakSummary } from './summary';
import { createTickWatch } from './ticks';
import { sleep, until } from './until';

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

const CLIENT_ID = 7;
const ACCOUNT_LIMITS = { ...DEFAULT_LIMITS, maxNotional: 1_000_000 };

function heapNow(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** 500 symbols, 3 scanners and 2 keep-up-to-date charts; the keys of everything that must keep ticking. */
async function subscribeAll(
  trading: Trading,
  gw: DemoGateway,
  symbols: number,
): Promise<{ contracts: ResolvedContract[]; keys: string[] }> {
  const stocks = gw.universe.instruments.filter((i) => i.secType === 'STK').slice(0, symbols);
  const contracts: ResolvedContract[] = stocks.map(stockContract);
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
  return { contracts, keys };
}

export async function runSoak(o: SoakOptions, io: Io): Promise<{ code: number; summary: SoakSummary }> {
  const say = (line: string) => {
    if (!o.quiet) io.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  };
  const out = o.out ?? (await mkdtemp(path.join(os.tmpdir(), 'ibdesk-soak-')));
  await mkdir(out, { recursive: true });
  const logFile = createWriteStream(path.join(out, 'soak-log.txt'));
  const logLine = (text: string) => logFile.write(`${new Date().toISOString()} soak: ${text}\n`);

  const unhandled: string[] = [];
  const onRejection = (reason: unknown) =>
    unhandled.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  const onException = (err: Error) => unhandled.push(`uncaught exception: ${err.stack ?? err.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  // Two streams, so the fault sequence does not depend on how many orders happened to be placed in between.
  const faultRng = new Prng(hash32(o.seed, 1));
  const rng = new Prng(hash32(o.seed, 2));

  const gw: DemoGateway = await createDemoGateway({ host: '127.0.0.1', port: 0, seed: o.seed });
  const logBook = createLogBook({ capacity: 2000 });
  logBook.subscribe((e) => {
    logFile.write(
      `${new Date(e.time).toISOString()} ${e.level} [${e.source}] ${e.message}${e.twsCode ? ` (TWS ${e.twsCode})` : ''}\n`,
    );
  });

  const ticks = createTickWatch();
  const trading: Trading = createTrading({
    clock: systemClock,
    log: logBook.logger('soak'),
    outlet: ticks.outlet,
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

  const recoveryLog: Recovery[] = [];
  const faultCounts: Record<string, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0]));
  let driver: OrderDriver | null = null;
  let faultsInjected = 0;
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

    const { contracts, keys } = await subscribeAll(trading, gw, o.symbols);
    const allTicked = (since: number) => ticks.silentSince(keys, since);
    if (!(await until(() => allTicked(0).length === 0, 90_000, 200)))
      throw new Error(`subscriptions never delivered at the start: ${allTicked(0).slice(0, 10).join(', ')}`);
    say(`watching ${contracts.length} symbols, 3 scanners, 2 charts; every one has delivered`);
    await sleep(3_000);
    heapStart = heapNow();
    heapPeak = heapStart;
    const started = Date.now();
    const deadline = started + o.minutes * 60_000;

    const orders = startOrderDriver({ trading, contracts, rng, note: logLine });
    driver = orders;
    const recoveryDeps = {
      isReady: () => link.isReady(),
      silentSince: allTicked,
      recoveryLimitMs: o.recoveryLimitMs,
    };

    // ---- the fault loop ---------------------------------------------------------------------------------------
    const plan = createFaultPlan(faultRng);
    const progressEvery = Math.max(60_000, Math.min(600_000, o.minutes * 6_000));
    let nextProgress = started + progressEvery;
    // A fault needs time to play out and be checked: none starts in the last 20 s, so the run ends on time.
    const lastFaultBy = deadline - 20_000;
    let dead = false;
    while (Date.now() < lastFaultBy) {
      const wait = (o.faultEveryS[0] + faultRng.next() * (o.faultEveryS[1] - o.faultEveryS[0])) * 1000;
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
      const rec = await timeRecovery(recoveryDeps, f.label, at, faultEnd, f.allowanceMs);
      off();
      const sentSince: Record<number, number> = {};
      for (const m of gw.received(CLIENT_ID))
        if (m.time >= faultEnd) sentSince[m.msgId] = (sentSince[m.msgId] ?? 0) + 1;
      logLine(`messages from the client since the fault ended, by id: ${JSON.stringify(sentSince)}`);
      rec.interrupted = interrupted;
      recoveryLog.push(rec);
      const total = Date.now() - faultEnd;
      maxRecoveryMs = Math.max(maxRecoveryMs, total);
      logLine(
        `after "${f.label}": ${rec.readyAt === null ? 'NOT READY' : `ready +${rec.readyAt - faultEnd} ms, all ticked ${rec.tickedWithinMs === null ? `NO (${rec.missing.length} missing)` : `+${rec.tickedWithinMs} ms`} (last: ${(rec.last ?? []).join(', ')})`}`,
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
          `${Math.round((Date.now() - started) / 60_000)} min: ${faultsInjected} faults, ${orders.placeCalls.filter((c) => c.outcome === 'placed').length} orders placed, heap ${mb(process.memoryUsage().heapUsed)} MB`,
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
      recoveryLog.push(await timeRecovery(recoveryDeps, 'the end of the fault storm', end, end));
    }

    // ---- settle, then compare ---------------------------------------------------------------------------------
    await orders.stop();
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
        placeCalls: orders.placeCalls,
        modifyCalls: orders.modifyCalls,
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
    await driver?.stop();
    await trading.stop().catch((err: unknown) => setupProblems.push(`stop failed: ${String(err)}`));
    await gw.close();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }

  const violations = [...setupProblems, ...(verdict?.violations ?? [])];
  if (!verdict && setupProblems.length === 0) violations.push('no verdict');
  const summary = buildSummary({
    options: o,
    out,
    violations,
    verdict,
    faults: faultCounts,
    faultsInjected,
    recoveries,
    recoveryLog,
    maxRecoveryMs,
    placeCalls: driver?.placeCalls ?? [],
    modifyCalls: driver?.modifyCalls ?? [],
    otherRefusals: driver?.otherRefusals ?? {},
    modifyRefusals: driver?.modifyRefusals ?? {},
    cancels: driver?.cancels() ?? { sent: 0, refused: 0 },
    heapBytes: { start: heapStart, end: heapEnd, peak: heapPeak },
  });
  await writeFile(
    path.join(out, 'result.json'),
    JSON.stringify({ summary, recoveries: recoveryLog }, null, 2),
  );
  await new Promise<void>((r) => logFile.end(r));
  io.stdout.write(formatSummary(summary));
  return { code: summary.passed ? 0 : 1, summary };
}
