import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import * as jsonFile from './json-file';
import type { Notice } from './settings-store';
import { createWorkspaceStore } from './workspace-store';

let dir: string;
let notices: Notice[];
const store = () => createWorkspaceStore({ dataDir: dir, log: silentLogger, notify: (n) => notices.push(n) });
const list = (id: string, symbols: string[]) => ({
  id,
  name: id.toUpperCase(),
  items: symbols.map((symbol, i) => ({
    conId: i + 1,
    symbol,
    secType: 'STK' as const,
    exchange: 'SMART',
    currency: 'USD',
  })),
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-workspace-'));
  notices = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('workspace store: watchlists', () => {
  it('reads the file once for callers that ask while it is read (the host reads ahead at start)', async () => {
    await writeFile(
      path.join(dir, 'watchlists.json'),
      JSON.stringify({ version: 1, lists: [list('a', ['AAPL'])] }),
    );
    const reads = vi.spyOn(jsonFile, 'readJson');
    const s = store();
    const [first, second] = await Promise.all([s.watchlists(), s.watchlists()]);
    expect(first).toBe(second);
    expect(first.map((l) => l.items.map((i) => i.symbol))).toEqual([['AAPL']]);
    expect(await s.watchlists()).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps a save that lands while the file is still being read', async () => {
    await writeFile(
      path.join(dir, 'watchlists.json'),
      JSON.stringify({ version: 1, lists: [list('a', ['AAPL'])] }),
    );
    const realRead = jsonFile.readJson;
    let finishRead: () => void = () => undefined;
    vi.spyOn(jsonFile, 'readJson').mockImplementationOnce(async (file) => {
      const outcome = await realRead(file);
      await new Promise<void>((r) => (finishRead = r));
      return outcome;
    });
    const s = store();
    const reading = s.watchlists();
    await s.saveWatchlists([list('b', ['MSFT'])]);
    finishRead();
    expect((await reading).map((l) => l.id)).toEqual(['b']);
    expect((await s.watchlists()).map((l) => l.id)).toEqual(['b']);
    expect((await store().watchlists()).map((l) => l.id)).toEqual(['b']);
  });

  it('keeps the lists that still parse from a damaged file, sets the file aside and says so', async () => {
    await writeFile(
      path.join(dir, 'watchlists.json'),
      JSON.stringify({ version: 1, lists: [list('a', ['AAPL']), { id: 'bad', items: 'nope' }] }),
    );
    const lists = await store().watchlists();
    expect(lists.map((l) => l.id)).toEqual(['a']);
    expect(notices.map((n) => n.title)).toEqual(['Watchlists reset']);
    expect(await readdir(dir)).toContain('watchlists.json.bak');
    expect((await store().watchlists()).map((l) => l.id)).toEqual(['a']);
  });

  it('starts with one empty Main list when there is no file', async () => {
    expect(await store().watchlists()).toEqual([{ id: 'main', name: 'Main', items: [] }]);
    expect(notices).toEqual([]);
  });
});
