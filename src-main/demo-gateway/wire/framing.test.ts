import { describe, expect, it } from 'vitest';
import { FrameBatch, FrameReader, frame, payloadFields } from './framing';

function stream(...parts: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from('API\0', 'latin1'), ...parts]);
}

describe('FrameReader', () => {
  it('splits frames however the bytes are chunked', () => {
    const bytes = stream(frame('v100..193'), frame('71\x002\x001\0\0'), frame('49\x001\0'));
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const r = new FrameReader({ expectApiPrefix: true });
      const out: string[] = [];
      for (let i = 0; i < bytes.length; i += size) {
        for (const ev of r.push(bytes.subarray(i, i + size)))
          if (ev.kind === 'frame') out.push(ev.payload.toString('latin1'));
      }
      expect(out).toEqual(['v100..193', '71\x002\x001\0\0', '49\x001\0']);
      expect(r.pending).toBe(0);
    }
  });

  it('rejects a stream without the API prefix and an oversized frame', () => {
    expect(new FrameReader({ expectApiPrefix: true }).push(Buffer.from('GET /'))).toEqual([
      { kind: 'error', reason: 'no-api-prefix', detail: expect.any(String) as string },
    ]);
    const big = Buffer.alloc(4);
    big.writeUInt32BE(0x1000000);
    const events = new FrameReader({ expectApiPrefix: true }).push(stream(big));
    expect(events[0]).toMatchObject({ kind: 'error', reason: 'oversized' });
  });

  it('reads fields as ibapi does: NUL-separated, the empty tail dropped', () => {
    expect(payloadFields(Buffer.from('4\x002\x00-1\x002104\0text\0\0'))).toEqual([
      '4',
      '2',
      '-1',
      '2104',
      'text',
      '',
    ]);
  });
});

describe('FrameBatch', () => {
  it('concatenates length-prefixed frames into one buffer (UTF-8 lengths in bytes)', () => {
    const b = new FrameBatch();
    b.add('9\x001\x001\0');
    b.add('15\x001\0Zürich\0');
    expect(b.frames).toBe(2);
    const out = b.take() as Buffer;
    expect(out.readUInt32BE(0)).toBe(6);
    expect(out.readUInt32BE(10)).toBe(Buffer.byteLength('15\x001\0Zürich\0'));
    expect(b.take()).toBeUndefined();
  });
});
