import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderJournal, decodeLine, encodeLine, type JournalRecord } from './journal';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

const rec = (orderId: number): JournalRecord => ({ t: 'sent', at: 1, orderId });

describe('order journal', () => {
  it('checksums every line and rejects a tampered one', () => {
    const line = encodeLine(rec(5)).trimEnd();
    expect(decodeLine(line)).toEqual(rec(5));
    expect(decodeLine(line.replace('"orderId":5', '"orderId":6'))).toBeNull();
    expect(decodeLine('{"t":"sent"}')).toBeNull();
  });

  it('appends, fsyncs and reads back in order', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'journal-'));
    const j = createOrderJournal({ dir, name: 'demo' });
    await j.append(rec(1), rec(2));
    await j.append(rec(3));
    await j.close();
    const again = createOrderJournal({ dir, name: 'demo' });
    const { records, damaged } = await again.load();
    expect(records.map((r) => (r as { orderId: number }).orderId)).toEqual([1, 2, 3]);
    expect(damaged).toEqual([]);
    await again.close();
  });

  it('skips a torn last line and keeps appending on a fresh line', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'journal-'));
    const j = createOrderJournal({ dir, name: 'p' });
    await j.append(rec(1));
    await j.close();
    await appendFile(j.file, encodeLine(rec(2)).slice(0, 20)); // a crash mid-write
    const j2 = createOrderJournal({ dir, name: 'p' });
    const first = await j2.load();
    expect(first.records).toHaveLength(1);
    expect(first.damaged).toEqual([2]);
    await j2.append(rec(3));
    await j2.close();
    const j3 = createOrderJournal({ dir, name: 'p' });
    const second = await j3.load();
    expect(second.records.map((r) => (r as { orderId: number }).orderId)).toEqual([1, 3]);
    expect(second.damaged).toEqual([2]);
    expect((await readFile(j3.file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
    await j3.close();
  });

  it('loads a line that lacks optional fields; refuses one whose key fields have the wrong type', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'journal-'));
    const j = createOrderJournal({ dir, name: 'v' });
    const sparse = { orderId: 4, contract: { symbol: 'AAPL' }, action: 'BUY', quantity: 1, orderType: 'MKT' };
    await appendFile(
      j.file,
      [
        encodeLine({ t: 'intent', at: 1, order: sparse } as unknown as JournalRecord),
        encodeLine({ t: 'intent', at: 1, order: { ...sparse, orderId: '5' } } as unknown as JournalRecord),
        encodeLine({
          t: 'status',
          at: 1,
          orderId: 4,
          status: 'Filled',
          filled: null,
        } as unknown as JournalRecord),
        encodeLine({ t: 'teleport', at: 1 } as unknown as JournalRecord),
      ].join(''),
    );
    const { records, damaged } = await j.load();
    expect(records).toHaveLength(1);
    expect(damaged).toEqual([2, 3, 4]);
    await j.close();
  });
});
