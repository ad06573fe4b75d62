// The state file on disk: written whole to a temp file, fsynced and renamed over the old one (a crash mid-write
// leaves the previous state), and a file that does not parse is kept beside it as `.bak`, never overwritten.
// The gateway's own small copy: it stands alone (src-shared and itself only), and it is its only writer.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file).catch(async (err: unknown) => {
    await fs.rm(tmp, { force: true });
    throw err;
  });
}

export type JsonRead =
  { kind: 'missing' } | { kind: 'ok'; value: unknown } | { kind: 'corrupt'; reason: string; keptAs: string };

/** Reads and parses a JSON file; one that does not parse is renamed to the first free `.bak`, `.bak.2`, …. */
export async function readJsonFile(file: string): Promise<JsonRead> {
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
    let n = 1;
    while (
      await fs.access(backupName(file, n)).then(
        () => true,
        () => false,
      )
    )
      n++;
    await fs.rename(file, backupName(file, n));
    return { kind: 'corrupt', reason, keptAs: backupName(file, n) };
  }
}

function backupName(file: string, n: number): string {
  return n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
}
