// The reader against cut and damaged files: cut at every byte offset it reads every complete block and says it
// was cut; a flipped bit anywhere is a typed error (file header) or a skipped, reported block (everything else,
// the other blocks intact); a foreign or future file is a typed error; seeking lands on the right record.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import { quoteTraffic } from '../../../tests/support/quote-traffic';
import { BLOCK_HEADER_BYTES } from './block';
import { RecordingError } from './errors';
import { encodeFileHeader } from './file-header';
import { bufferSource, openRecording, type RecordingReader } from './reader';
import type { RecordingEntry } from './records';
import type { WriterFs } from './part-files';
import { createRecordingWriter } from './writer';

/** A small recording in memory: `blocks` blocks of `per` quote messages, closed cleanly. */
async function smallRecording(blocks = 4, per = 25): Promise<{ file: Buffer; records: RecordingEntry[] }> {
  let file = Buffer.alloc(0);
  const fs: WriterFs = {
    mkdir: async () => undefined,
    unlink: async () => undefined,
    open: async () => ({
      write: async (d) => {
        file = Buffer.concat([file, Buffer.from(d)]);
        return { bytesWritten: d.length };
      },
      truncate: async () => undefined,
      close: async () => undefined,
    }),
  };
  const w = createRecordingWriter({
    dir: '/r',
    base: 's',
    appVersion: '0.1.0',
    serverVersion: 176,
    clock: createManualClock(),
    fs,
    keep: true,
    blockRecords: per,
  });
  const msgs = [...quoteTraffic({ count: blocks * per, symbols: 6 })];
  for (const m of msgs) w.incoming(m.fields, m.t);
  await w.close();
  return { file, records: msgs.map((m) => ({ type: 'in', t: m.t, fields: m.fields })) };
}

async function readAll(r: RecordingReader): Promise<RecordingEntry[]> {
  const out: RecordingEntry[] = [];
  for await (const e of r.entries()) out.push(e);
  return out;
}

async function openError(b: Buffer): Promise<RecordingError> {
  try {
    await openRecording(bufferSource(b));
  } catch (e) {
    expect(e).toBeInstanceOf(RecordingError);
    return e as RecordingError;
  }
  throw new Error('expected a RecordingError');
}

describe('recording reader', () => {
  it('reads a file cut at every byte offset up to its last complete block, and says it was cut', async () => {
    const { file, records } = await smallRecording();
    const whole = await openRecording(bufferSource(file));
    const ends = whole.blocks.map((b) => b.offset + BLOCK_HEADER_BYTES + b.storedLength);
    const headerLen = whole.blocks[0]!.offset;
    for (let cut = 0; cut <= file.length; cut++) {
      const part = file.subarray(0, cut);
      if (cut < headerLen) {
        expect((await openError(part)).code, `cut ${cut}`).toBe('TRUNCATED');
        continue;
      }
      const r = await openRecording(bufferSource(part));
      const complete = ends.filter((e) => e <= cut).length;
      const atBoundary = cut === headerLen || ends.includes(cut);
      expect(r.blocks.length, `cut ${cut}`).toBe(complete);
      expect(r.truncated, `cut ${cut}`).toBe(!atBoundary && cut < file.length);
      expect(r.ended, `cut ${cut}`).toBe(cut === file.length);
      expect(r.damage).toEqual([]);
      expect(await readAll(r)).toEqual(records.slice(0, complete * 25));
    }
  });

  it('turns a flipped bit into a typed error (file header) or one skipped, reported block', async () => {
    const { file, records } = await smallRecording();
    const whole = await openRecording(bufferSource(file));
    const headerLen = whole.blocks[0]!.offset;
    // The data block a bit falls in (-1: the end marker).
    const blockOf = (bit: number): number =>
      whole.blocks.findIndex(
        (b) => bit >> 3 >= b.offset && bit >> 3 < b.offset + BLOCK_HEADER_BYTES + b.storedLength,
      );
    // Every bit of the file header and of the first block's header, then every 7th bit of the rest.
    const bits: number[] = [];
    for (let bit = 0; bit < file.length * 8; bit++)
      if (bit < (headerLen + BLOCK_HEADER_BYTES) * 8 || bit % 7 === 0) bits.push(bit);
    for (const bit of bits) {
      const bad = Buffer.from(file);
      bad[bit >> 3]! ^= 1 << (bit & 7);
      if (bit < headerLen * 8) {
        expect(['FOREIGN_FILE', 'UNSUPPORTED_VERSION', 'DAMAGED_HEADER', 'TRUNCATED']).toContain(
          (await openError(bad)).code,
        );
        continue;
      }
      const r = await openRecording(bufferSource(bad));
      const got = await readAll(r);
      expect(r.damage.length, `bit ${bit}`).toBe(1);
      const hit = blockOf(bit);
      if (hit < 0) {
        // The end marker: every record is there, only the clean end is lost.
        expect(got).toEqual(records);
        expect(r.ended).toBe(false);
        continue;
      }
      const before = records.slice(0, hit * 25);
      const after = records.slice((hit + 1) * 25);
      expect(got.slice(0, hit * 25), `bit ${bit}`).toEqual(before);
      expect(got.slice(got.length - after.length), `bit ${bit}`).toEqual(after);
      const middle = got.slice(hit * 25, got.length - after.length);
      // The damaged block leaves a 'damaged' gap with its count (the end marker's index knows it).
      expect(middle, `bit ${bit}`).toEqual([
        { type: 'gap', t: expect.any(Number), since: expect.any(Number), dropped: 25, reason: 'damaged' },
      ]);
      // Strict mode refuses the same file.
      const strict = await openRecording(bufferSource(bad), { strict: true })
        .then(readAll)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect((strict as RecordingError).code, `bit ${bit}`).toBe('DAMAGED_BLOCK');
    }
  });

  it('opens a cleanly closed file from its end marker index, the same blocks a scan finds', async () => {
    const { file, records } = await smallRecording(100, 10);
    let reads = 0;
    const src = bufferSource(file);
    const counted = {
      ...src,
      read: (...a: Parameters<typeof src.read>) => {
        reads++;
        return src.read(...a);
      },
    };
    const fast = await openRecording(counted);
    expect(reads).toBeLessThanOrEqual(4); // file header (2) + trailer + end marker
    // Without the last byte the index is gone: the reader scans every header and finds the same blocks.
    const scanned = await openRecording(bufferSource(file.subarray(0, file.length - 1)));
    expect(scanned.truncated).toBe(true);
    expect(fast.blocks).toEqual(scanned.blocks);
    expect(fast).toMatchObject({ ended: true, truncated: false, recordCount: 1000, validBytes: file.length });
    expect(await readAll(fast)).toEqual(records);
  });

  it('refuses a foreign file, a future version and an empty file with typed errors', async () => {
    expect((await openError(Buffer.from('\x89PNG\r\n\x1a\n0000000000000000000000000000'))).code).toBe(
      'FOREIGN_FILE',
    );
    expect((await openError(Buffer.from('{"hello":"world"}'))).code).toBe('FOREIGN_FILE');
    expect((await openError(Buffer.alloc(0))).code).toBe('TRUNCATED');
    const header = encodeFileHeader({
      created: 1,
      serverVersion: 176,
      masked: true,
      appVersion: 'x',
      session: 's',
      part: 1,
    });
    header.writeUInt16LE(2, 6);
    expect((await openError(header)).code).toBe('UNSUPPORTED_VERSION');
  });

  it('says which file it cannot open and why, keeping the system error as the cause', async () => {
    const file = '/nonexistent/ibdesk/none.ibdrec';
    const e = await openRecording(file).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(RecordingError);
    expect(e).toMatchObject({ code: 'READ_FAILED', offset: undefined, cause: { code: 'ENOENT' } });
    expect((e as RecordingError).message).toMatch(/^cannot open \/nonexistent\/ibdesk\/none\.ibdrec: ENOENT/);
  });

  it('seeks to the first record at or after a time, and stops after `to`', async () => {
    const { file, records } = await smallRecording(6, 40);
    const r = await openRecording(bufferSource(file));
    for (const k of [0, 1, 39, 40, 41, 123, 239]) {
      const from = records[k]!.t;
      const firstAt = records.findIndex((e) => e.t >= from);
      const got: RecordingEntry[] = [];
      for await (const e of r.entries({ from, to: from + 50 })) got.push(e);
      expect(got).toEqual(
        records.slice(firstAt).filter((e, i, all) => all.slice(0, i + 1).every((x) => x.t <= from + 50)),
      );
    }
    expect(r.seek(records.at(-1)!.t + 1)).toBe(r.blocks.length);
    expect(r.recordCount).toBe(240);
    expect(r.firstTime).toBe(records[0]!.t);
    expect(r.lastTime).toBe(records.at(-1)!.t);
  });
});
