// One block on disk: a fixed 44-byte header (its own magic and CRC, so a reader can check it, skip the payload
// without reading it, and find the next block after damage) followed by the compressed payload. A file cut
// anywhere keeps every block before the cut whole.
//
//  0  "IBDB"            4  format version u8    5  codec u8 (0 none, 1 deflate-raw, 2 brotli)
//  6  flags u8 (bit 0: end of file, written by close)     7  reserved 0
//  8  first time i64 ms 16  last time i64 ms     24  record count u32
// 28  payload length u32 (uncompressed)         32  stored length u32 (on disk, after the header)
// 36  CRC32 of the stored bytes                 40  CRC32 of header bytes 0…39
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { RecordingError } from './errors';

export const BLOCK_MAGIC = Buffer.from('IBDB', 'latin1');
export const BLOCK_HEADER_BYTES = 44;
const BLOCK_VERSION = 1;
export const FLAG_END = 1;

export type Codec = 'none' | 'deflate-raw' | 'brotli';
const CODEC_IDS: Record<Codec, number> = { none: 0, 'deflate-raw': 1, brotli: 2 };
const CODECS: readonly Codec[] = ['none', 'deflate-raw', 'brotli'];

export type BlockHeader = {
  codec: Codec;
  flags: number;
  firstTime: number;
  lastTime: number;
  count: number;
  rawLength: number;
  storedLength: number;
  crc: number;
};

function encodeBlockHeader(h: BlockHeader): Buffer {
  const b = Buffer.alloc(BLOCK_HEADER_BYTES);
  BLOCK_MAGIC.copy(b, 0);
  b[4] = BLOCK_VERSION;
  b[5] = CODEC_IDS[h.codec];
  b[6] = h.flags;
  b.writeBigInt64LE(BigInt(h.firstTime), 8);
  b.writeBigInt64LE(BigInt(h.lastTime), 16);
  b.writeUInt32LE(h.count, 24);
  b.writeUInt32LE(h.rawLength, 28);
  b.writeUInt32LE(h.storedLength, 32);
  b.writeUInt32LE(h.crc >>> 0, 36);
  b.writeUInt32LE(zlib.crc32(b.subarray(0, 40)), 40);
  return b;
}

/** The header at b[off…], or null when those 44 bytes are not a valid block header (wrong magic or CRC). */
export function parseBlockHeader(b: Buffer, off = 0): BlockHeader | null {
  if (off + BLOCK_HEADER_BYTES > b.length) return null;
  if (b[off] !== 0x49 || b[off + 1] !== 0x42 || b[off + 2] !== 0x44 || b[off + 3] !== 0x42) return null;
  if (zlib.crc32(b.subarray(off, off + 40)) !== b.readUInt32LE(off + 40)) return null;
  const codec = CODECS[b[off + 5]!];
  if (b[off + 4] !== BLOCK_VERSION || codec === undefined) return null;
  const firstTime = Number(b.readBigInt64LE(off + 8));
  const lastTime = Number(b.readBigInt64LE(off + 16));
  return {
    codec,
    flags: b[off + 6]!,
    firstTime,
    lastTime,
    count: b.readUInt32LE(off + 24),
    rawLength: b.readUInt32LE(off + 28),
    storedLength: b.readUInt32LE(off + 32),
    crc: b.readUInt32LE(off + 36),
  };
}

const brotliCompress = promisify(zlib.brotliCompress);
const brotliDecompress = promisify(zlib.brotliDecompress);
const deflateRaw = promisify(zlib.deflateRaw);
const inflateRaw = promisify(zlib.inflateRaw);

/**
 * Brotli quality 2 (the writer's default) and deflate level 1: the fastest settings of each. On quote traffic in
 * 16,384-message blocks brotli gives 4.4 bytes a message against deflate's 4.6, for about the same CPU (measured
 * in interleaved rounds by bench/suites/recorder.ts). Compression runs in libuv's thread pool, off the caller's
 * thread.
 */
export async function compress(codec: Codec, payload: Buffer): Promise<Buffer> {
  if (codec === 'none') return payload;
  if (codec === 'deflate-raw') return deflateRaw(payload, { level: 1 });
  return brotliCompress(payload, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 2,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: payload.length,
    },
  });
}

export async function decompress(codec: Codec, stored: Buffer, rawLength: number): Promise<Buffer> {
  let out: Buffer;
  try {
    if (codec === 'none') out = stored;
    else if (codec === 'deflate-raw') out = await inflateRaw(stored, { maxOutputLength: rawLength + 1 });
    else out = await brotliDecompress(stored, { maxOutputLength: rawLength + 1 });
  } catch (e) {
    throw RecordingError.from('DAMAGED_BLOCK', 'block does not decompress', e);
  }
  if (out.length !== rawLength)
    throw new RecordingError(
      'DAMAGED_BLOCK',
      `block decompressed to ${out.length} bytes, header says ${rawLength}`,
    );
  return out;
}

/** A whole block (header + stored payload) ready to append to a file. */
export async function buildBlock(
  codec: Codec,
  payload: Buffer,
  meta: { firstTime: number; lastTime: number; count: number; flags?: number },
): Promise<Buffer> {
  const stored = await compress(codec, payload);
  const header = encodeBlockHeader({
    codec,
    flags: meta.flags ?? 0,
    firstTime: meta.firstTime,
    lastTime: meta.lastTime,
    count: meta.count,
    rawLength: payload.length,
    storedLength: stored.length,
    crc: zlib.crc32(stored),
  });
  return Buffer.concat([header, stored]);
}

/**
 * Where each block of a part is, kept in the end marker's payload so a cleanly closed file opens without reading
 * every block header: 32 bytes a block (offset, first time, last time, count, stored length), then the entry
 * count, the end marker's total size and "IBDX". Those last 12 bytes are the file's last bytes, so a reader finds
 * the marker from the end; they are inside the marker's CRC, so a damaged index is noticed and the reader scans.
 */
export type IndexEntry = {
  readonly offset: number;
  readonly firstTime: number;
  readonly lastTime: number;
  readonly count: number;
  readonly storedLength: number;
};

const INDEX_MAGIC = Buffer.from('IBDX', 'latin1');
const ENTRY = 32;
export const INDEX_TRAILER = 12;

export function encodeIndex(entries: readonly IndexEntry[]): Buffer {
  const b = Buffer.alloc(entries.length * ENTRY + INDEX_TRAILER);
  entries.forEach((e, i) => {
    const p = i * ENTRY;
    b.writeDoubleLE(e.offset, p);
    b.writeBigInt64LE(BigInt(e.firstTime), p + 8);
    b.writeBigInt64LE(BigInt(e.lastTime), p + 16);
    b.writeUInt32LE(e.count, p + 24);
    b.writeUInt32LE(e.storedLength, p + 28);
  });
  const t = entries.length * ENTRY;
  b.writeUInt32LE(entries.length, t);
  b.writeUInt32LE(BLOCK_HEADER_BYTES + b.length, t + 4);
  INDEX_MAGIC.copy(b, t + 8);
  return b;
}

/** The entries of an end marker's payload, or null when it holds no (valid) index. */
export function parseIndex(payload: Buffer): IndexEntry[] | null {
  if (payload.length < INDEX_TRAILER) return null;
  const t = payload.length - INDEX_TRAILER;
  if (!payload.subarray(t + 8).equals(INDEX_MAGIC)) return null;
  const n = payload.readUInt32LE(t);
  if (n * ENTRY !== t || payload.readUInt32LE(t + 4) !== BLOCK_HEADER_BYTES + payload.length) return null;
  const out: IndexEntry[] = [];
  for (let i = 0; i < n; i++) {
    const p = i * ENTRY;
    out.push({
      offset: payload.readDoubleLE(p),
      firstTime: Number(payload.readBigInt64LE(p + 8)),
      lastTime: Number(payload.readBigInt64LE(p + 16)),
      count: payload.readUInt32LE(p + 24),
      storedLength: payload.readUInt32LE(p + 28),
    });
  }
  return out;
}
