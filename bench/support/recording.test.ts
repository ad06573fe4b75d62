// The replay benches' recording parts: a whole file holding the quote lines as the app records them, and a close
// that refuses a file with a refused record in it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRecording, type RecordingWriter } from '../../src-main/recorder/format';
import { benchRecordingWriter, cachedBenchRecording, closeWhole, quoteLineRequest } from './recording';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-bench-rec-'));
  dirs.push(d);
  return d;
}

describe('bench recordings', () => {
  it('write one file with the quote line request and the traffic, read back as written', async () => {
    const w = benchRecordingWriter(await tmp(), 'day', 176);
    w.request(quoteLineRequest(1001, { conId: 265598, symbol: 'AAPL' }), 1000);
    w.incoming(['1', '6', '1001', '1', '187.25', '100', '1'], 1001);
    const file = await closeWhole(w);
    expect(path.basename(file)).toMatch(/^day/);
    const r = await openRecording(file);
    const entries = [];
    for await (const e of r.entries()) entries.push(e);
    await r.close();
    expect(entries).toMatchObject([
      {
        type: 'req',
        t: 1000,
        kind: 'reqMktData',
        reqId: 1001,
        contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
        params: { genericTickList: '', snapshot: false, regulatorySnapshot: false },
      },
      { type: 'in', t: 1001, fields: ['1', '6', '1001', '1', '187.25', '100', '1'] },
    ]);
  });

  it('refuse to hand over a file with a refused record in it', async () => {
    const w = benchRecordingWriter(await tmp(), 'day', 176);
    w.incoming(['1', '6'], 1.5);
    await expect(closeWhole(w)).rejects.toThrow(/"rejected":1/);
  });

  it('are made once by their fill and closed whole, then taken from the cache', async () => {
    const suite = `recording-test-${process.pid}`;
    const r = {
      suite,
      base: 'day',
      serverVersion: 176,
      sources: ['bench/support/recording.test.ts'],
      extra: '1',
    };
    let fills = 0;
    const fill = async (w: RecordingWriter): Promise<void> => {
      fills++;
      w.incoming(['1', '6', '1001', '1', '187.25', '100', '1'], 1001);
    };
    try {
      const made = await cachedBenchRecording(r, fill);
      const again = await cachedBenchRecording(r, fill);
      expect(fills).toBe(1);
      expect(again).toEqual({ file: made.file, seconds: 0 });
      const rec = await openRecording(made.file);
      const entries = [];
      for await (const e of rec.entries()) entries.push(e);
      await rec.close();
      expect(entries).toEqual([
        { type: 'in', t: 1001, fields: ['1', '6', '1001', '1', '187.25', '100', '1'] },
      ]);
    } finally {
      await rm(path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-bench', suite), {
        recursive: true,
        force: true,
      });
    }
  });
});
