// "Record this session": streams what TWS sends the app (every message, timestamped at receipt) and what the app
// asked for (each request decoded to its kind, id, contract and parameters) through the recording writer to
// `<data dir>/recordings/`, in parts with a size cap, masked unless the profile keeps account ids and order
// details. It listens on the connection's wire tap, so it sees every message both ways, and never makes trading
// wait: appends only copy bytes, and a failing disk stops the recording (a notice says so), nothing else.
import path from 'node:path';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import { RECORDING_OFF, type RecordingStatus } from '../../../src-shared/domain/recording';
import type { WireTap } from '../../ib/connection';
import {
  createRecordingWriter,
  createWorkerRecordingWriter,
  type RecordingError,
  type RecordingWriter,
  type RequestBody,
  type WriterStats,
} from '../../recorder/format';

/** Where a recording goes: `<dir>/<base>-0001.ibdrec`, `-0002` … */
export type RecordingTarget = { dir: string; base: string };

export type WriterSpec = RecordingTarget & {
  serverVersion: number;
  keep: boolean;
  onError: (e: RecordingError) => void;
};

export type RecorderDeps = {
  clock: Clock;
  log: Logger;
  /** The connection's tap socket: the recorder sets itself while it records. */
  link: { setTap(tap: WireTap | null): void; serverVersion(): number | null };
  /** A request's wire fields as a recording stores it (null: not a request, e.g. the API's start message). */
  decodeRequest: (fields: readonly string[], serverVersion: number) => RequestBody | null;
  /** Default folder of recordings (`<data dir>/recordings`). */
  dir: string;
  appVersion: string;
  /**
   * The bundled writer worker (recorder-worker.ts): encoding, compression and the replay checkpoints (which read
   * every message) then run off the app's thread. Without it the writer runs here and writes no checkpoints.
   */
  workerFile?: string;
  /** Size cap: a part's size and how many parts are kept (the oldest goes). Default 64 MiB × 16. */
  partBytes?: number;
  maxParts?: number;
  makeWriter?: (spec: WriterSpec) => RecordingWriter;
  changed?: (status: RecordingStatus) => void;
  notice?: (n: { level: 'info' | 'warn' | 'error'; title: string; message: string }) => void;
};

export interface Recorder {
  /** Records from now on (on the current connection if there is one, else from the next handshake). */
  start(opts: { keep: boolean; target?: RecordingTarget; label?: string }): void;
  /** Stops and closes the file (the status keeps its name and size). */
  stop(reason: string): Promise<RecordingStatus>;
  status(): RecordingStatus;
}

/** The file name stem of a recording started at `t`: its UTC time, then what it records (a profile id). */
export function recordingBase(t: number, label: string): string {
  const stamp = new Date(t)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const safe = label.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  return safe ? `${stamp}-${safe}` : stamp;
}

/** A `--record FILE` argument as a target: the writer numbers the parts, so `x.ibdrec` becomes `x-0001.ibdrec`. */
export function targetOfFile(file: string): RecordingTarget {
  const abs = path.resolve(file);
  return { dir: path.dirname(abs), base: path.basename(abs).replace(/\.ibdrec$/i, '') };
}

const STATUS_EVERY_MS = 1_000;

/** The recording writer's worker bundle, next to the host's own bundle (scripts/build.mjs makes it). */
export const RECORDER_WORKER = 'recorder-worker.js';

/** `--record FILE` (or `--record=FILE`) among a program's arguments, as the app's option. */
export function recordOption(argv: readonly string[]): { record?: string } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--record=')) return { record: a.slice('--record='.length) };
    if (a === '--record' && argv[i + 1] !== undefined) return { record: argv[i + 1]! };
  }
  return {};
}

export function createRecorder(deps: RecorderDeps): Recorder {
  const { clock, log } = deps;
  const makeWriter =
    deps.makeWriter ??
    ((spec: WriterSpec): RecordingWriter => {
      const common = {
        dir: spec.dir,
        base: spec.base,
        appVersion: deps.appVersion,
        serverVersion: spec.serverVersion,
        keep: spec.keep,
        partBytes: deps.partBytes ?? 64 << 20,
        maxParts: deps.maxParts ?? 16,
      };
      return deps.workerFile
        ? createWorkerRecordingWriter({
            ...common,
            clock,
            workerFile: deps.workerFile,
            onError: spec.onError,
          })
        : createRecordingWriter({ ...common, clock, onError: spec.onError });
    });

  let wanted: { keep: boolean; target: RecordingTarget; fixed: boolean } | null = null;
  let writer: RecordingWriter | null = null;
  let version = 0;
  let state: RecordingStatus = { ...RECORDING_OFF };
  let timer: Timer | null = null;
  let closing: Promise<unknown> = Promise.resolve();
  const opened = new Map<string, number>();

  const snapshot = (): RecordingStatus => {
    if (!writer) return state;
    const s = writer.stats();
    return {
      ...state,
      file: s.files[s.files.length - 1] ?? state.file,
      bytes: s.bytes,
      records: s.records,
      dropped: s.dropped,
    };
  };
  let last = '';
  const publish = (): void => {
    const s = snapshot();
    const key = JSON.stringify(s);
    if (key === last) return;
    last = key;
    deps.changed?.(s);
  };

  const fail = (w: RecordingWriter, e: RecordingError): void => {
    if (writer !== w) return;
    // The writer says "recording stopped: the disk is full"; the status and the notice already say it stopped.
    const why = e.message.replace(/^recording stopped: /i, '');
    state = { ...snapshot(), state: 'stopped', reason: why };
    log.error(e.message, { action: 'trading goes on' });
    wanted = null;
    deps.link.setTap(null);
    void detach();
    deps.notice?.({
      level: 'error',
      title: 'Recording stopped',
      message: `${why.charAt(0).toUpperCase()}${why.slice(1)}. Trading goes on; the recording is readable up to its last complete block${state.file ? ` (${state.file})` : ''}.`,
    });
    publish();
  };

  /** Lets the current writer finish its file in the background; trading does not wait for it. */
  const detach = (): Promise<WriterStats | null> => {
    const w = writer;
    writer = null;
    if (timer !== null) clock.clearInterval(timer);
    timer = null;
    if (!w) return Promise.resolve(null);
    const closed = closing.then(
      () => w.close(),
      () => w.close(),
    );
    closing = closed.catch((e: unknown) => log.warn(`closing the recording failed: ${String(e)}`));
    return closed.catch(() => null);
  };

  const open = (serverVersion: number): void => {
    if (!wanted) return;
    version = serverVersion;
    const named = wanted.fixed
      ? wanted.target
      : { dir: wanted.target.dir, base: recordingBase(clock.now(), wanted.target.base) };
    // A second file of the same start (another server version, a restart within the second) gets a number.
    const n = (opened.get(`${named.dir}/${named.base}`) ?? 0) + 1;
    opened.set(`${named.dir}/${named.base}`, n);
    const target = n === 1 ? named : { dir: named.dir, base: `${named.base}-${n}` };
    const w: RecordingWriter = makeWriter({
      ...target,
      serverVersion,
      keep: wanted.keep,
      onError: (e) => fail(w, e),
    });
    writer = w;
    state = { ...RECORDING_OFF, state: 'recording', keep: wanted.keep };
    log.info(
      `Recording this session to ${target.dir} (${wanted.keep ? 'unmasked' : 'account ids and order details masked'})`,
    );
    timer = clock.setInterval(publish, STATUS_EVERY_MS);
    publish();
  };

  const tap: WireTap = {
    opened(serverVersion) {
      // A reconnect at the same server version goes on in the same file; another version needs a file of its own.
      if (writer && serverVersion === version) return;
      if (writer) void detach();
      open(serverVersion);
    },
    inbound(frames) {
      writer?.incomingBytes(frames, clock.now());
    },
    outbound(fields) {
      const w = writer;
      if (!w) return;
      let r: RequestBody | null;
      try {
        r = deps.decodeRequest(fields, version);
      } catch {
        return; // what cannot be read is not recorded; trading is not disturbed
      }
      if (r) w.request(r, clock.now());
    },
  };

  return {
    start({ keep, target, label }) {
      if (wanted && wanted.keep === keep && !target) return;
      if (writer) void detach();
      wanted = target
        ? { keep, target, fixed: true }
        : { keep, target: { dir: deps.dir, base: label ?? '' }, fixed: false };
      deps.link.setTap(tap);
      const v = deps.link.serverVersion();
      if (v !== null) open(v);
    },
    async stop(reason) {
      const was = writer !== null;
      wanted = null;
      deps.link.setTap(null);
      const s = snapshot();
      const final = await detach();
      if (was) {
        state = final
          ? {
              ...s,
              file: final.files[final.files.length - 1] ?? s.file,
              bytes: final.bytes,
              records: final.records,
              dropped: final.dropped,
              state: 'off',
              reason,
            }
          : { ...s, state: 'off', reason };
        log.info(`Recording stopped: ${reason}`);
      }
      publish();
      return state;
    },
    status: snapshot,
  };
}
