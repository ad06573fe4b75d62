// How the CLI says a recording cannot be replayed: which file, what is wrong with it in plain words, and the
// typed error's code (the recording format's RecordingError or the replay's ReplayError).
import { isRecordingError } from '../../recorder/format';
import { ReplayError } from './replay-error';

const PLAIN: Record<string, string> = {
  FOREIGN_FILE: 'it is not an IBDesk recording',
  UNSUPPORTED_VERSION: 'it was written by a newer recording format',
  DAMAGED_HEADER: 'its header is damaged',
  TRUNCATED: 'it ends inside its header (the file was cut)',
  READ_FAILED: 'it cannot be read',
  DAMAGED_BLOCK: 'a block of it is damaged',
  UNSUPPORTED_SERVER_VERSION: 'it was recorded at a server version the demo gateway does not speak',
  EMPTY_RECORDING: 'it holds no records',
  BAD_TIME: 'the start time does not read',
  BAD_SPEED: 'the speed is out of range',
};

/** The line to print for a replay that cannot start, or undefined when `err` is not a replay problem. */
export function replayFailure(err: unknown, file: string | undefined): string | undefined {
  if (!isRecordingError(err) && !(err instanceof ReplayError)) return undefined;
  return `cannot replay ${file ?? 'the recording'}: ${PLAIN[err.code] ?? err.code} (${err.code}): ${err.message}`;
}
