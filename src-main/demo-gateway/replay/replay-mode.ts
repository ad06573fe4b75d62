// The demo gateway in replay mode: a recording opened and checked before anything else (a foreign, cut-off or
// damaged file is the reader's typed RecordingError; a recording the gateway cannot serve is a ReplayError), its
// clock made the gateway's clock, and once the model exists, the player and the services that answer requests from
// the recording, with the transport controls (play, pause, speed, step, seek) the CLI, the control API and the
// app's Replay profile drive.
import type { Clock } from '../../../src-shared/clock';
import { openRecording } from '../../recorder/format';
import type { RecordingReader } from '../../recorder/format';
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { HistoryService } from '../handlers/history';
import type { Request } from '../wire/requests';
import { MAX_SUPPORTED_SERVER_VERSION, MIN_SUPPORTED_SERVER_VERSION } from '../wire/server-versions';
import { etDay, etTime } from '../wire/tws-time';
import { Player } from './player';
import { ReplayClock } from './replay-clock';
import { ReplayError } from './replay-error';
import { ReplayHistory } from './replay-history';
import type { ReplayMarket } from './replay-market';
import { ReplayService } from './replay-service';
import { StreamKeys } from './stream-keys';
import type { ReplayControls, ReplayOptions } from './replay-types';

export interface OpenedReplay {
  readonly reader: RecordingReader;
  readonly clock: ReplayClock;
  readonly start: number;
  readonly options: ReplayOptions;
}

/** A start or seek time: epoch ms, or an ET wall time on the recording's first day. */
function replayTime(to: number | string, firstTime: number): number {
  if (typeof to === 'number') {
    if (!Number.isFinite(to)) throw new ReplayError('BAD_TIME', `not a time: ${to}`);
    return to;
  }
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(to.trim());
  if (m && +m[1]! < 24 && +m[2]! < 60 && +(m[3] ?? 0) < 60)
    return etTime(etDay(firstTime), +m[1]! * 60 + +m[2]!) + +(m[3] ?? 0) * 1000;
  if (/^\d{10,}$/.test(to.trim())) return Number(to.trim());
  throw new ReplayError('BAD_TIME', `cannot read "${to}" as a replay time (HH:MM, HH:MM:SS or epoch ms)`);
}

/** Throws the ReplayError of a recording the gateway cannot serve (a server version it does not speak, no records). */
function checkReplayable(reader: RecordingReader, file: string): void {
  const v = reader.meta.serverVersion;
  if (v < MIN_SUPPORTED_SERVER_VERSION || v > MAX_SUPPORTED_SERVER_VERSION)
    throw new ReplayError(
      'UNSUPPORTED_SERVER_VERSION',
      `${file} was recorded at server version ${v}; the demo gateway replays ${MIN_SUPPORTED_SERVER_VERSION}…${MAX_SUPPORTED_SERVER_VERSION}`,
    );
  if (!(reader.recordCount > 0) || Number.isNaN(reader.firstTime))
    throw new ReplayError('EMPTY_RECORDING', `${file} holds no records`);
}

/** What a recording is, read from its headers without playing it: what a list of recordings shows. */
export interface RecordingSummary {
  readonly created: number;
  readonly serverVersion: number;
  readonly masked: boolean;
  readonly firstTime: number;
  readonly lastTime: number;
  readonly records: number;
  /** Cut inside a block (a crash or a full disk): it replays up to its last complete block. */
  readonly truncated: boolean;
  /** Closed by its writer; false while it is still being written or after a crash. */
  readonly ended: boolean;
}

/**
 * Opens a recording as a replay would and closes it again: its summary, or the typed error the replay would meet
 * (the reader's RecordingError for a foreign, damaged or cut-off file; a ReplayError for one the gateway cannot serve).
 */
export async function inspectRecording(file: string): Promise<RecordingSummary> {
  const reader = await openRecording(file);
  try {
    checkReplayable(reader, file);
    return {
      created: reader.meta.created,
      serverVersion: reader.meta.serverVersion,
      masked: reader.meta.masked,
      firstTime: reader.firstTime,
      lastTime: reader.lastTime,
      records: reader.recordCount,
      truncated: reader.truncated,
      ended: reader.ended,
    };
  } finally {
    await reader.close();
  }
}

/** Opens and checks the recording and makes the replay clock (before the gateway's model is built on that clock). */
export async function openReplay(o: ReplayOptions, base: Clock): Promise<OpenedReplay> {
  const reader = await openRecording(o.file);
  try {
    checkReplayable(reader, o.file);
    const start = Math.min(
      Math.max(replayTime(o.from ?? reader.firstTime, reader.firstTime), reader.firstTime),
      reader.lastTime,
    );
    return { reader, clock: new ReplayClock(base, reader.firstTime, o.speed ?? 1), start, options: o };
  } catch (e) {
    await reader.close();
    throw e;
  }
}

export interface ReplayRuntime {
  /** Answers a request from the recording; false when the model must. */
  handle(s: Session, req: Request): boolean;
  readonly controls: ReplayControls;
  close(): Promise<void>;
}

/** Starts the replay on the gateway's model: quotes for the matching engine, the request services, the player. */
export async function startReplay(
  opened: OpenedReplay,
  deps: {
    ctx: GatewayContext;
    market: ReplayMarket;
    history: Pick<HistoryService, 'encodeFrame'>;
    timers: Clock;
  },
): Promise<ReplayRuntime> {
  const { reader, clock } = opened;
  const { ctx } = deps;
  const player = new Player(reader, clock, deps.timers, new StreamKeys(ctx.universe), ctx.log);
  deps.market.replayFrom({
    version: player.version,
    stream: (inst) => {
      const key = `reqMktData|c:${inst.conId}|`;
      return player.current(key) ?? player.find(key).stream;
    },
  });
  const service = new ReplayService(ctx, player, new ReplayHistory(ctx, player, deps.history));
  // A seek even to the start: a part after the first begins with a checkpoint (the streams live when it began),
  // which only a seek restores; playing never reads one.
  await player.seek(opened.start);
  player.start(() => {
    clock.pause();
    clock.set(reader.lastTime);
    ctx.log.info('replay: played to the end of the recording');
  });
  // The first block is read before any client can connect: a request that comes before it would find no recorded
  // stream yet and be left to the model for good.
  await player.settle();
  if (!opened.options.paused) clock.play();
  ctx.log.info(
    `replaying ${opened.options.file} (server version ${player.version}, ${new Date(reader.firstTime).toISOString()} … ${new Date(reader.lastTime).toISOString()}) at ${clock.speed}x`,
  );
  const controls: ReplayControls = {
    status: () => ({
      file: opened.options.file,
      serverVersion: player.version,
      masked: reader.meta.masked,
      firstTime: reader.firstTime,
      lastTime: reader.lastTime,
      time: clock.now(),
      playing: clock.playing,
      speed: clock.speed,
      ended: player.ended,
      truncated: reader.truncated,
    }),
    play: () => {
      if (player.ended) return;
      clock.play();
      ctx.wake();
    },
    pause: () => clock.pause(),
    setSpeed: (speed) => clock.setSpeed(speed),
    async step(ms = 1000) {
      if (!(Number.isFinite(ms) && ms > 0))
        throw new ReplayError('BAD_TIME', `step must be a positive number of ms, got ${ms}`);
      clock.pause();
      clock.set(Math.min(clock.now() + ms, reader.lastTime));
      await player.settle();
      ctx.wake();
    },
    async seek(to) {
      await player.seek(replayTime(to, reader.firstTime));
      ctx.wake();
    },
  };
  return {
    handle: (s, req) => service.handle(s, req),
    controls,
    async close() {
      player.stop();
      await reader.close();
    },
  };
}
