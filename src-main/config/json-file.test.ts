import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanTempFiles, readJson, writeJsonAtomic } from './json-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-json-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('json files', () => {
  it('writes atomically and leaves no temp file', async () => {
    const f = path.join(dir, 'a.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeJsonAtomic(f, { i })));
    expect(JSON.parse(await readFile(f, 'utf8'))).toEqual({ i: 19 });
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('a crash mid-write (a stray temp file) leaves the previous version readable', async () => {
    const f = path.join(dir, 'a.json');
    await writeJsonAtomic(f, { v: 1 });
    await writeFile(path.join(dir, '.a.json.123.abcd.tmp'), '{"v": 2, "half');
    expect(await readJson(f)).toEqual({ kind: 'ok', value: { v: 1 } });
    await cleanTempFiles(f);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('sets an unreadable file aside', async () => {
    const f = path.join(dir, 'a.json');
    await writeFile(f, '');
    const r = await readJson(f);
    expect(r).toEqual({ kind: 'corrupt', reason: 'the file is empty', backupPath: `${f}.bak` });
    expect(await readJson(f)).toEqual({ kind: 'missing' });
  });

  it('never overwrites an earlier copy: .bak, .bak.2, .bak.3', async () => {
    const f = path.join(dir, 'a.json');
    for (const [i, text] of ['one', 'two', 'three'].entries()) {
      await writeFile(f, text);
      const r = await readJson(f);
      expect(r).toMatchObject({ kind: 'corrupt', backupPath: i === 0 ? `${f}.bak` : `${f}.bak.${i + 1}` });
    }
    expect(await readFile(`${f}.bak`, 'utf8')).toBe('one');
    expect(await readFile(`${f}.bak.2`, 'utf8')).toBe('two');
    expect(await readFile(`${f}.bak.3`, 'utf8')).toBe('three');
    expect((await readdir(dir)).sort()).toEqual(['a.json.bak', 'a.json.bak.2', 'a.json.bak.3']);
  });
});
