// The recordings a Replay profile can open: the data folder's recordings/ listed from the files' headers (name,
// date, duration, size), and the check a recording passes before the Replay profile is pointed at it, so a foreign,
// damaged or empty file is refused in plain words and the profile, its recording and the connection stay as they were.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../src-shared/logger';
import type { RecordingInfo, RecordingList } from '../../src-shared/domain/replay';
import { AppError } from '../../src-shared/result';
import { isRecordingError, type RecordingError } from '../recorder/format';
import { ReplayError, type RecordingSummary } from '../demo-gateway';

export interface RecordingLibrary {
  /** The folder's recordings, newest first (a file that cannot be replayed is listed with its problem). */
  list(): Promise<RecordingList>;
  /** The recording at `file` (absolute, or a name in the folder) if it can be replayed; a typed AppError if not. */
  check(file: string): Promise<RecordingInfo>;
}

/** More files than this in the folder: the newest are listed (a dialog, not a file manager). */
const MAX_LISTED = 200;

export function createRecordingLibrary(deps: {
  /** `<data dir>/recordings`. */
  dir: string;
  /** Opens a recording as a replay would (the demo gateway's inspectRecording). */
  inspect: (file: string) => Promise<RecordingSummary>;
  log: Logger;
}): RecordingLibrary {
  const { dir, log } = deps;

  /** The file's summary, or the problem that stops a replay of it, in plain words. */
  async function describe(
    file: string,
  ): Promise<{ info: RecordingInfo; code: 'NOT_FOUND' | 'VALIDATION' | null }> {
    const name = path.basename(file);
    let stat: { size: number; mtimeMs: number; isFile(): boolean };
    try {
      stat = await fsp.stat(file);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      return {
        info: unreadable(file, name, 0, 0, missing ? 'there is no such file' : (e as Error).message),
        code: missing ? 'NOT_FOUND' : 'VALIDATION',
      };
    }
    if (!stat.isFile())
      return { info: unreadable(file, name, 0, stat.mtimeMs, 'it is not a file'), code: 'VALIDATION' };
    try {
      const s = await deps.inspect(file);
      return {
        info: {
          file,
          name,
          bytes: stat.size,
          created: s.created,
          firstTime: s.firstTime,
          lastTime: s.lastTime,
          records: s.records,
          masked: s.masked,
          truncated: s.truncated,
          problem: null,
        },
        code: null,
      };
    } catch (e) {
      const problem = plainProblem(e);
      if (problem === null) throw e;
      return { info: unreadable(file, name, stat.size, stat.mtimeMs, problem), code: 'VALIDATION' };
    }
  }

  return {
    async list() {
      let names: string[];
      try {
        names = (await fsp.readdir(dir)).filter((n) => n.toLowerCase().endsWith('.ibdrec'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { dir, recordings: [] };
        throw new AppError('UNAVAILABLE', `Cannot read ${dir}: ${(e as Error).message}`);
      }
      const recordings: RecordingInfo[] = [];
      for (const n of names) recordings.push((await describe(path.join(dir, n))).info);
      recordings.sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
      return { dir, recordings: recordings.slice(0, MAX_LISTED) };
    },
    async check(file) {
      const abs = path.resolve(dir, file.trim());
      const { info, code } = await describe(abs);
      if (code !== null) {
        log.warn(`Refused to replay ${abs}: ${info.problem}`);
        throw new AppError(code, `Cannot replay ${info.name}: ${info.problem}`);
      }
      return info;
    },
  };
}

function unreadable(
  file: string,
  name: string,
  bytes: number,
  created: number,
  problem: string,
): RecordingInfo {
  return {
    file,
    name,
    bytes,
    created,
    firstTime: null,
    lastTime: null,
    records: 0,
    masked: false,
    truncated: false,
    problem,
  };
}

const RECORDING_PROBLEMS: Record<RecordingError['code'], string> = {
  FOREIGN_FILE: 'it is not an IBDesk recording',
  UNSUPPORTED_VERSION: 'it was written in a recording format this version of IBDesk does not know',
  DAMAGED_HEADER: 'it is damaged (its header does not read)',
  TRUNCATED: 'it was cut off inside its header, so nothing in it can be read',
  DAMAGED_BLOCK: 'it is damaged',
  BAD_RECORD: 'it holds a record that does not read',
  READ_FAILED: 'it cannot be read',
  DISK_FULL: 'the disk is full',
  WRITE_FAILED: 'it cannot be written',
};

/** A typed error of the reader or the replay in the trader's words; null for anything else (a bug, rethrown). */
function plainProblem(e: unknown): string | null {
  if (isRecordingError(e)) {
    const words = RECORDING_PROBLEMS[e.code];
    return e.code === 'READ_FAILED' ? `${words} (${e.message})` : words;
  }
  if (e instanceof ReplayError) {
    if (e.code === 'EMPTY_RECORDING') return 'it holds no records';
    // "<file> was recorded at server version 150; the demo gateway replays 157…193", without the path.
    if (e.code === 'UNSUPPORTED_SERVER_VERSION')
      return `it ${e.message.slice(e.message.indexOf('was recorded'))}`;
    return e.message;
  }
  return null;
}
