// Plays a recording against the replay clock: every record whose time has come is applied in file order (requests
// open and end recorded streams, messages update their state), and whoever listens to a stream's group hears its
// messages as they are applied. Blocks are read one ahead so playing never waits on the disk. Seeking reads back to
// the latest checkpoint before the target (or the file's start when there is none) and plays silently up to it.
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { RecordingEntry, RecordingReader, RequestRecord } from '../../recorder/format';
import type { ReplayClock } from './replay-clock';
import type { RecordedStream } from './recorded-stream';
import { readCheckpoint } from './checkpoint';
import { StreamRegistry } from './stream-registry';
import type { StreamKeys } from './stream-keys';
import { toContractRequest } from './stream-keys';
import { CHECKPOINT_KIND, STREAM_KINDS } from './stream-kinds';

/** Hears the messages of one group's streams as they are played; `seeked` after a seek rebuilt every state. */
export interface StreamListener {
  message(stream: RecordedStream, fields: readonly string[], t: number): void;
  seeked(): void;
}

/** How often the player applies what has come due (real ms): fine enough for 1x timing, cheap at 60x. */
const PUMP_MS = 10;
/** Decoded blocks kept while seeking back through a file without checkpoints. */
const SEEK_CACHE_BLOCKS = 64;

/** A block being read ahead. */
interface Loading {
  done: boolean;
  entries: RecordingEntry[];
  error: unknown;
  promise: Promise<void>;
}

export class Player {
  private readonly registry: StreamRegistry;
  private readonly listeners = new Map<string, Set<StreamListener>>();
  private buffer: RecordingEntry[] = [];
  private pos = 0;
  private nextBlock = 0;
  private prefetch: Loading | undefined;
  private timer: Timer | undefined;
  /** A seek is rebuilding the state: nothing plays meanwhile. */
  private busy = false;
  /** The pump is waiting for the next block. */
  private waiting = false;
  private endedFlag = false;
  private pumpCount = 0;
  private onEnd: (() => void) | undefined;

  constructor(
    private readonly reader: RecordingReader,
    private readonly clock: ReplayClock,
    private readonly timers: Clock,
    readonly keys: StreamKeys,
    private readonly log: Logger,
  ) {
    this.registry = new StreamRegistry(keys, reader.meta.serverVersion);
  }

  /** The server version the recording's messages are laid out in. */
  get version(): number {
    return this.registry.version;
  }

  /** How many times the player has applied what was due (a bench stamp goes out once per pump and client). */
  get pumps(): number {
    return this.pumpCount;
  }

  /** Played to the end of the recording. */
  get ended(): boolean {
    return this.endedFlag;
  }

  /** Starts applying records as the clock reaches them; `onEnd` runs when the recording is played out. */
  start(onEnd?: () => void): void {
    this.onEnd = onEnd;
    this.timer ??= this.timers.setInterval(() => this.pump(), PUMP_MS);
    this.pump();
  }

  stop(): void {
    if (this.timer) this.timers.clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Applies every record due by the clock, waiting for blocks still being read. */
  async settle(): Promise<void> {
    for (;;) {
      this.pump();
      const p = this.prefetch;
      if (!this.waiting || !p) return;
      await p.promise;
    }
  }

  /** Applies every record due by the clock. */
  pump(): void {
    if (this.busy) return;
    this.pumpCount++;
    const now = this.clock.now();
    for (;;) {
      if (this.pos >= this.buffer.length) {
        if (!this.advanceBlock()) return;
        continue;
      }
      const e = this.buffer[this.pos]!;
      if (e.t > now) return;
      this.pos++;
      this.apply(e, false);
    }
  }

  /** Moves to the next decoded block; false while it is still being read (pump runs again when it is). */
  private advanceBlock(): boolean {
    if (this.nextBlock >= this.reader.blocks.length) {
      if (!this.endedFlag) {
        this.endedFlag = true;
        this.onEnd?.();
      }
      return false;
    }
    const p = (this.prefetch ??= this.load(this.nextBlock));
    if (!p.done) {
      if (!this.waiting) {
        this.waiting = true;
        void p.promise.then(() => {
          this.waiting = false;
          this.pump();
        });
      }
      return false;
    }
    if (p.error !== undefined)
      this.log.error(`replay: reading block ${this.nextBlock} failed: ${(p.error as Error).message}`);
    this.nextBlock++;
    this.buffer = p.entries;
    this.pos = 0;
    this.prefetch = this.nextBlock < this.reader.blocks.length ? this.load(this.nextBlock) : undefined;
    return true;
  }

  private load(block: number): Loading {
    const l: Loading = { done: false, entries: [], error: undefined, promise: Promise.resolve() };
    l.promise = this.reader.readBlock(block).then(
      (es) => {
        l.entries = es;
        l.done = true;
      },
      (e: unknown) => {
        l.error = e;
        l.done = true;
      },
    );
    return l;
  }

  /** One record: requests open and end streams, messages go to their stream and its listeners. */
  private apply(e: RecordingEntry, silent: boolean): void {
    if (e.type === 'req') return this.registry.request(e);
    if (e.type !== 'in') return;
    const stream = this.registry.message(e.t, e.fields);
    if (!stream || silent) return;
    const ls = this.listeners.get(this.registry.keyOf(stream)!);
    if (ls) for (const l of ls) l.message(stream, e.fields, e.t);
  }

  /**
   * The stream a new request of group `key` gets (see StreamRegistry.latest). `pending` when none has started
   * yet but one starts in the part of the recording already read (the block playing and the one read ahead): a
   * client that asks a moment before the recording did still gets it.
   */
  find(key: string): { stream: RecordedStream | undefined; pending: boolean } {
    const stream = this.registry.latest(key);
    if (stream) return { stream, pending: false };
    const ahead = this.prefetch?.done ? this.prefetch.entries : [];
    return { stream: undefined, pending: this.asks(this.buffer, this.pos, key) || this.asks(ahead, 0, key) };
  }

  /** Whether a request of group `key` is among `entries` from `from` on. */
  private asks(entries: readonly RecordingEntry[], from: number, key: string): boolean {
    for (let i = from; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.type !== 'req' || !STREAM_KINDS[e.kind]) continue;
      const c = e.contract ? toContractRequest(e.contract) : undefined;
      if (this.keys.groupKey(e.kind, c, e.params) === key) return true;
    }
    return false;
  }

  /** The stream a group's listeners follow now: its latest live member. */
  current(key: string): RecordedStream | undefined {
    return this.registry.current(key);
  }

  /** Every member of the groups whose key starts with `prefix`. */
  membersOf(prefix: string): RecordedStream[] {
    return this.registry.membersOf(prefix);
  }

  listen(key: string, l: StreamListener): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(l);
    return () => set.delete(l);
  }

  /**
   * Moves the recording to time t: back to the latest checkpoint at or before t (the file's start without one),
   * every record up to t applied without being heard, then every listener told to refresh from the new state.
   */
  async seek(t: number): Promise<void> {
    const target = Math.min(Math.max(t, this.reader.firstTime), this.reader.lastTime);
    this.busy = true;
    try {
      if (this.prefetch) await this.prefetch.promise;
      this.prefetch = undefined;
      const cache = new Map<number, RecordingEntry[]>();
      const read = async (j: number): Promise<RecordingEntry[]> => {
        const hit = cache.get(j);
        if (hit) return hit;
        const es = await this.reader.readBlock(j);
        if (cache.size < SEEK_CACHE_BLOCKS) cache.set(j, es);
        return es;
      };
      const last = this.reader.blocks.length - 1;
      let from = { block: 0, index: 0 };
      let checkpoint: RequestRecord | undefined;
      for (let j = Math.min(this.reader.seek(target), last); j >= 0 && !checkpoint; j--) {
        const es = await read(j);
        for (let k = es.length - 1; k >= 0; k--) {
          const e = es[k]!;
          if (e.t <= target && e.type === 'req' && e.kind === CHECKPOINT_KIND && readCheckpoint(e.params)) {
            checkpoint = e;
            from = { block: j, index: k + 1 };
            break;
          }
        }
      }
      this.registry.clear();
      if (checkpoint) this.registry.restore(readCheckpoint(checkpoint.params)!, checkpoint.t);
      this.buffer = [];
      this.pos = 0;
      this.nextBlock = last + 1;
      for (let j = from.block; j <= last; j++) {
        const es = await read(j);
        let k = j === from.block ? from.index : 0;
        while (k < es.length && es[k]!.t <= target) this.apply(es[k++]!, true);
        if (k < es.length) {
          this.buffer = es;
          this.pos = k;
          this.nextBlock = j + 1;
          break;
        }
      }
      this.endedFlag = this.pos >= this.buffer.length && this.nextBlock > last;
      if (this.nextBlock <= last) this.prefetch = this.load(this.nextBlock);
      this.clock.set(target);
    } finally {
      this.busy = false;
    }
    for (const set of this.listeners.values()) for (const l of [...set]) l.seeked();
    this.pump();
  }
}
