// The recorder's view of the socket: whole frames only, wherever TCP cuts the reads, the handshake as the version.
import { describe, expect, it } from 'vitest';
import { createFrameCutter, type WireTap } from './wire-tap';

function frame(...fields: string[]): Buffer {
  const body = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'latin1');
  const out = Buffer.alloc(4 + body.length);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

function listener() {
  const seen: { opened: number[]; inbound: Buffer[] } = { opened: [], inbound: [] };
  const tap: WireTap = {
    opened: (v) => seen.opened.push(v),
    inbound: (b) => seen.inbound.push(Buffer.from(b)),
    outbound: () => undefined,
  };
  return { seen, tap };
}

const handshake = frame('176', '20260101 09:30:00 EST');
const messages = [
  frame('9', '1', '1'),
  frame('15', '1', 'DU1234567'),
  frame('1', '6', '7', '1', '187.25', '100', '0'),
];

describe('createFrameCutter', () => {
  it('reads the server version from the handshake frame and hands over the rest as whole frames', () => {
    const { seen, tap } = listener();
    const cut = createFrameCutter(() => tap);
    cut(Buffer.concat([handshake, ...messages]));
    expect(seen.opened).toEqual([176]);
    expect(Buffer.concat(seen.inbound)).toEqual(Buffer.concat(messages));
  });

  it('never hands over part of a frame, wherever the reads cut the stream', () => {
    const all = Buffer.concat([handshake, ...messages]);
    for (let size = 1; size <= 9; size++) {
      const { seen, tap } = listener();
      const cut = createFrameCutter(() => tap);
      for (let off = 0; off < all.length; off += size) cut(all.subarray(off, off + size));
      expect(seen.opened).toEqual([176]);
      expect(Buffer.concat(seen.inbound)).toEqual(Buffer.concat(messages));
      // Every piece handed over is a run of whole frames.
      for (const piece of seen.inbound) {
        let off = 0;
        while (off < piece.length) off += 4 + piece.readUInt32BE(off);
        expect(off).toBe(piece.length);
      }
    }
  });

  it('keeps its place while nobody listens, so a tap set mid-stream starts on a frame boundary', () => {
    const { seen, tap } = listener();
    let current: WireTap | null = null;
    const cut = createFrameCutter(() => current);
    const all = Buffer.concat([handshake, ...messages]);
    cut(all.subarray(0, handshake.length + 5)); // the handshake and a piece of the first message
    current = tap;
    cut(all.subarray(handshake.length + 5));
    expect(seen.opened).toEqual([]);
    expect(Buffer.concat(seen.inbound)).toEqual(Buffer.concat(messages));
  });
});
