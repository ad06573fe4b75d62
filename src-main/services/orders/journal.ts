// The order journal (ARCHITECTURE.md §5): an append-only JSON-lines file per profile, one record per line with a
// checksum, fsynced before the call returns. Intent is written before an order leaves; statuses, executions and
// commissions follow as TWS reports them. A torn or damaged line (a crash mid-write) is skipped and reported, never
// silently trusted. Works on Node 20 and 22 alike (no node:sqlite, no native addon).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContractRef } from '../../../src-shared/domain/instrument';
import type { JournalOrder, OrderAction, OrderProgress, OrderStatus } from '../../../src-shared/domain/order';

export type JournalRecord =
  | { t: 'intent'; at: number; order: JournalOrder }
  | { t: 'sent'; at: number; orderId: number }
  /** The order never left: the connection dropped first. It is never sent later. */
  | { t: 'not-sent'; at: number; orderId: number; reason: string }
  | ({ t: 'status'; at: number; orderId: number } & OrderProgress & {
        message?: string | null;
        twsCode?: number | null;
      })
  | { t: 'modify'; at: number; orderId: number; changes: Partial<JournalOrder> }
  | { t: 'cancel-request'; at: number; orderId: number }
  | {
      t: 'exec';
      at: number;
      execId: string;
      orderId: number;
      permId: number | null;
      account: string;
      contract: ContractRef & { conId?: number | undefined };
      side: OrderAction;
      shares: number;
      price: number;
      time: number;
      timeText: string;
      exchange: string;
    }
  | {
      t: 'commission';
      at: number;
      execId: string;
      commission: number | null;
      currency: string | null;
      realizedPnl: number | null;
    }
  /** An order TWS knows and the journal did not (another client, TWS itself, or a lost intent). */
  | { t: 'external'; at: number; order: JournalOrder; status: OrderStatus; permId: number | null }
  /** What reconciliation found and could not explain; shown to the user, never guessed away. */
  | { t: 'reconcile'; at: number; orderId: number | null; note: string }
  | { t: 'ids'; at: number; highWater: number };

type LoadReport = { records: JournalRecord[]; damaged: number[] };

export interface OrderJournal {
  readonly file: string;
  load(): Promise<LoadReport>;
  /** Appends and fsyncs; resolves once the records are on disk. */
  append(...records: JournalRecord[]): Promise<void>;
  close(): Promise<void>;
}

// The fields a line must carry to be applied: a line with a good checksum but a wrong type in one of them (written
// by a buggy or foreign version) is reported as damaged like a torn one, never applied half-way. Only what the
// order state is built from is checked, so lines of older versions that lack an optional field still load.
const Int = z.number().int();
const Num = z.number().finite();
const Ref = z.object({ symbol: z.string() }).loose();
const JOrder = z
  .object({
    orderId: Int.positive(),
    contract: Ref,
    action: z.enum(['BUY', 'SELL']),
    quantity: Num.positive(),
    orderType: z.string(),
  })
  .loose();
const at = Num;
const orderId = Int;
const RecordShape = z.discriminatedUnion('t', [
  z.object({ t: z.literal('intent'), at, order: JOrder }).loose(),
  z.object({ t: z.literal('sent'), at, orderId }).loose(),
  z.object({ t: z.literal('not-sent'), at, orderId, reason: z.string() }).loose(),
  z.object({ t: z.literal('status'), at, orderId, status: z.string(), filled: Num, remaining: Num }).loose(),
  z.object({ t: z.literal('modify'), at, orderId, changes: z.record(z.string(), z.unknown()) }).loose(),
  z.object({ t: z.literal('cancel-request'), at, orderId }).loose(),
  z
    .object({
      t: z.literal('exec'),
      at,
      execId: z.string(),
      orderId,
      contract: Ref,
      side: z.enum(['BUY', 'SELL']),
      shares: Num,
      price: Num,
    })
    .loose(),
  z.object({ t: z.literal('commission'), at, execId: z.string() }).loose(),
  z.object({ t: z.literal('external'), at, order: JOrder, status: z.string() }).loose(),
  z.object({ t: z.literal('reconcile'), at, orderId: Int.nullable(), note: z.string() }).loose(),
  z.object({ t: z.literal('ids'), at, highWater: Int }).loose(),
]);

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

/** One line: the record's JSON, a tab, its checksum. */
export function encodeLine(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${json}\t${checksum(json)}\n`;
}

export function decodeLine(line: string): JournalRecord | null {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return null;
  const json = line.slice(0, tab);
  if (checksum(json) !== line.slice(tab + 1).trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return RecordShape.safeParse(value).success ? (value as JournalRecord) : null;
}

export function createOrderJournal(opts: { dir: string; name: string }): OrderJournal {
  const file = path.join(opts.dir, `${opts.name.replace(/[^A-Za-z0-9_-]/g, '_')}.jsonl`);
  let handle: fs.FileHandle | null = null;
  let chain: Promise<void> = Promise.resolve();

  async function ensureOpen(): Promise<fs.FileHandle> {
    if (handle) return handle;
    await fs.mkdir(opts.dir, { recursive: true });
    handle = await fs.open(file, 'a', 0o600);
    return handle;
  }

  return {
    file,
    async load() {
      let text = '';
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      const records: JournalRecord[] = [];
      const damaged: number[] = [];
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        const r = decodeLine(line);
        if (r) records.push(r);
        else damaged.push(i + 1);
      });
      // A torn last line (crash mid-append) must not glue itself to the next record.
      if (text.length > 0 && !text.endsWith('\n')) {
        const h = await ensureOpen();
        await h.write('\n');
        await h.sync();
      }
      return { records, damaged };
    },
    append(...records) {
      const data = records.map(encodeLine).join('');
      const next = chain.then(async () => {
        const h = await ensureOpen();
        await h.write(data);
        await h.datasync();
      });
      chain = next.catch(() => undefined);
      return next;
    },
    async close() {
      await chain;
      const h = handle;
      handle = null;
      await h?.close();
    },
  };
}
