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
  const text = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (text === undefined) return { kind: 'missing' };
  const parsed = parse(text);
  if ('value' in parsed) return { kind: 'ok', value: parsed.value };
  return { kind: 'corrupt', reason: parsed.reason, keptAs: await keepAside(file) };
}

function parse(text: string): { value: unknown } | { reason: string } {
  if (text.trim() === '') return { reason: 'the file is empty' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { reason: `it is not valid JSON (${(err as Error).message})` };
  }
}

/** Moves a damaged file to the first backup name not taken (an earlier damaged copy is never overwritten). */
async function keepAside(file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    const taken = await fs.access(name).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await fs.rename(file, name);
    return name;
  }
}
