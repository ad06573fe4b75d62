// Watchlists (shared by every profile) and dock layouts (one per profile), as JSON files in the data directory.
// Damaged files are set aside as `.bak` with a notice; what still parses is kept.
import path from 'node:path';
import { z } from 'zod';
import { LayoutDoc, Watchlist } from '../../src-shared/domain/workspace';
import { readJson, setAside, writeJsonAtomic } from './json-file';
import type { StoreDeps } from './settings-store';

const WatchlistsFile = z.strictObject({ version: z.literal(1), lists: z.array(Watchlist) });
const LayoutFile = z.strictObject({ version: z.literal(1), layout: LayoutDoc });

/** Bounded so a runaway layout cannot fill the disk or the IPC channel. */
const MAX_LAYOUT_BYTES = 512 * 1024;

export interface WorkspaceStore {
  watchlists(): Promise<Watchlist[]>;
  saveWatchlists(lists: Watchlist[]): Promise<void>;
  layout(profileId: string): Promise<LayoutDoc | null>;
  saveLayout(profileId: string, layout: LayoutDoc): Promise<void>;
  resetLayout(profileId: string): Promise<void>;
}

function defaultWatchlists(): Watchlist[] {
  return [{ id: 'main', name: 'Main', items: [] }];
}

export function createWorkspaceStore(opts: StoreDeps): WorkspaceStore {
  const watchFile = path.join(opts.dataDir, 'watchlists.json');
  const layoutFile = (profileId: string) =>
    path.join(opts.dataDir, 'layouts', `${profileId.replace(/[^a-z0-9-]/g, '_')}.json`);
  let lists: Watchlist[] | null = null;
  // The first read, shared by whoever asks while it runs (the host reads ahead at start; a window asks at once).
  let reading: Promise<Watchlist[]> | null = null;

  async function damaged(file: string, what: string, reason: string, backupPath?: string): Promise<void> {
    const kept = backupPath ?? (await setAside(file));
    const message = `The ${what} file could not be read (${reason}). It was kept as ${kept}.`;
    opts.log.warn(message, { action: 'defaults used' });
    opts.notify({ level: 'warn', title: `${what[0]!.toUpperCase()}${what.slice(1)} reset`, message });
  }

  async function readWatchlists(): Promise<Watchlist[]> {
    const outcome = await readJson(watchFile);
    if (outcome.kind === 'ok') {
      const parsed = WatchlistsFile.safeParse(outcome.value);
      if (parsed.success) return parsed.data.lists;
      // Keep every list that still parses on its own.
      const raw = (outcome.value as { lists?: unknown })?.lists;
      const kept = Array.isArray(raw)
        ? raw.flatMap((l) => {
            const p = Watchlist.safeParse(l);
            return p.success ? [p.data] : [];
          })
        : [];
      await damaged(
        watchFile,
        'watchlists',
        `${Array.isArray(raw) ? raw.length - kept.length : 'all'} list(s) were invalid`,
      );
      const repaired = kept.length > 0 ? kept : defaultWatchlists();
      await writeJsonAtomic(watchFile, { version: 1, lists: repaired });
      return repaired;
    }
    if (outcome.kind === 'corrupt')
      await damaged(watchFile, 'watchlists', outcome.reason, outcome.backupPath);
    return defaultWatchlists();
  }

  return {
    watchlists() {
      if (lists) return Promise.resolve(lists);
      // A save that lands while the file is read wins over what was read.
      reading ??= readWatchlists()
        .then((read) => (lists ??= read))
        .finally(() => (reading = null));
      return reading;
    },
    async saveWatchlists(next) {
      const ids = new Set<string>();
      for (const l of next) {
        if (ids.has(l.id)) throw new Error(`two watchlists share the id ${l.id}`);
        ids.add(l.id);
      }
      await writeJsonAtomic(watchFile, { version: 1, lists: next });
      lists = next;
    },
    async layout(profileId) {
      const file = layoutFile(profileId);
      const outcome = await readJson(file);
      if (outcome.kind === 'missing') return null;
      if (outcome.kind === 'corrupt') {
        await damaged(file, 'layout', outcome.reason, outcome.backupPath);
        return null;
      }
      const parsed = LayoutFile.safeParse(outcome.value);
      if (parsed.success) return parsed.data.layout;
      await damaged(file, 'layout', 'it does not have the expected shape');
      return null;
    },
    async saveLayout(profileId, layout) {
      const text = JSON.stringify({ version: 1, layout });
      if (text.length > MAX_LAYOUT_BYTES) throw new Error(`the layout is too large (${text.length} bytes)`);
      await writeJsonAtomic(layoutFile(profileId), { version: 1, layout });
    },
    async resetLayout(profileId) {
      const file = layoutFile(profileId);
      const outcome = await readJson(file);
      if (outcome.kind !== 'missing') await setAside(file);
    },
  };
}
