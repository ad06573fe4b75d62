// The typed errors of the recording format: a reader or writer never throws a bare Error for bad input, so the app
// can tell a foreign file from a damaged or cut one and say which in plain words.

export type RecordingErrorCode =
  /** The file does not start with the IBDREC magic: not a recording (or not one of ours). */
  | 'FOREIGN_FILE'
  /** The file says it is a recording of a format version this reader does not know. */
  | 'UNSUPPORTED_VERSION'
  /** The file header is there but fails its CRC or does not parse. */
  | 'DAMAGED_HEADER'
  /** The file ends inside its header: nothing in it can be read. */
  | 'TRUNCATED'
  /** A block fails its CRC or does not decode (only thrown in strict mode; otherwise the block is skipped). */
  | 'DAMAGED_BLOCK'
  /** A record the writer was handed cannot be encoded (e.g. a time that is not a safe integer). */
  | 'BAD_RECORD'
  /** Reading the file failed (the operating system's error is the cause). */
  | 'READ_FAILED'
  /** The writer stopped: the disk is full (ENOSPC). */
  | 'DISK_FULL'
  /** The writer stopped: any other write, open or close failure (EIO, EACCES, …; the cause says which). */
  | 'WRITE_FAILED';

export class RecordingError extends Error {
  override readonly name = 'RecordingError';

  constructor(
    readonly code: RecordingErrorCode,
    message: string,
    /** Byte offset in the file the error is about, when there is one. */
    readonly offset?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The error `e` caught while doing `what`, as `code`: its message after `what`, itself kept as the cause. */
  static from(code: RecordingErrorCode, what: string, e: unknown, offset?: number): RecordingError {
    return new RecordingError(code, `${what}: ${(e as Error).message}`, offset, { cause: e });
  }
}

export function isRecordingError(e: unknown): e is RecordingError {
  return e instanceof RecordingError;
}
