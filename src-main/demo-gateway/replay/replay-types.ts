// What a replay is asked to do and what it tells (its options, status and transport), apart from the code that does
// it: the gateway's options, the control API and the app's Replay profile name these types without importing the
// player.
export interface ReplayOptions {
  /** The recording (.ibdrec) to replay. */
  file: string;
  /** Speed, 1…60 (default 1). */
  speed?: number;
  /** Where to start: epoch ms, or "HH:MM[:SS]" US/Eastern on the recording's first day. Default: its first record. */
  from?: number | string;
  /** Start paused (default: playing). */
  paused?: boolean;
}

export interface ReplayStatus {
  readonly file: string;
  /** The server version the recording was made at (its messages' layout). */
  readonly serverVersion: number;
  /** Account ids and order details were masked when it was recorded. */
  readonly masked: boolean;
  readonly firstTime: number;
  readonly lastTime: number;
  /** The replay clock (epoch ms). */
  readonly time: number;
  readonly playing: boolean;
  readonly speed: number;
  /** Played to its last record (the clock then stands at its end). */
  readonly ended: boolean;
  /** The file ends inside a block (cut by a crash or a full disk): it plays up to its last complete block. */
  readonly truncated: boolean;
}

/** The transport: what the app's Replay profile and the control API call. */
export interface ReplayControls {
  status(): ReplayStatus;
  play(): void;
  pause(): void;
  /** 1…60; a ReplayError (BAD_SPEED) otherwise. */
  setSpeed(speed: number): void;
  /** Pauses and moves the clock `ms` on (default 1000), playing what falls in between. */
  step(ms?: number): Promise<void>;
  /** Moves the clock to an epoch ms or "HH:MM[:SS]" (US/Eastern, on the recording's first day), rebuilding every stream's state there. */
  seek(to: number | string): Promise<void>;
}
