// The file header: what a recording is (magic, format version), whether it was masked, when and by which app it
// was made, and against which TWS server version, checked by its own CRC before anything else is trusted.
//
//  0  "IBDREC"     6  format version u16     8  flags u32 (bit 0: masked)     12  created i64 ms
// 20  server version u32      24  meta length u32      28  meta JSON (UTF-8)      28+L  CRC32 of bytes 0…27+L
import zlib from 'node:zlib';
import { RecordingError } from './errors';

const FILE_MAGIC = Buffer.from('IBDREC', 'latin1');
const FORMAT_VERSION = 1;
const FIXED = 28;
const FLAG_MASKED = 1;
/** A header larger than this is not one of ours (the meta is a few hundred bytes). */
const MAX_META = 64 * 1024;

export type FileMeta = {
  /** When the recording (this part) was created, ms since the epoch. */
  readonly created: number;
  /** The TWS API server version the app had negotiated: the layout of every recorded message depends on it. */
  readonly serverVersion: number;
  /** Account ids and order details were masked (the default; false only when the user asked to keep them). */
  readonly masked: boolean;
  readonly appVersion: string;
  /** One id for all parts of one recording session, and this file's place among them (1, 2, …). */
  readonly session: string;
  readonly part: number;
};

export function encodeFileHeader(m: FileMeta): Buffer {
  const json = Buffer.from(
    JSON.stringify({ appVersion: m.appVersion, session: m.session, part: m.part }),
    'utf8',
  );
  const b = Buffer.alloc(FIXED + json.length + 4);
  FILE_MAGIC.copy(b, 0);
  b.writeUInt16LE(FORMAT_VERSION, 6);
  b.writeUInt32LE(m.masked ? FLAG_MASKED : 0, 8);
  b.writeBigInt64LE(BigInt(m.created), 12);
  b.writeUInt32LE(m.serverVersion, 20);
  b.writeUInt32LE(json.length, 24);
  json.copy(b, FIXED);
  b.writeUInt32LE(zlib.crc32(b.subarray(0, FIXED + json.length)), FIXED + json.length);
  return b;
}

/**
 * How many bytes the header at the start of `b` takes, once its fixed part is there (b.length ≥ 28); throws
 * FOREIGN_FILE / UNSUPPORTED_VERSION / DAMAGED_HEADER when it cannot be one of ours.
 */
export function fileHeaderLength(b: Buffer): number {
  checkMagic(b);
  if (b.length < FIXED) throw new RecordingError('TRUNCATED', 'the file ends inside its header', b.length);
  const version = b.readUInt16LE(6);
  if (version !== FORMAT_VERSION)
    throw new RecordingError(
      'UNSUPPORTED_VERSION',
      `recording format version ${version}; this reader knows 1`,
    );
  const len = b.readUInt32LE(24);
  if (len > MAX_META)
    throw new RecordingError('DAMAGED_HEADER', `file header claims ${len} bytes of metadata`);
  return FIXED + len + 4;
}

/** Throws FOREIGN_FILE unless b starts with the magic (or with a prefix of it, for a file cut inside it). */
export function checkMagic(b: Buffer): void {
  const n = Math.min(b.length, FILE_MAGIC.length);
  if (!b.subarray(0, n).equals(FILE_MAGIC.subarray(0, n)))
    throw new RecordingError('FOREIGN_FILE', 'not an IBDesk recording (no IBDREC magic)', 0);
  if (b.length < FILE_MAGIC.length)
    throw new RecordingError('TRUNCATED', 'the file ends inside its header', b.length);
}

export function parseFileHeader(b: Buffer): FileMeta {
  const total = fileHeaderLength(b);
  if (b.length < total) throw new RecordingError('TRUNCATED', 'the file ends inside its header', b.length);
  if (zlib.crc32(b.subarray(0, total - 4)) !== b.readUInt32LE(total - 4))
    throw new RecordingError('DAMAGED_HEADER', 'the file header fails its CRC', 0);
  const flags = b.readUInt32LE(8);
  let meta: unknown;
  try {
    meta = JSON.parse(b.toString('utf8', FIXED, total - 4));
  } catch {
    throw new RecordingError('DAMAGED_HEADER', 'the file header metadata is not JSON', FIXED);
  }
  const o = (typeof meta === 'object' && meta !== null ? meta : {}) as Record<string, unknown>;
  if (typeof o.appVersion !== 'string' || typeof o.session !== 'string' || typeof o.part !== 'number')
    throw new RecordingError(
      'DAMAGED_HEADER',
      'the file header metadata lacks appVersion, session or part',
      FIXED,
    );
  return {
    created: Number(b.readBigInt64LE(12)),
    serverVersion: b.readUInt32LE(20),
    masked: (flags & FLAG_MASKED) !== 0,
    appVersion: o.appVersion,
    session: o.session,
    part: o.part,
  };
}
