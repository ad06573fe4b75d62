// What a recorder sees of the connection, as plain bytes and strings (no @stoqey/ib type leaves src-main/ib): each
// socket's server version, the bytes TWS sent cut at whole frames (so a socket that dies inside a frame leaves no
// half message for the next one), and every message the app sent by its fields. The cutter costs one length read
// per frame and copies only the few bytes of a frame split across reads.

export type WireTap = {
  /** A new socket's handshake: TWS's server version. The messages of this socket follow. */
  opened(serverVersion: number): void;
  /** Whole length-prefixed frames from TWS, in order (the handshake's frame excluded). */
  inbound(frames: Buffer): void;
  /** One message the app sent, by its fields (the handshake's version range excluded). */
  outbound(fields: readonly string[]): void;
};

/**
 * Per socket: takes the reads as they come and hands the tap whole frames. The socket's first frame is TWS's
 * handshake reply ("<server version>\0<time>\0"): it becomes `opened`. The cutter keeps its place even while
 * nothing records, so a recording started mid-session begins on a frame boundary.
 */
export function createFrameCutter(tap: () => WireTap | null): (chunk: Buffer) => void {
  let carry: Buffer | null = null;
  let first = true;

  const whole = (frame: Buffer): void => {
    const t = tap();
    if (first) {
      first = false;
      const end = frame.indexOf(0, 4);
      const version = Number(frame.toString('latin1', 4, end === -1 ? frame.length : end));
      if (t && Number.isInteger(version)) t.opened(version);
    } else t?.inbound(frame);
  };

  return (chunk: Buffer): void => {
    let i = 0;
    if (carry) {
      // Complete the frame the previous read cut: its length prefix first, then its body.
      if (carry.length < 4) {
        const take = Math.min(4 - carry.length, chunk.length);
        carry = Buffer.concat([carry, chunk.subarray(0, take)]);
        i = take;
        if (carry.length < 4) return;
      }
      const total = 4 + carry.readUInt32BE(0);
      const take = Math.min(total - carry.length, chunk.length - i);
      carry = Buffer.concat([carry, chunk.subarray(i, i + take)]);
      i += take;
      if (carry.length < total) return;
      const done = carry;
      carry = null;
      whole(done);
    }
    if (first && chunk.length - i >= 4) {
      const total = 4 + chunk.readUInt32BE(i);
      if (chunk.length - i >= total) {
        whole(chunk.subarray(i, i + total));
        i += total;
      }
    }
    let end = i;
    if (!first)
      while (chunk.length - end >= 4) {
        const total = 4 + chunk.readUInt32BE(end);
        if (chunk.length - end < total) break;
        end += total;
      }
    if (end > i) tap()?.inbound(chunk.subarray(i, end));
    if (end < chunk.length) carry = Buffer.from(chunk.subarray(end));
  };
}
