// Typed errors of the replay itself (a file the reader cannot read is the format's RecordingError): a recording
// made at a server version the gateway does not speak, one without a single record, a start or seek time that does
// not read, a speed outside 1…60.
export type ReplayErrorCode = 'UNSUPPORTED_SERVER_VERSION' | 'EMPTY_RECORDING' | 'BAD_TIME' | 'BAD_SPEED';

export class ReplayError extends Error {
  override readonly name = 'ReplayError';

  constructor(
    readonly code: ReplayErrorCode,
    message: string,
  ) {
    super(message);
  }
}
