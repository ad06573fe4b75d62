// The connection layer under frames a broken or hostile TWS could send, over real TCP: a tampering proxy sits
// between the trading core (in a child process, so a reader that spins or a throw that escapes the socket fails
// the test cleanly instead of hanging it) and the demo gateway. Oversized, negative and zero length prefixes,
// frames the decoder throws on, a frame torn by a drop, garbage fields, unknown messages and frames out of order:
// the process never dies, each unreadable frame is logged (bounded and printable) and the link reconnects, and the
// journal ends up equal to what the gateway received, each order exactly once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { decodeLine, type JournalRecord } from '../../src-main/services/orders/journal';
import { bundle } from '../support/bundle';
import { startTamperProxy, twsFrame, type TamperProxy } from '../support/tamper-proxy';
import { AAPL, startGateway } from '../support/trading-harness';
import { sleep, waitFor } from '../support/wait';

type Said = {
  ready?: number;
  log?: { level: string; message: string };
  placed?: number[];
  error?: { code: string; message: string };
  state?: string;
  orders?: [number, string][];
  bye?: boolean;
};

let gw: DemoGateway;
let proxy: TamperProxy;
let dir: string;
let child: ChildProcessWithoutNullStreams;
const said: Said[] = [];
let exit: { code: number | null; signal: string | null } | null = null;
let stderr = '';

function send(cmd: unknown): void {
  child.stdin.write(`${JSON.stringify(cmd)}\n`);
}

async function reply<K extends keyof Said>(key: K, after: number, ms = 20_000): Promise<Said> {
  return waitFor(
    () => {
      const found = said.slice(after).find((s) => s[key] !== undefined);
      if (!found && exit)
        throw new Error(`the child exited (${JSON.stringify(exit)}): ${stderr.slice(-2000)}`);
      return found;
    },
    `child to say ${key}`,
    ms,
  );
}

const readies = () => said.filter((s) => s.ready !== undefined).length;
const logs = () => said.flatMap((s) => (s.log ? [s.log] : []));

function restingBuy(): unknown {
  const ask = gw.quote(AAPL.conId)!.ask;
  return {
    contract: AAPL,
    action: 'BUY',
    quantity: 3,
    orderType: 'LMT',
    limitPrice: Math.round(ask * 0.96 * 100) / 100,
    tif: 'DAY',
  };
}

beforeAll(async () => {
  gw = await startGateway();
  proxy = await startTamperProxy(gw);
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-frames-'));
  const entry = await bundle(
    'tests/support/frame-child.ts',
    path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests'),
  );
  child = spawn(process.execPath, [entry, String(proxy.port), dir, '301'], { stdio: 'pipe' });
  child.stderr.on('data', (d) => (stderr += d));
  child.on('exit', (code, signal) => (exit = { code, signal }));
  readline.createInterface({ input: child.stdout }).on('line', (l) => said.push(JSON.parse(l) as Said));
  await reply('ready', 0, 25_000);
}, 40_000);

afterAll(async () => {
  if (!exit) child.kill('SIGKILL');
  await proxy.close();
  await gw.close();
  await rm(dir, { recursive: true, force: true });
});

/** Frames after which the connection cannot be trusted: the link must drop it, say why, and reconnect. */
const FATAL: { name: string; bytes: () => Buffer; logged: RegExp }[] = [
  {
    name: 'a length prefix of 2 GB',
    bytes: () => Buffer.concat([Buffer.from([0x7f, 0xff, 0xff, 0xf0]), Buffer.from('4\x002\0')]),
    logged: /length prefix of 2147483632 bytes/,
  },
  {
    // @stoqey/ib reads it as −4 and its framing loop never ends.
    name: 'a length prefix of 0xFFFFFFFC',
    bytes: () => Buffer.from([0xff, 0xff, 0xff, 0xfc, 0x31, 0x00]),
    logged: /length prefix of 4294967292 bytes/,
  },
  {
    name: 'a length prefix of 0xFFFFFFFF',
    bytes: () => Buffer.from([0xff, 0xff, 0xff, 0xff]),
    logged: /length prefix of 4294967295 bytes/,
  },
  { name: 'a zero-length frame', bytes: () => Buffer.from([0, 0, 0, 0]), logged: /length prefix of 0/ },
  {
    // symbolSamples with a count of −1: the library's `new Array(-1)` throws a RangeError out of its reader.
    name: 'a negative element count',
    bytes: () => twsFrame([79, 12345, -1]),
    logged: /decoder failed: Invalid array length/,
  },
  {
    // An error message whose advanced-order-reject JSON is cut: JSON.parse throws out of the reader.
    name: 'broken JSON in an error message',
    bytes: () => twsFrame([4, 2, 77, 201, 'Order rejected', '{"rejectReason": "tr']),
    logged: /decoder failed: .*JSON/,
  },
  {
    // 16 MB would be within TWS's size limit, and the library's O(n²) decoder would block for about an hour.
    name: 'a frame of 300,000 fields',
    bytes: () => twsFrame([9999, ...Array<string>(300_000).fill('')]),
    logged: /more than 200000 fields/,
  },
  {
    name: 'control bytes and a 2 GB prefix (the log shows them escaped)',
    // A true 2 GB prefix followed by a terminal escape and a bell (a prefix taken from a shorter frame would leave
    // the reader waiting on whatever TWS sends next, and the outcome would depend on that traffic).
    bytes: () =>
      Buffer.concat([Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from('\x1b[31m\x07\0', 'latin1')]),
    logged: /./,
  },
];

/** Frames that are wrong but readable: logged or ignored, the connection stays up. */
const SURVIVABLE: { name: string; bytes: () => Buffer }[] = [
  {
    name: 'garbage numeric fields',
    bytes: () => twsFrame([1, 6, 'not-a-number', 'x', 'price?', 'size?', '?']),
  },
  { name: 'an unknown message id', bytes: () => twsFrame([9999, 1, '???']) },
  { name: 'surplus fields', bytes: () => twsFrame([49, 1, 1700000000, 'surplus', 'surplus']) },
  { name: 'a message cut short', bytes: () => twsFrame([3, 41]) },
  {
    name: 'a status for an order nobody placed',
    bytes: () => twsFrame([3, 987654, 'Filled', 5, 0, 1.5, 1, 0, 1.5, 1, '', '']),
  },
  { name: 'an execution before its order', bytes: () => twsFrame([11, -1, 987655, 265598, 'AAPL', 'STK']) },
  { name: 'a lower nextValidId', bytes: () => twsFrame([9, 1, 1]) },
  { name: 'a server version frame mid-stream', bytes: () => twsFrame([176, '20261124 12:00:00 UTC']) },
  { name: 'a huge number', bytes: () => twsFrame([1, 6, 1, 4, '1e400', 5, 0]) },
  {
    // An error text that would forge a log line, colour the terminal and fill the disk.
    name: 'a hostile error text',
    bytes: () =>
      twsFrame([
        4,
        2,
        -1,
        321,
        `bad\n2026-01-01T00:00:00.000Z error fake: forged\u001b[31m${'A'.repeat(200_000)}`,
        '',
      ]),
  },
];

describe('the connection layer under malformed frames', () => {
  it('drops, logs and reconnects on every unreadable frame; the process lives; the journal loses nothing', async () => {
    // An order working at the gateway before the faults.
    let mark = said.length;
    send({ cmd: 'place', ticket: restingBuy() });
    const first = await reply('placed', mark);
    expect(first.placed).toHaveLength(1);

    for (const f of FATAL) {
      const before = readies();
      const logMark = logs().length;
      const at = Date.now();
      proxy.inject(f.bytes());
      await waitFor(
        () => {
          if (exit) throw new Error(`the child died on ${f.name}: ${stderr.slice(-2000)}`);
          return readies() > before;
        },
        `a reconnect after ${f.name}`,
        20_000,
        20,
      );
      const took = Date.now() - at;
      // Far below the 10 s heartbeat: the guard noticed, not the silence.
      expect(took, f.name).toBeLessThan(8_000);
      const line = logs()
        .slice(logMark)
        .find((l) => l.message.startsWith('TWS sent a frame the app cannot read'));
      expect(line?.message, f.name).toMatch(f.logged);
      // Printable and bounded: no raw control byte reaches the log.
      expect([...line!.message].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
      expect(line!.message.length).toBeLessThan(600);
    }

    for (const f of SURVIVABLE) {
      const before = readies();
      proxy.inject(f.bytes());
      await sleep(300);
      expect(exit, f.name).toBeNull();
      expect(readies(), `${f.name} must not cost the connection`).toBe(before);
    }

    const hostile = logs().find((l) => l.message.includes('forged'));
    expect(hostile, 'the hostile error text is logged').toBeDefined();
    expect(hostile!.message.length).toBeLessThan(1000);
    expect([...hostile!.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);

    // Frames out of order: the next 12 server frames (quotes, statuses, the order's acknowledgement) reversed.
    proxy.reverseNext(12);
    mark = said.length;
    send({ cmd: 'place', ticket: restingBuy() });
    const second = await reply('placed', mark);
    expect(second.placed).toHaveLength(1);

    // A frame torn by a drop.
    const before = readies();
    proxy.injectAndClose(twsFrame([1, 6, 1, 4, 187.5, 5, 0]).subarray(0, 9));
    await waitFor(() => readies() > before, 'a reconnect after a torn frame', 20_000);

    mark = said.length;
    send({ cmd: 'state' });
    const st = await reply('state', mark);
    expect(st.state).toBe('ready');
    const ids = [...first.placed!, ...second.placed!];
    // The ids from the bogus lower nextValidId were not reused.
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const o = st.orders!.find(([oid]) => oid === id);
      expect(o?.[1], `order ${id} after the reconnects`).toBe('Submitted');
    }
    expect(
      st.orders!.some(([oid]) => oid === 987654),
      'a status for an unknown order invents no order',
    ).toBe(false);

    mark = said.length;
    send({ cmd: 'quit' });
    await reply('bye', mark);
    await waitFor(() => exit, 'the child to exit');
    expect(exit).toEqual({ code: 0, signal: null });

    // Journal = gateway: every intent reached the gateway exactly once, each was marked sent, no line damaged.
    const lines = (await readFile(path.join(dir, 'journal', 'frames.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean);
    const records = lines.map((l) => decodeLine(l));
    expect(
      lines.filter((_, i) => records[i] === null),
      'journal lines that do not decode',
    ).toEqual([]);
    const recs = records as JournalRecord[];
    const intents = recs.flatMap((r) => (r.t === 'intent' ? [r.order.orderId] : []));
    const sentIds = recs.flatMap((r) => (r.t === 'sent' ? [r.orderId] : []));
    expect(intents.sort()).toEqual([...ids].sort());
    expect(sentIds.sort()).toEqual([...ids].sort());
    const received = gw.ordersReceived().map((o) => o.orderId);
    for (const id of ids)
      expect(
        received.filter((r) => r === id),
        `order ${id} at the gateway`,
      ).toHaveLength(1);
    console.log(
      `bad frames: ${FATAL.length} fatal kinds (each reconnected), ${SURVIVABLE.length} survivable kinds, 12 frames reversed, 1 torn frame; ${readies()} sessions; ${ids.length} orders, each received once`,
    );
  }, 150_000);
});
