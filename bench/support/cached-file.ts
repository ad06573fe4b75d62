// A large input file a bench suite makes at run time (a 6.5-hour recording…): made once into
// node_modules/.cache/ibdesk-bench/<suite>/, named by a hash of what decides its bytes, and remade when that changes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The cached file for `suite`, keyed by the contents of `sources` (paths from the repository root) and `extra`;
 * `make` writes it into a scratch folder and returns its path. `seconds` is how long making it took (0: cached).
 */
export async function cachedBenchFile(
  suite: string,
  sources: readonly string[],
  extra: string,
  make: (dir: string) => Promise<string>,
): Promise<{ file: string; seconds: number }> {
  const h = createHash('sha256');
  for (const f of sources) h.update(readFileSync(path.join(process.cwd(), f)));
  h.update(extra);
  const dir = path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-bench', suite);
  const file = path.join(dir, `day-${h.digest('hex').slice(0, 12)}.ibdrec`);
  if (existsSync(file)) return { file, seconds: 0 };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = Date.now();
  const tmp = await mkdtemp(path.join(dir, 'make-'));
  await rename(await make(tmp), file);
  await rm(tmp, { recursive: true, force: true });
  return { file, seconds: (Date.now() - started) / 1000 };
}
