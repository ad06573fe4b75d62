// The recordings the Replay profile offers: listed from real files' headers, newest first, with the reason a file
// cannot be replayed in plain words; the check refuses a foreign, damaged, cut, empty or missing file with a typed
// error before anything is pointed at it.
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { inspectRecording } from '../demo-gateway';
import { createRecordingWriter } from '../recorder/format';
import { createRecordingLibrary } from './recordings';

const SHIPPED = path.join(process.cwd(), 'tests', 'fixtures', 'recordings', 'demo-session.ibdrec');

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-recordings-'));
  dir = path.join(root, 'recordings');
});
afterEach(() => rm(root, { recursive: true, force: true }));

const library = () => createRecordingLibrary({ dir, inspect: inspectRecording, log: silentLogger });

/** A recording written by the app's writer: `count` quotes a second apart from `t0`, at `serverVersion`. */
async function written(base: string, t0: number, count: number, serverVersion = 176): Promise<string> {
  const clock = createManualClock(t0);
  const w = createRecordingWriter({ dir, base, appVersion: '0.1.0', serverVersion, keep: false, clock });
  for (let i = 0; i < count; i++) {
    w.incoming(['1', '6', '1001', '1', (187.25 + i / 100).toFixed(2), '100', '1'], t0 + i * 1000);
  }
  await w.close();
  return path.join(dir, `${base}-0001.ibdrec`);
}

describe('recording library', () => {
  it('lists nothing, with the folder, before anything was recorded', async () => {
    expect(await library().list()).toEqual({ dir, recordings: [] });
  });

  it('lists every recording newest first with its times, size and records, and what is wrong with the others', async () => {
    await mkdir(dir, { recursive: true });
    const older = await written('older', Date.UTC(2026, 11, 1, 15), 3);
    const newer = await written('newer', Date.UTC(2026, 11, 7, 14, 30), 61);
    const notes = path.join(dir, 'notes.ibdrec');
    await writeFile(notes, 'these are my notes, not a recording');
    // A file whose header does not read is dated by the file system.
    await utimes(notes, new Date(Date.UTC(2026, 11, 4)), new Date(Date.UTC(2026, 11, 4)));
    await writeFile(path.join(dir, 'readme.txt'), 'not listed: not a recording by its name');
    const { recordings } = await library().list();
    expect(recordings.map((r) => r.name)).toEqual(['newer-0001.ibdrec', 'notes.ibdrec', 'older-0001.ibdrec']);
    const [n, foreign, o] = recordings;
    expect(n).toMatchObject({
      file: newer,
      firstTime: Date.UTC(2026, 11, 7, 14, 30),
      lastTime: Date.UTC(2026, 11, 7, 14, 31),
      records: 61,
      masked: true,
      truncated: false,
      problem: null,
    });
    expect(n!.bytes).toBe((await readFile(newer)).length);
    expect(o).toMatchObject({ file: older, records: 3, problem: null });
    expect(foreign).toMatchObject({
      created: Date.UTC(2026, 11, 4),
      firstTime: null,
      lastTime: null,
      records: 0,
    });
    expect(foreign!.problem).toBe('it is not an IBDesk recording');
  });

  it('checks a recording by its path anywhere, or by its name in the folder', async () => {
    await mkdir(dir, { recursive: true });
    const elsewhere = path.join(root, 'shared.ibdrec');
    await copyFile(SHIPPED, elsewhere);
    const info = await library().check(`  ${elsewhere} `);
    expect(info).toMatchObject({ file: elsewhere, name: 'shared.ibdrec', problem: null });
    expect(info.lastTime! - info.firstTime!).toBeGreaterThan(30_000);
    await copyFile(SHIPPED, path.join(dir, 'mine.ibdrec'));
    expect((await library().check('mine.ibdrec')).file).toBe(path.join(dir, 'mine.ibdrec'));
  });

  it('refuses what a replay could not play, with a typed error in plain words', async () => {
    await mkdir(dir, { recursive: true });
    const good = await readFile(SHIPPED);
    const put = async (name: string, bytes: Buffer | string) => {
      await writeFile(path.join(dir, name), bytes);
      return name;
    };
    const damaged = Buffer.from(good);
    damaged[30] = damaged[30]! ^ 0xff; // inside the header's metadata: its CRC fails
    const cases: [string, string][] = [
      [await put('foreign.ibdrec', 'PK\u0003\u0004 a zip file'), 'it is not an IBDesk recording'],
      [
        await put('cut.ibdrec', good.subarray(0, 20)),
        'it was cut off inside its header, so nothing in it can be read',
      ],
      [await put('damaged.ibdrec', damaged), 'it is damaged (its header does not read)'],
      [path.basename(await written('empty', Date.UTC(2026, 11, 7), 0)), 'it holds no records'],
      [
        path.basename(await written('old', Date.UTC(2026, 11, 7), 2, 150)),
        'it was recorded at server version 150; the demo gateway replays 157…193',
      ],
    ];
    for (const [name, problem] of cases)
      await expect(library().check(name), name).rejects.toMatchObject({
        code: 'VALIDATION',
        message: `Cannot replay ${name}: ${problem}`,
      });
    await expect(library().check('/no/such/session.ibdrec')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Cannot replay session.ibdrec: there is no such file',
    });
    await expect(library().check(root)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
