import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile, writeJsonFile } from './json-file';

const dir = mkdtempSync(path.join(tmpdir(), 'ibdesk-gw-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the state file on disk', () => {
  it('writes JSON whole (creating its folder), replaces it on the next write, and leaves no temp file', async () => {
    const file = path.join(dir, 'a', 'state.json');
    await writeJsonFile(file, { n: 1 });
    await writeJsonFile(file, { n: 2, list: [1, 2] });
    expect(readFileSync(file, 'utf8')).toBe('{\n  "n": 2,\n  "list": [\n    1,\n    2\n  ]\n}\n');
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
    expect(await readJsonFile(file)).toEqual({ kind: 'ok', value: { n: 2, list: [1, 2] } });
  });

  it('tells a missing file apart', async () => {
    expect(await readJsonFile(path.join(dir, 'none.json'))).toEqual({ kind: 'missing' });
  });

  it('keeps a damaged file as .bak, then .bak.2, never overwriting an earlier copy', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{"cut');
    const first = await readJsonFile(file);
    expect(first).toMatchObject({ kind: 'corrupt', keptAs: `${file}.bak` });
    expect(first.kind === 'corrupt' && first.reason).toMatch(/^it is not valid JSON \(/);
    writeFileSync(file, '  \n');
    expect(await readJsonFile(file)).toEqual({
      kind: 'corrupt',
      reason: 'the file is empty',
      keptAs: `${file}.bak.2`,
    });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('{"cut');
    expect(
      readdirSync(dir)
        .filter((n) => n.startsWith('bad.json'))
        .sort(),
    ).toEqual(['bad.json.bak', 'bad.json.bak.2']);
  });
});
