// Test harness: a demo gateway on 127.0.0.1:0 and @stoqey/ib IBApi clients whose every event is recorded, with
// event-driven waits (no sleeps). A decoding error (505) from @stoqey/ib means our bytes were off by a field.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { IBApi, EventName } from '@stoqey/ib';
import type { Contract, ContractDescription, ContractDetails, Order } from '@stoqey/ib';
import { createDemoGateway } from '../../../src-main/demo-gateway/gateway';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import type { DemoGatewayOptions } from '../../../src-main/demo-gateway/gateway-options';

export const VERSIONS = [157, 166, 176, 187, 193] as const;
export const ACCOUNT = 'DU1234567';

export interface Recorded {
  name: string;
  args: unknown[];
  at: number;
}

interface Waiter {
  check: () => boolean;
}

/** IBApi's catch-all events: recording them would only double the log. */
const META = new Set(['all', 'result', 'received', 'sent']);

export class Client {
  readonly events: Recorded[] = [];
  private readonly byName = new Map<string, Recorded[]>();
  private waiters = new Set<Waiter>();
  private reqSeq = 1000;
  private checkScheduled = false;

  constructor(
    readonly ib: IBApi,
    readonly clientId: number,
  ) {
    const emit = ib.emit.bind(ib) as (name: string, ...args: unknown[]) => boolean;
    (ib as unknown as { emit: (name: string, ...args: unknown[]) => boolean }).emit = (name, ...args) => {
      if (!META.has(name)) {
        const e = { name, args, at: Date.now() };
        this.events.push(e);
        let list = this.byName.get(name);
        if (!list) {
          list = [];
          this.byName.set(name, list);
        }
        list.push(e);
        // Events come in bursts (one socket read); waiters are checked once per burst.
        if (!this.checkScheduled && this.waiters.size > 0) {
          this.checkScheduled = true;
          setImmediate(() => {
            this.checkScheduled = false;
            for (const w of [...this.waiters]) w.check();
          });
        }
      }
      return emit(name, ...args);
    };
  }

  nextReqId(): number {
    return ++this.reqSeq;
  }

  /** Events of one name (optionally only those whose first argument is `id`). */
  of(name: string, id?: number): unknown[][] {
    const list = this.byName.get(name) ?? [];
    return (id === undefined ? list : list.filter((e) => e.args[0] === id)).map((e) => e.args);
  }

  errors(reqId?: number): { message: string; code: number; reqId: number }[] {
    return (this.byName.get(EventName.error) ?? [])
      .map((e) => ({
        message: (e.args[0] as Error).message,
        code: e.args[1] as number,
        reqId: e.args[2] as number,
      }))
      .filter((e) => reqId === undefined || e.reqId === reqId);
  }

  infos(): { message: string; code: number }[] {
    return (this.byName.get(EventName.info) ?? []).map((e) => ({
      message: e.args[0] as string,
      code: e.args[1] as number,
    }));
  }

  /** @stoqey/ib's decoding errors (505 "Decoding error"/"Underrun"): a field out of place. */
  decodeErrors(): string[] {
    return this.errors()
      .filter((e) => e.code === 505)
      .map((e) => e.message);
  }

  /** Waits until `pick` returns a value (re-checked on every event), or fails after `timeoutMs`. */
  waitFor<T>(pick: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = pick();
      if (first !== undefined && first !== false) return resolve(first);
      const w: Waiter = {
        check: () => {
          let v: T | undefined | false;
          try {
            v = pick();
          } catch (err) {
            clearTimeout(timer);
            this.waiters.delete(w);
            reject(err as Error);
            return false;
          }
          if (v === undefined || v === false) return false;
          clearTimeout(timer);
          this.waiters.delete(w);
          resolve(v);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        const recent = this.events.slice(-8).map((e) => `${e.name}(${JSON.stringify(e.args).slice(0, 160)})`);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; last events: ${recent.join(' | ')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  /** Waits for an event; `match` filters its arguments. */
  waitEvent(
    name: string,
    match: (args: unknown[]) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<unknown[]> {
    const start = this.events.length;
    return this.waitFor(
      () => this.events.slice(start).find((e) => e.name === name && match(e.args))?.args,
      `event ${name}`,
      timeoutMs,
    );
  }

  /** Waits for an error or info with `code` (for reqId when given). */
  waitCode(code: number, reqId?: number, timeoutMs?: number): Promise<string> {
    return this.waitFor(
      () => {
        const hit = [
          ...(this.byName.get(EventName.error) ?? []),
          ...(this.byName.get(EventName.info) ?? []),
        ].find(
          (e) =>
            (e.name === EventName.error &&
              e.args[1] === code &&
              (reqId === undefined || e.args[2] === reqId)) ||
            (e.name === EventName.info && e.args[1] === code && reqId === undefined),
        );
        if (!hit) return undefined;
        return hit.name === EventName.error ? (hit.args[0] as Error).message : (hit.args[0] as string);
      },
      `code ${code}${reqId === undefined ? '' : ` for ${reqId}`}`,
      timeoutMs,
    );
  }

  disconnected(): Promise<unknown[]> {
    return this.waitFor(() => this.byName.get(EventName.disconnected)?.[0]?.args ?? false, 'disconnected');
  }

  close(): void {
    this.ib.disconnect();
  }
}

export async function startGateway(opts: DemoGatewayOptions = {}): Promise<DemoGateway> {
  return createDemoGateway({ port: 0, ...opts });
}

/** The gateway of one conformance block, and the clients its tests connect to it. */
export interface ConformanceSuite {
  /** The block's gateway (started before its first test). */
  readonly gw: DemoGateway;
  /** Connects a client as `connect` does; after the test it must have decoded every message, and is closed. */
  connect(clientId: number, opts?: { wait?: boolean }): Promise<Client>;
}

/**
 * A gateway for one describe block, started before its tests (then `prepare`d, e.g. with a position to report) and
 * closed after them. After each test, every client the test connected through the suite decoded every message (a
 * decoding error means our bytes were off) and is closed.
 */
export function conformanceSuite(
  opts: DemoGatewayOptions,
  prepare?: (gw: DemoGateway) => Promise<void>,
): ConformanceSuite {
  let gateway: DemoGateway | undefined;
  let opened: Client[] = [];
  beforeAll(async () => {
    gateway = await startGateway(opts);
    await prepare?.(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
  });
  afterEach(() => {
    const clients = opened;
    opened = [];
    for (const c of clients) c.close();
    expect(clients.flatMap((c) => c.decodeErrors())).toEqual([]);
  });
  return {
    get gw(): DemoGateway {
      if (!gateway) throw new Error('the suite starts its gateway before its first test');
      return gateway;
    },
    async connect(clientId, connectOpts) {
      const c = await connect(this.gw, clientId, connectOpts);
      opened.push(c);
      return c;
    },
  };
}

/** A state file's path in a folder of the suite's own, removed after it: for the tests that restart a gateway on it. */
export function stateFileForSuite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ibdesk-gw-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'state.json');
}

/** Connects an IBApi (raw) client and waits for nextValidId, as the app's connection layer does. */
export async function connect(
  gw: DemoGateway,
  clientId: number,
  opts: { wait?: boolean } = {},
): Promise<Client> {
  const ib = new IBApi({ host: '127.0.0.1', port: gw.port, clientId, maxReqPerSec: 40 });
  const c = new Client(ib, clientId);
  ib.on(EventName.error, () => undefined);
  ib.connect(clientId);
  if (opts.wait !== false) {
    await c.waitFor(() => c.of(EventName.nextValidId).length > 0, 'nextValidId');
  }
  return c;
}

export function stock(symbol: string): Contract {
  return { symbol, secType: 'STK' as Contract['secType'], exchange: 'SMART', currency: 'USD' };
}

/** What reqMatchingSymbols answers for `pattern` (symbolSamples), in the gateway's order. */
export async function matchingSymbols(c: Client, pattern: string): Promise<ContractDescription[]> {
  const id = c.nextReqId();
  c.ib.reqMatchingSymbols(id, pattern);
  const [, list] = (await c.waitEvent(EventName.symbolSamples, (a) => a[0] === id)) as [
    number,
    ContractDescription[],
  ];
  return list;
}

/**
 * The AAPL options of one right at the `nth` expiry of the chain (the fourth by default: a few weeks out, never
 * expiring during a test), as reqSecDefOptParams and reqContractDetails list them, nearest the money first.
 */
export async function optionsNearTheMoney(
  c: Client,
  gw: DemoGateway,
  right: 'C' | 'P' = 'C',
  nth = 3,
): Promise<ContractDetails[]> {
  const aapl = 265598;
  const chainId = c.nextReqId();
  c.ib.reqSecDefOptParams(chainId, 'AAPL', 'SMART', 'STK', aapl);
  const row = await c.waitEvent(EventName.securityDefinitionOptionParameter, (a) => a[0] === chainId);
  const id = c.nextReqId();
  const expiry = (row[5] as string[])[nth] as string;
  c.ib.reqContractDetails(id, {
    ...stock('AAPL'),
    secType: 'OPT',
    lastTradeDateOrContractMonth: expiry,
    right,
  } as Contract);
  await c.waitEvent(EventName.contractDetailsEnd, (a) => a[0] === id);
  const spot = gw.quote(aapl)?.last as number;
  const strike = (d: ContractDetails): number => d.contract.strike as number;
  return c
    .of(EventName.contractDetails, id)
    .map((a) => a[1] as ContractDetails)
    .sort((a, b) => Math.abs(strike(a) - spot) - Math.abs(strike(b) - spot));
}

/** An order as a client fills it in: action and order type as TWS spells them, DAY and transmitted by default. */
export function order(
  o: Omit<Partial<Order>, 'action' | 'orderType'> & {
    action: string;
    orderType: string;
    totalQuantity: number;
  },
): Order {
  return { transmit: true, tif: 'DAY', ...o } as Order;
}

/** Polls `pred` every 10 ms until it holds (for gateway-side state), or fails after `timeoutMs`. */
export async function until(pred: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
