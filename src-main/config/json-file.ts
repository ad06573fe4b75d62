// JSON files that survive crashes: written to a temp file, fsynced, then renamed over the old one, so a crash
// mid-write leaves the previous version intact. A file that does not parse is set aside as `.bak`, never lost.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const queues = new Map<string, Promise<unknown>>();

/** Runs writes to one path one after another, so a slow write never lands after a newer one. */
function serialized<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    file,
    next.catch(() => undefined),
  );
  return next;
}

async function writeFileAtomic(file: string, data: string): Promise<void> {
  await serialized(file, async () => {
    const dir = path.dirname(file);
    await fs.mkdir(dir, { recursive: true });
    const tmp = path.join(
      dir,
      `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const handle = await fs.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    // Persist the rename itself; not every platform lets a directory be opened.
    try {
      const d = await fs.open(dir, 'r');
      try {
        await d.sync();
      } finally {
        await d.close();
      }
    } catch {
      // Windows: directories cannot be fsynced; the rename is still atomic there.
    }
  });
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

export type ReadOutcome =
  | { kind: 'missing' }
  | { kind: 'ok'; value: unknown }
  | { kind: 'corrupt'; reason: string; backupPath: string };

/** Reads and parses a JSON file; a file that does not parse is moved to `<file>.bak`. */
export async function readJson(file: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (err) {
    const reason =
      text.trim() === '' ? 'the file is empty' : `it is not valid JSON (${(err as Error).message})`;
    return { kind: 'corrupt', reason, backupPath: await setAside(file) };
  }
}

/**
 * Moves a damaged file out of the way, keeping it for the user; returns where it went: `<file>.bak`, or
 * `<file>.bak.2`, `.bak.3`… when an earlier one is still there (a second damage never overwrites the first copy).
 */
export async function setAside(file: string): Promise<string> {
  for (let n = 1; n <= 1000; n++) {
    const backupPath = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      // link + unlink instead of rename: rename would silently replace a backup that appeared meanwhile.
      await fs.link(file, backupPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
      // A file system without hard links: check, then rename.
      if (await exists(backupPath)) continue;
      await fs.rename(file, backupPath);
      return backupPath;
    }
    await fs.rm(file, { force: true });
    return backupPath;
  }
  throw new Error(`${file}: more than 1000 damaged copies are kept next to it; remove some`);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** Removes temp files a crash left behind next to `file`. */
export async function cleanTempFiles(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
      .map((n) => fs.rm(path.join(dir, n), { force: true })),
  );
}
