// A raw TWS API client for the bench's child processes: the handshake, startApi, and a frame reader that counts
// what arrives (frames and bytes) and shows each frame to the caller, so a child measures the gateway alone.
import { connect, type Socket } from 'node:net';

export type RawClientCounts = { frames: number; bytes: number };

/** One length-prefixed message of NUL-terminated fields. */
export function frame(fields: (string | number)[]): Buffer {
  const body = Buffer.from(`${fields.join('\0')}\0`, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

/**
 * Connects, offers versions 100..193 (with `+PACEAPI` when asked), starts the API as `clientId`, calls `ready`
 * once nextValidId came (the API is up) and `onFrame` with every later frame's body (`buf`, from `start`, `length`
 * bytes); adds to `counts` as bytes and frames arrive.
 */
export function rawClient(opts: {
  port: number;
  clientId: number;
  paceApi?: boolean;
  counts: RawClientCounts;
  ready(send: (b: Buffer) => void): void;
  onFrame?(buf: Buffer, start: number, length: number): void;
}): Socket {
  const { counts } = opts;
  const s = connect({ host: '127.0.0.1', port: opts.port }, () => {
    const hello = Buffer.from(`v100..193${opts.paceApi ? ' +PACEAPI' : ''}`, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(hello.length);
    s.write(Buffer.concat([Buffer.from('API\0', 'latin1'), len, hello]));
  });
  let buf: Buffer = Buffer.alloc(0);
  let versionSeen = false;
  let up = false;
  s.on('data', (d: Buffer) => {
    counts.bytes += d.length;
    buf = buf.length ? Buffer.concat([buf, d]) : d;
    let off = 0;
    while (buf.length - off >= 4) {
      const n = buf.readUInt32BE(off);
      if (buf.length - off < 4 + n) break;
      if (!versionSeen) {
        versionSeen = true;
        s.write(frame([71, 2, opts.clientId, '']));
      } else if (!up && buf[off + 4] === 0x39 && buf[off + 5] === 0) {
        // nextValidId ("9"): the API is up.
        up = true;
        opts.ready((b) => s.write(b));
      } else opts.onFrame?.(buf, off + 4, n);
      counts.frames++;
      off += 4 + n;
    }
    buf = off === buf.length ? Buffer.alloc(0) : buf.subarray(off);
  });
  s.on('error', () => undefined);
  return s;
}

/** The conIds of a child's argv word "conId,conId,…" (empty or non-positive entries dropped). */
export function conIdsArg(word: string | undefined): number[] {
  return (word ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
}
