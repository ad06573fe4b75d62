// A process killed (SIGKILL: no cleanup) at a random moment while it writes a settings-style JSON file or appends
// to the order journal. Whatever the moment, the JSON file reads back complete, at the last version the writer
// had confirmed or the one after; the journal keeps every confirmed record, in order, and at most its last line is
// torn. Temp files a crash leaves are cleaned up on the next start.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTempFiles, readJson } from '../../src-main/config/json-file';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { bundle } from '../support/bundle';

let dir = '';
let entry = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-kill-'));
  entry = await bundle(
    'tests/support/writer-child.ts',
    path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts the writer, kills it after `afterWrites` confirmed writes plus `extraMs`; returns the last confirmed. */
function killMidWrite(mode: 'json' | 'journal', target: string, afterWrites: number, extraMs: number) {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [entry, mode, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let confirmed = 0;
    let killing = false;
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean))
        confirmed = Math.max(confirmed, Number(line));
      if (!killing && confirmed >= afterWrites) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && killing) resolve(confirmed);
      else reject(new Error(`the writer ended on its own (${signal}): ${err}`));
    });
  });
}

describe('a crash in the middle of a write', () => {
  it('a JSON file always reads back whole, at the last confirmed version or the next', async () => {
    const file = path.join(dir, 'settings.json');
    const seen: number[] = [];
    for (let round = 0; round < 6; round++) {
      const confirmed = await killMidWrite('json', file, 2 + round, round * 3);
      const r = await readJson(file);
      expect(r.kind, `round ${round}`).toBe('ok');
      const v = (r as { value: { seq: number; pad: string } }).value;
      expect(v.pad.length).toBe(256 * 1024);
      // Each round restarts seq at 1 over the previous file: the file holds this round's confirmed or next one.
      expect([confirmed, confirmed + 1]).toContain(v.seq);
      seen.push(v.seq);
      await cleanTempFiles(file);
      expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
    console.log(`json kill rounds: versions read back ${seen.join(', ')}`);
  }, 90_000);

  it('the journal keeps every confirmed record in order; at most the last line is torn', async () => {
    const jdir = path.join(dir, 'journal');
    let total = 0;
    for (let round = 0; round < 6; round++) {
      await rm(jdir, { recursive: true, force: true });
      const confirmed = await killMidWrite('journal', jdir, 3 + round * 2, round * 2);
      const j = createOrderJournal({ dir: jdir, name: 'crash' });
      const { records, damaged } = await j.load();
      const seqs = records.map((r) => (r as { at: number }).at);
      expect(seqs.slice(0, confirmed), `round ${round}`).toEqual(
        Array.from({ length: confirmed }, (_, i) => i + 1),
      );
      expect(seqs.length).toBeLessThanOrEqual(confirmed + 1);
      expect(damaged.length).toBeLessThanOrEqual(1);
      if (damaged.length === 1) expect(damaged[0]).toBe(seqs.length + 1);
      // Appending after the crash starts on a fresh line and reads back.
      await j.append({ t: 'sent', at: 0, orderId: 999 });
      await j.close();
      const again = await createOrderJournal({ dir: jdir, name: 'crash' }).load();
      expect(again.records.at(-1)).toEqual({ t: 'sent', at: 0, orderId: 999 });
      total += confirmed;
    }
    console.log(`journal kill rounds: ${total} confirmed records, all kept`);
  }, 90_000);
});
