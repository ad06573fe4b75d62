// The disk side of a recording (writer.ts takes the records): sealed blocks appended to the open part file,
// `<dir>/<base>-0001.ibdrec`, `-0002` …, each part opening with its own header and closing with an end marker
// that holds its block index. A new part starts when the open one would pass `partBytes` (with checkpoints, only
// at a block that opens with one, so a part replays on its own); with `maxParts` the oldest part is deleted when
// a new one would exceed it. A write that fails is cut back to the last whole block and thrown to the writer,
// which stops the recording.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { BLOCK_HEADER_BYTES, FLAG_END, buildBlock, encodeIndex, type Codec, type IndexEntry } from './block';
import { encodeFileHeader, type FileMeta } from './file-header';

/** The file operations the writer needs (node:fs/promises satisfies it; tests pass a failing one). */
export type WriterFs = {
  mkdir(dir: string, opts: { recursive: true }): Promise<unknown>;
  open(file: string, flags: 'wx'): Promise<WriterFile>;
  unlink(file: string): Promise<void>;
};
export type WriterFile = {
  write(data: Uint8Array): Promise<{ bytesWritten: number }>;
  truncate(len: number): Promise<void>;
  close(): Promise<void>;
};

const PART_EXT = '.ibdrec';

export function partFileName(base: string, part: number): string {
  return `${base}-${String(part).padStart(4, '0')}${PART_EXT}`;
}

/** A block the writer sealed. `opens`: its first record is a checkpoint, so a part may start with it. */
export type Sealed = {
  payload: Buffer;
  firstTime: number;
  lastTime: number;
  count: number;
  flags: number;
  opens: boolean;
};

export type PartFiles = {
  /** Appends a sealed block (an end-marker block writes the open part's end marker), starting a part if due. */
  write(s: Sealed): Promise<void>;
  /** Closes the open part's file (its end marker written before, or the file cut by a failure). */
  closeFile(): Promise<void>;
  /** Bytes of the open part so far. */
  readonly partSize: number;
  readonly blocks: number;
  /** Bytes written, all parts. */
  readonly bytes: number;
  /** Paths of the parts written, in order (rotated-away parts included). */
  readonly files: readonly string[];
};

export function createPartFiles(opts: {
  dir: string;
  base: string;
  fs?: WriterFs;
  now(): number;
  codec: Codec;
  partBytes: number;
  maxParts: number;
  /** Parts start only at blocks that open with a checkpoint. */
  checkpoints: boolean;
  /** Every part's header but its creation time and number. */
  meta: Omit<FileMeta, 'created' | 'part'>;
}): PartFiles {
  const fs: WriterFs = opts.fs ?? (fsp as unknown as WriterFs);
  const files: string[] = [];
  let blocks = 0;
  let bytes = 0;
  // The open part.
  let file: WriterFile | null = null;
  let part = 0;
  let partSize = 0;
  let partBlocks = 0;
  // Where this part's blocks are, for the index in its end marker.
  let partIndex: IndexEntry[] = [];
  let firstKeptPart = 1;

  const writeAll = async (f: WriterFile, data: Buffer): Promise<void> => {
    let off = 0;
    while (off < data.length) {
      const { bytesWritten } = await f.write(data.subarray(off));
      if (bytesWritten <= 0) throw Object.assign(new Error('write wrote nothing'), { code: 'EIO' });
      off += bytesWritten;
      partSize += bytesWritten;
      bytes += bytesWritten;
    }
  };

  /** The end marker with the part's block index: written at close, and to a part before the next one starts. */
  const writeEnd = async (f: WriterFile): Promise<void> => {
    const now = opts.now();
    const last = partIndex.at(-1)?.lastTime ?? now;
    await writeAll(
      f,
      await buildBlock('none', encodeIndex(partIndex), {
        firstTime: last,
        lastTime: last,
        count: 0,
        flags: FLAG_END,
      }),
    );
  };

  const openPart = async (created: number): Promise<WriterFile> => {
    if (file) {
      await writeEnd(file);
      await file.close();
    }
    file = null;
    part++;
    const name = path.join(opts.dir, partFileName(opts.base, part));
    if (part === 1) await fs.mkdir(opts.dir, { recursive: true });
    const f = await fs.open(name, 'wx');
    file = f;
    files.push(name);
    partSize = 0;
    partBlocks = 0;
    partIndex = [];
    await writeAll(f, encodeFileHeader({ ...opts.meta, created, part }));
    while (part - firstKeptPart + 1 > opts.maxParts) {
      const old = path.join(opts.dir, partFileName(opts.base, firstKeptPart));
      firstKeptPart++;
      // A part that cannot be deleted only costs disk; recording goes on.
      await fs.unlink(old).catch(() => undefined);
    }
    return f;
  };

  const write = async (s: Sealed): Promise<void> => {
    if (s.flags & FLAG_END) {
      await writeEnd(file ?? (await openPart(opts.now())));
      return;
    }
    const data = await buildBlock(opts.codec, s.payload, s);
    // With checkpoints a new part starts only at a block that opens with one (see the writer's checkpointDue), so
    // a replay of the part alone knows every stream live at its start.
    const full = partBlocks > 0 && partSize + data.length > opts.partBytes && (s.opens || !opts.checkpoints);
    const f = !file || full ? await openPart(opts.now()) : file;
    const good = partSize;
    try {
      await writeAll(f, data);
    } catch (e) {
      // Cut the partial block off, so the file ends on a whole block (best effort: the reader copes either way).
      await f.truncate(good).catch(() => undefined);
      throw e;
    }
    partIndex.push({
      offset: good,
      firstTime: s.firstTime,
      lastTime: s.lastTime,
      count: s.count,
      storedLength: data.length - BLOCK_HEADER_BYTES,
    });
    partBlocks++;
    blocks++;
  };

  return {
    write,
    async closeFile() {
      if (!file) return;
      const f = file;
      file = null;
      await f.close().catch(() => undefined);
    },
    get partSize() {
      return partSize;
    },
    get blocks() {
      return blocks;
    },
    get bytes() {
      return bytes;
    },
    files,
  };
}
