// Opens a recording: checks the file header (a foreign file, an unknown version or a damaged header is a typed
// error), then indexes the blocks by reading their 44-byte headers only, so seeking to any time is a search in
// memory plus one block read. Damage policy: a block that fails its CRC is skipped and reported (iteration yields a
// 'damaged' gap in its place), and after a damaged block header the reader scans forward to the next valid one;
// `strict: true` throws DAMAGED_BLOCK instead. A file cut inside a block reads up to its last complete block and
// says `truncated`.
import fsp from 'node:fs/promises';
import zlib from 'node:zlib';
import { decodeBlock } from './block-decoder';
import {
  BLOCK_HEADER_BYTES,
  BLOCK_MAGIC,
  FLAG_END,
  INDEX_TRAILER,
  decompress,
  parseBlockHeader,
  parseIndex,
} from './block';
import { RecordingError } from './errors';
import { checkMagic, fileHeaderLength, parseFileHeader, type FileMeta } from './file-header';
import type { RecordingEntry } from './records';

/** Random access to the bytes of a recording (a file, or a buffer in tests). */
export type RecordingSource = {
  readonly size: number;
  /** Reads up to `length` bytes at `position` into buf[offset…]; returns how many were read. */
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
};

export function bufferSource(b: Buffer): RecordingSource {
  return {
    size: b.length,
    read: async (buf, offset, length, position) =>
      b.copy(buf, offset, position, Math.min(position + length, b.length)),
    close: async () => undefined,
  };
}

export async function fileSource(file: string): Promise<RecordingSource> {
  try {
    const fh = await fsp.open(file, 'r');
    const { size } = await fh.stat();
    return {
      size,
      read: async (buf, offset, length, position) => (await fh.read(buf, offset, length, position)).bytesRead,
      close: () => fh.close(),
    };
  } catch (e) {
    throw RecordingError.from('READ_FAILED', `cannot open ${file}`, e);
  }
}

type BlockInfo = {
  readonly offset: number;
  readonly firstTime: number;
  readonly lastTime: number;
  readonly count: number;
  /** Bytes after the 44-byte header. */
  readonly storedLength: number;
};

type Damage = {
  readonly offset: number;
  readonly length: number;
  readonly reason: 'block-header' | 'block-crc' | 'block-decode';
};

export type RecordingReader = {
  readonly meta: FileMeta;
  /** The blocks found, in file order (damaged headers left out, damaged payloads found later still listed). */
  readonly blocks: readonly BlockInfo[];
  /** The file ends inside a block (a crash or a full disk cut it): everything before that block is readable. */
  readonly truncated: boolean;
  /** The writer closed the file (its end marker is there): nothing was lost at the end. */
  readonly ended: boolean;
  /** Regions skipped so far (grows when iteration meets a block whose payload fails its CRC). */
  readonly damage: readonly Damage[];
  /** Offset just past the last complete block. */
  readonly validBytes: number;
  readonly recordCount: number;
  /** Earliest and latest record times (NaN in a recording without records). */
  readonly firstTime: number;
  readonly lastTime: number;
  /** Index of the first block that may hold records at or after t (blocks.length when none does). */
  seek(t: number): number;
  /** The records of block i; a damaged block gives one 'damaged' gap record (or throws in strict mode). */
  readBlock(i: number): Promise<RecordingEntry[]>;
  /** Records in file order, starting at the first record at or after `from`, stopping before one after `to`. */
  entries(opts?: { from?: number; to?: number }): AsyncGenerator<RecordingEntry>;
  close(): Promise<void>;
};

const SCAN_CHUNK = 1 << 20;

async function readAt(src: RecordingSource, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  try {
    while (got < length) {
      const n = await src.read(buf, got, length - got, position + got);
      if (n <= 0) break;
      got += n;
    }
  } catch (e) {
    throw RecordingError.from('READ_FAILED', 'reading the recording failed', e, position);
  }
  return got === length ? buf : buf.subarray(0, got);
}

export async function openRecording(
  source: RecordingSource | string,
  opts: { strict?: boolean } = {},
): Promise<RecordingReader> {
  const src = typeof source === 'string' ? await fileSource(source) : source;
  try {
    return await index(src, opts.strict ?? false);
  } catch (e) {
    await src.close().catch(() => undefined);
    throw e;
  }
}

/** The block list from the end marker's index, or null when the file does not end with a valid one. */
async function readIndex(src: RecordingSource, headerLen: number): Promise<BlockInfo[] | null> {
  const size = src.size;
  if (size < headerLen + BLOCK_HEADER_BYTES + INDEX_TRAILER) return null;
  const trailer = await readAt(src, size - INDEX_TRAILER, INDEX_TRAILER);
  const total = trailer.readUInt32LE(4);
  if (trailer.toString('latin1', 8) !== 'IBDX' || total > size - headerLen || total < BLOCK_HEADER_BYTES)
    return null;
  const end = await readAt(src, size - total, total);
  const h = parseBlockHeader(end);
  if (!h || !(h.flags & FLAG_END) || h.storedLength !== total - BLOCK_HEADER_BYTES) return null;
  const payload = end.subarray(BLOCK_HEADER_BYTES);
  if (zlib.crc32(payload) !== h.crc) return null;
  const entries = parseIndex(payload);
  if (!entries) return null;
  // The entries must tile the file between its header and the end marker.
  let at = headerLen;
  for (const e of entries) {
    if (e.offset !== at) return null;
    at += BLOCK_HEADER_BYTES + e.storedLength;
  }
  return at === size - total ? entries : null;
}

async function index(src: RecordingSource, strict: boolean): Promise<RecordingReader> {
  const size = src.size;
  const head = await readAt(src, 0, Math.min(size, 28));
  checkMagic(head);
  const headerLen = fileHeaderLength(head);
  const meta = parseFileHeader(await readAt(src, 0, Math.min(size, headerLen)));

  let blocks: BlockInfo[] = [];
  const damage: Damage[] = [];
  let truncated = false;
  let ended = false;
  let off = headerLen;

  // A cleanly closed file ends with an end marker holding the block index: open without reading every header.
  const indexed = await readIndex(src, headerLen);
  if (indexed) {
    blocks = indexed;
    ended = true;
    off = size;
  }

  /** The next offset after `from` holding a valid block header whose block fits in the file, or -1. */
  const resync = async (from: number): Promise<number> => {
    for (let pos = from; pos < size; pos += SCAN_CHUNK - BLOCK_MAGIC.length) {
      const chunk = await readAt(src, pos, Math.min(SCAN_CHUNK, size - pos));
      for (let i = chunk.indexOf(BLOCK_MAGIC); i !== -1; i = chunk.indexOf(BLOCK_MAGIC, i + 1)) {
        const at = pos + i;
        const h = parseBlockHeader(await readAt(src, at, BLOCK_HEADER_BYTES));
        if (h && at + BLOCK_HEADER_BYTES + h.storedLength <= size) return at;
      }
    }
    return -1;
  };

  while (!indexed && off < size) {
    if (size - off < BLOCK_HEADER_BYTES) {
      truncated = true;
      break;
    }
    const h = parseBlockHeader(await readAt(src, off, BLOCK_HEADER_BYTES));
    if (!h) {
      if (strict) throw new RecordingError('DAMAGED_BLOCK', `damaged block header at byte ${off}`, off);
      const next = await resync(off + 1);
      damage.push({ offset: off, length: (next < 0 ? size : next) - off, reason: 'block-header' });
      if (next < 0) {
        off = size;
        break;
      }
      off = next;
      continue;
    }
    const end = off + BLOCK_HEADER_BYTES + h.storedLength;
    if (end > size) {
      truncated = true;
      break;
    }
    if (h.flags & FLAG_END) {
      const stored = await readAt(src, off + BLOCK_HEADER_BYTES, h.storedLength);
      if (zlib.crc32(stored) === h.crc) ended = true;
      else damage.push({ offset: off, length: end - off, reason: 'block-crc' });
    } else
      blocks.push({
        offset: off,
        firstTime: h.firstTime,
        lastTime: h.lastTime,
        count: h.count,
        storedLength: h.storedLength,
      });
    off = end;
  }
  const validBytes = off;

  let recordCount = 0;
  let firstTime = NaN;
  let lastTime = NaN;
  for (const b of blocks) {
    recordCount += b.count;
    if (b.count === 0) continue;
    if (!(b.firstTime >= firstTime)) firstTime = b.firstTime;
    if (!(b.lastTime <= lastTime)) lastTime = b.lastTime;
  }

  const damaged = (b: BlockInfo, reason: Damage['reason'], cause?: unknown): RecordingEntry[] => {
    const length = BLOCK_HEADER_BYTES + b.storedLength;
    if (!damage.some((d) => d.offset === b.offset)) damage.push({ offset: b.offset, length, reason });
    if (strict)
      throw new RecordingError(
        'DAMAGED_BLOCK',
        `block at byte ${b.offset} is damaged (${reason})`,
        b.offset,
        {
          cause,
        },
      );
    return [{ type: 'gap', t: b.lastTime, dropped: b.count, since: b.firstTime, reason: 'damaged' }];
  };

  const readBlock = async (i: number): Promise<RecordingEntry[]> => {
    const b = blocks[i];
    if (b === undefined) throw new RangeError(`no block ${i}`);
    const whole = await readAt(src, b.offset, BLOCK_HEADER_BYTES + b.storedLength);
    const h = parseBlockHeader(whole);
    if (!h || h.storedLength !== b.storedLength || h.count !== b.count || h.flags & FLAG_END)
      return damaged(b, 'block-header');
    const stored = whole.subarray(BLOCK_HEADER_BYTES);
    if (stored.length !== h.storedLength || zlib.crc32(stored) !== h.crc) return damaged(b, 'block-crc');
    try {
      const records = decodeBlock(await decompress(h.codec, stored, h.rawLength), h.firstTime);
      if (records.length !== h.count) return damaged(b, 'block-decode');
      return records;
    } catch (e) {
      if (e instanceof RecordingError && e.code === 'DAMAGED_BLOCK') return damaged(b, 'block-decode', e);
      throw e;
    }
  };

  // Times within a file only grow (one clock), so the first block ending at or after t is found by bisection.
  const seek = (t: number): number => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.lastTime < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  async function* entries(o: { from?: number; to?: number } = {}): AsyncGenerator<RecordingEntry> {
    const from = o.from;
    let started = from === undefined;
    for (let i = from === undefined ? 0 : seek(from); i < blocks.length; i++) {
      for (const r of await readBlock(i)) {
        if (!started) {
          if (r.t < from!) continue;
          started = true;
        }
        if (o.to !== undefined && r.t > o.to) return;
        yield r;
      }
    }
  }

  return {
    meta,
    blocks,
    truncated,
    ended,
    damage,
    validBytes,
    recordCount,
    firstTime,
    lastTime,
    seek,
    readBlock,
    entries,
    close: () => src.close(),
  };
}
