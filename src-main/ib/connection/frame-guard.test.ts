import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { IBApi } from '@stoqey/ib';
import { cleanTwsText, guardFrames, previewBytes, type BadFrame } from './frame-guard';

function frame(body: string): Buffer {
  const b = Buffer.from(body, 'latin1');
  const h = Buffer.alloc(4);
  h.writeUInt32BE(b.length);
  return Buffer.concat([h, b]);
}

/** A stand-in for the library's socket: records the bytes it was fed, optionally throws on a marker. */
function fakeApi(throwOn?: string) {
  const fed: Buffer[] = [];
  const socket = {
    onData(data: Buffer) {
      if (throwOn && data.toString('latin1').includes(throwOn)) throw new RangeError('Invalid array length');
      fed.push(Buffer.from(data));
    },
  };
  return { api: { controller: { socket } } as unknown as IBApi, socket, fed };
}

function chunk(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    if (c > prev) out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

describe('frame guard', () => {
  it('copies nothing per frame: a chunk of a thousand whole frames is scanned in place (main ingest, issue #7)', () => {
    const { api, socket, fed } = fakeApi();
    expect(guardFrames(api, () => undefined)).toBe(true);
    const stream = Buffer.concat(
      Array.from({ length: 1000 }, (_, i) => frame(`1\x002\x00${i}\x001\x00100.5\x00`)),
    );
    const concat = vi.spyOn(Buffer, 'concat');
    const alloc = vi.spyOn(Buffer, 'alloc');
    try {
      socket.onData(stream);
      expect(concat).not.toHaveBeenCalled();
      expect(alloc).not.toHaveBeenCalled();
    } finally {
      concat.mockRestore();
      alloc.mockRestore();
    }
    expect(fed).toHaveLength(1);
  });

  it('counts no fields in a frame shorter than the field limit (it cannot hold more fields than bytes)', () => {
    const { api, socket, fed } = fakeApi();
    guardFrames(api, () => undefined, { maxFrameFields: 64 });
    const short = Buffer.concat(
      Array.from({ length: 500 }, (_, i) => frame(`1\x002\x00${i}\x001\x00100.5\x00`)),
    );
    const long = frame('1\x00'.repeat(40));
    const indexOf = vi.spyOn(Buffer.prototype, 'indexOf');
    try {
      socket.onData(short);
      expect(indexOf).not.toHaveBeenCalled();
      // A frame longer than the limit is counted (and passes here: 40 fields of 64).
      socket.onData(long);
      expect(indexOf).toHaveBeenCalled();
    } finally {
      indexOf.mockRestore();
    }
    expect(fed).toHaveLength(2);
  });

  it('passes every byte of well-formed frames through, however TCP splits them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (bodies, cuts) => {
          const { api, socket, fed } = fakeApi();
          const bad: BadFrame[] = [];
          expect(guardFrames(api, (b) => bad.push(b))).toBe(true);
          const stream = Buffer.concat(bodies.map(frame));
          for (const c of chunk(stream, cuts)) socket.onData(c);
          expect(bad).toEqual([]);
          expect(Buffer.concat(fed).equals(stream)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops at the first bad length prefix, however split, after handing over the whole frames before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 10 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 0x1000000, max: 0xffffffff })),
        fc.array(fc.nat(), { maxLength: 20 }),
        (bodies, length, cuts) => {
          const { api, socket, fed } = fakeApi();
          const bad: BadFrame[] = [];
          guardFrames(api, (b) => bad.push(b));
          const good = Buffer.concat(bodies.map(frame));
          const head = Buffer.alloc(4);
          head.writeUInt32BE(length);
          const stream = Buffer.concat([good, head, frame('after')]);
          for (const c of chunk(stream, cuts)) socket.onData(c);
          expect(bad).toHaveLength(1);
          expect(bad[0]!.problem).toContain(String(length));
          // Nothing past the bad prefix reaches the library: what it got is a prefix of the good frames plus at
          // most three bytes of the bad header (bytes that arrived before the header was complete).
          const passed = Buffer.concat(fed);
          const upToBad = Buffer.concat([good, head]);
          expect(upToBad.subarray(0, passed.length).equals(passed)).toBe(true);
          expect(passed.length).toBeLessThan(upToBad.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops a frame with more fields than the limit, however split, before the library decodes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 60 }), fc.array(fc.nat(), { maxLength: 10 }), (n, cuts) => {
        const { api, socket, fed } = fakeApi();
        const bad: BadFrame[] = [];
        guardFrames(api, (b) => bad.push(b), { maxFrameFields: 10 });
        const ok = frame('a\0b\0c\0');
        const big = frame('x\0'.repeat(n));
        for (const c of chunk(Buffer.concat([ok, big]), cuts)) socket.onData(c);
        expect(bad).toHaveLength(1);
        expect(bad[0]!.problem).toMatch(/more than 10 fields/);
        // The library got the good frame and never a whole copy of the big one.
        const passed = Buffer.concat(fed);
        expect(passed.subarray(0, ok.length).equals(ok)).toBe(true);
        expect(passed.length).toBeLessThan(ok.length + big.length);
      }),
      { numRuns: 200 },
    );
    const { api, socket } = fakeApi();
    const bad: BadFrame[] = [];
    guardFrames(api, (b) => bad.push(b), { maxFrameFields: 10 });
    socket.onData(frame('x\0'.repeat(10)));
    expect(bad).toEqual([]);
  });

  it('catches what the decoder throws, reports once and feeds nothing more', () => {
    const { api, socket, fed } = fakeApi('BOOM');
    const bad: BadFrame[] = [];
    guardFrames(api, (b) => bad.push(b));
    socket.onData(frame('ok'));
    expect(() => socket.onData(frame('BOOM'))).not.toThrow();
    socket.onData(frame('later'));
    expect(bad).toHaveLength(1);
    expect(bad[0]!.problem).toBe('the TWS message decoder failed: Invalid array length');
    expect(fed).toHaveLength(1);
  });

  it('declines a client whose internals it does not know', () => {
    expect(guardFrames({} as IBApi, () => undefined)).toBe(false);
  });

  it('renders bytes printable and bounded', () => {
    expect(previewBytes(Buffer.from('4\x002\0\x1b[31m\\'))).toBe('4|2|\\x1b[31m\\x5c');
    const long = previewBytes(Buffer.alloc(1000, 0x41));
    expect(long).toMatch(/… \(1000 bytes\)$/);
    expect(long.length).toBeLessThan(130);
  });

  it('cleans TWS text: no line breaks or escapes reach a log line, and it is bounded', () => {
    expect(cleanTwsText('ok: usfarm')).toBe('ok: usfarm');
    expect(cleanTwsText('a\n2026-01-01 error fake\r\u001b[31mred\u2028')).toBe(
      'a\\u000a2026-01-01 error fake\\u000d\\u001b[31mred\\u2028',
    );
    const long = cleanTwsText('x'.repeat(100_000));
    expect(long.length).toBeLessThan(700);
    expect(long).toMatch(/… \(100000 characters\)$/);
    expect(cleanTwsText(undefined)).toBe('');
  });
});
