// Reads what the web host saved in its data directory (layouts, watchlists), '' while it is not there yet.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function savedText(dataDir: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dataDir, file), 'utf8');
  } catch {
    return '';
  }
}
