// Every request of the contract, fuzzed at the one boundary both hosts share (the app's dispatcher with all its
// handlers): random JSON, values only an IPC structured clone can carry (NaN, ±Infinity, -0, BigInt, Date, Map,
// typed arrays, sparse arrays, null-prototype objects), and near-valid params (a valid example with one field
// swapped for something nasty, dropped, or joined by an unknown one). First with TWS down, then connected to the
// demo gateway. Every answer must be a result or a typed error other than INTERNAL (INTERNAL = a handler threw
// something it did not mean to), must survive JSON for the WebSocket, and nothing may reject or throw.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { requestNames, requests, type RequestName } from '../../src-shared/contract';
import { ErrorCodes } from '../../src-shared/result';
import { startHarness, type Harness } from '../support/app-harness';
import { freePort } from '../support/ports';
import { startGateway } from '../support/trading-harness';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };

/** One valid params example per request; `satisfies` makes a new request without an example a type error. */
const VALID = {
  'app.info': {},
  'app.diagnostics': {},
  'settings.get': {},
  'settings.set': { theme: 'dark', marketDataLines: 80 },
  'profiles.list': {},
  'profiles.save': { name: 'Fuzz', kind: 'tws', host: '127.0.0.1', port: 7999, clientId: 3 },
  'profiles.delete': { id: 'fuzz' },
  'profiles.select': { id: 'demo' },
  'connection.status': {},
  'connection.connect': { clientId: 41 },
  'connection.disconnect': {},
  'connection.reconnectNow': {},
  'gauges.get': {},
  'connection.test': { host: '127.0.0.1', port: 9, clientId: 1 },
  'log.list': { limit: 20 },
  'contracts.search': { pattern: 'AA' },
  'contracts.details': { conId: 265598 },
  'quotes.subscribe': { contracts: [AAPL] },
  'quotes.unsubscribe': { conIds: [265598] },
  'quotes.focus': { conIds: [265598] },
  'history.get': { contract: AAPL, barSize: '1 min', duration: '1800 S' },
  'history.subscribe': { contract: AAPL, barSize: '5 mins', duration: '1 D' },
  'history.unsubscribe': { subId: 'h1' },
  'scanner.params': {},
  'scanner.start': { scanCode: 'TOP_PERC_GAIN', rows: 5, filters: { priceAbove: 5 }, withQuotes: false },
  'scanner.stop': { scanId: 's1' },
  'orders.place': {
    contract: { symbol: 'AAPL' },
    action: 'BUY',
    quantity: 1,
    orderType: 'LMT',
    limitPrice: 1,
  },
  'orders.modify': { orderId: 1, limitPrice: 2 },
  'orders.cancel': { orderId: 1 },
  'orders.cancelAll': {},
  'orders.list': {},
  'orders.confirmLive': { typed: 'DU1' },
  'executions.list': {},
  'portfolio.get': {},
  'options.chain': { conId: 265598, symbol: 'AAPL' },
  'options.expiry': { conId: 265598, symbol: 'AAPL', expiry: '20260116' },
  'watchlists.get': {},
  'watchlists.save': { lists: [{ id: 'main', name: 'Main', items: [AAPL] }] },
  'layout.get': {},
  'layout.save': { layout: { grid: {} } },
  'layout.reset': {},
  'windows.open': { pane: 'chart' },
  'news.providers': {},
  'news.subscribe': { contract: AAPL, limit: 20 },
  'news.unsubscribe': { subId: 'news-1' },
  'news.article': { articleId: 'BRFG$0bc6e1ef' },
  'depth.subscribe': { contract: AAPL },
  'depth.unsubscribe': { conId: 265598 },
  'tape.subscribe': { contract: AAPL },
  'tape.unsubscribe': { conId: 265598 },
  'alerts.list': {},
  'alerts.create': { alert: { kind: 'price-cross', symbol: AAPL, level: 150 } },
  'alerts.update': { id: 'a1', alert: { kind: 'price-touch', symbol: AAPL, level: 150 } },
  'alerts.pause': { id: 'a1', paused: true },
  'alerts.delete': { id: 'a1' },
  'alerts.history': { limit: 10 },
  'replay.open': { file: '/nowhere/session.ibdrec' },
  'replay.status': {},
  'replay.play': {},
  'replay.pause': {},
  'replay.speed': { speed: 10 },
  'replay.step': { ms: 1000 },
  'replay.seek': { time: 1_783_522_800_000 },
  'hotkeys.set': {
    hotkeys: [{ keys: 'Shift+B', action: { kind: 'trade', side: 'BUY', at: 'ask', quantity: 100 } }],
  },
  'recording.status': {},
  'recording.list': {},
} satisfies Record<RequestName, Record<string, unknown>>;

const NASTY: unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0,
  2 ** 53,
  1e308,
  '',
  ' ',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
  '💥\u0000\u202e',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  true,
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  new Date(0),
  new Map([['a', 1]]),
  new Uint8Array(4),
  10n,
  Object.create(null),
];

const nasty = fc.constantFrom(...NASTY);
const ipcValue = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  maxDepth: 3,
});

/** A valid example with one key replaced by something nasty, removed, or joined by an unknown key. */
function nearValid(name: RequestName): fc.Arbitrary<unknown> {
  const base = VALID[name] as Record<string, unknown>;
  const keys = Object.keys(base);
  const pick = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  return fc
    .tuple(fc.constantFrom('swap', 'drop', 'extra', 'deep'), pick, fc.oneof(nasty, ipcValue, fc.jsonValue()))
    .map(([op, key, value]) => {
      const p: Record<string, unknown> = structuredClone(base);
      if (op === 'swap') p[key] = value;
      else if (op === 'drop') delete p[key];
      else if (op === 'extra') p[`extra_${String(key)}`] = value;
      else if (typeof p[key] === 'object' && p[key] !== null) {
        const inner = p[key] as Record<string, unknown>;
        const innerKeys = Object.keys(inner);
        if (innerKeys.length > 0) inner[innerKeys[0]!] = value;
      } else p[key] = [value];
      // The setup checker and saved profiles reach out to whatever they are given: keep them on a loopback port
      // where nothing listens (a random port could be another test's gateway, and the check would wait on it).
      if (name === 'connection.test' || name === 'profiles.save') {
        if ('host' in p) p.host = '127.0.0.1';
        if (typeof p.port === 'number' && Number.isInteger(p.port) && p.port > 0 && p.port < 65536)
          p.port = closedPort;
      }
      return p;
    });
}

const params = (name: RequestName) =>
  fc.oneof(fc.jsonValue(), ipcValue, nasty, nearValid(name), nearValid(name));

const TYPED = new Set<string>(ErrorCodes.filter((c) => c !== 'INTERNAL'));

/** A loopback port nothing listens on (bound, then released). */
let closedPort = 9;
beforeAll(async () => {
  closedPort = await freePort();
});

const CALL_LIMIT_MS = 15_000;
const slowest: { ms: number; name: string; params: string }[] = [];

async function fuzz(
  h: Harness,
  names: readonly RequestName[],
  runsPerName: number,
): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (const name of names) {
    await fc.assert(
      fc.asyncProperty(params(name), async (p) => {
        // A call that never answers is a finding in itself: name it rather than let the test time out.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const started = Date.now();
        const r = await Promise.race([
          h.app.dispatcher.dispatch(name, p, { clientId: 'fuzz' }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`${name} did not answer within ${CALL_LIMIT_MS / 1000} s`)),
              CALL_LIMIT_MS,
            );
          }),
        ]).finally(() => clearTimeout(timer));
        const ms = Date.now() - started;
        if (ms > 500) slowest.push({ ms, name, params: fc.stringify(p).slice(0, 200) });
        const key = r.ok ? 'ok' : r.error.code;
        tally[key] = (tally[key] ?? 0) + 1;
        if (!r.ok) {
          expect(TYPED.has(r.error.code), `${name}: ${r.error.code} ${r.error.message}`).toBe(true);
          expect(typeof r.error.message).toBe('string');
        }
        // The web host sends this as JSON: it must survive the trip.
        expect(() => JSON.stringify(r)).not.toThrow();
      }),
      // No shrinking: each failing call is printed as found; shrinking writes settings files thousands of times.
      { numRuns: runsPerName, endOnFailure: true },
    );
  }
  return tally;
}

let gw: DemoGateway | null = null;
const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.stop();
  await gw?.close();
});

describe('the contract boundary under random params', () => {
  it('has a valid example for every request, so near-valid params reach the handlers', () => {
    expect(Object.keys(VALID).sort()).toEqual([...requestNames].sort());
    for (const name of requestNames)
      expect(requests[name].params.safeParse(VALID[name]).success, name).toBe(true);
  });

  it('TWS down: every request name × 300 random params → results or typed errors only', async () => {
    const h = await startHarness();
    harnesses.push(h);
    const tally = await fuzz(h, requestNames, 300);
    expect(h.app.dispatcher.missing()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (slowest.length)
      console.log(`slow calls: ${JSON.stringify(slowest.sort((a, b) => b.ms - a.ms).slice(0, 5))}`);
    console.log(
      `contract fuzz (TWS down): ${requestNames.length} names × 300 = ${requestNames.length * 300} calls; ${JSON.stringify(tally)}`,
    );
  }, 120_000);

  it('connected to the demo gateway: the data and order requests × 100 random params', async () => {
    gw = await startGateway();
    const endpoint = { host: gw.host, port: gw.port };
    const h = await startHarness({ autoConnect: true, demoEndpoint: async () => endpoint });
    harnesses.push(h);
    const deadline = Date.now() + 15_000;
    while (h.app.trading.link.status().state !== 'ready' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(h.app.trading.link.status().state).toBe('ready');
    // History waits in the pacing queue by design (minutes): it is covered while TWS is down.
    const names = requestNames.filter(
      (n) => !n.startsWith('history.') && !n.startsWith('connection.') && !n.startsWith('profiles.'),
    );
    const tally = await fuzz(h, names, 100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(
      `contract fuzz (connected): ${names.length} names × 100 = ${names.length * 100} calls; ${JSON.stringify(tally)}`,
    );
  }, 180_000);
});
