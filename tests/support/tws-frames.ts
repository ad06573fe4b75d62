// The TWS API's framing for the test servers and clients that speak it byte by byte: a frame is a 4-byte big-endian
// length and NUL-terminated fields; a connection opens with "API\0" and a length-prefixed version range.

/** One framed message from fields. */
export function frame(fields: readonly (string | number)[]): Buffer {
  const body = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** The whole frames at the head of `buf`, each as its fields, and the bytes of an unfinished one left over. */
export function takeFrames(buf: Buffer): { frames: string[][]; rest: Buffer } {
  const frames: string[][] = [];
  let rest = buf;
  while (rest.length >= 4) {
    const len = rest.readUInt32BE(0);
    if (rest.length < 4 + len) break;
    frames.push(
      rest
        .subarray(4, 4 + len)
        .toString('utf8')
        .split('\0')
        .slice(0, -1),
    );
    rest = rest.subarray(4 + len);
  }
  return { frames, rest };
}

/** The bytes after a whole client greeting ("API\0" + length-prefixed version range), or null until it is in. */
function afterGreeting(buf: Buffer): Buffer | null {
  if (buf.length < 8 || buf.subarray(0, 4).toString() !== 'API\0') return null;
  const len = buf.readUInt32BE(4);
  return buf.length < 8 + len ? null : buf.subarray(8 + len);
}

/**
 * A test server's reader of one connection's bytes: `greeting` once the client's greeting is in (returning false
 * leaves the rest of that chunk unread), then `frame` with each whole frame's fields, in order.
 */
export function serverReader(on: {
  greeting(): boolean | void;
  frame(fields: string[]): void;
}): (chunk: Buffer) => void {
  let buf: Buffer = Buffer.alloc(0);
  let greeted = false;
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    if (!greeted) {
      const after = afterGreeting(buf);
      if (!after) return;
      buf = after;
      greeted = true;
      if (on.greeting() === false) return;
    }
    const { frames, rest } = takeFrames(buf);
    buf = rest;
    for (const fields of frames) on.frame(fields);
  };
}
