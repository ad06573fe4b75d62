// A recorded-style TWS byte stream of level-1 ticks for the ingest bench: per update of an instrument the messages
// the demo gateway (and TWS) send — bid/ask prices with their sizes, size-only changes, last + size, the last
// timestamp string, volume — framed as on the socket and cut into socket-sized chunks at arbitrary byte offsets.
import { frame } from '../../src-main/demo-gateway/wire/framing';
import {
  managedAccounts,
  nextValidId,
  serverVersionFrame,
  tickPrice,
  tickSize,
  tickString,
} from '../../src-main/demo-gateway/wire/encoder';
import { prng as rng } from '../../tests/support/quote-traffic';

export type TickStream = { chunks: Buffer[]; messages: number; bytes: number };

export function buildTickStream(
  reqIds: readonly number[],
  messages: number,
  chunkBytes = 65_536,
): TickStream {
  const r = rng(7);
  const price = reqIds.map((_, i) => 20 + ((i * 37) % 480));
  const volume = reqIds.map(() => 100_000);
  const bodies: string[] = [];
  let now = 1_760_000_000;
  while (bodies.length < messages) {
    const i = Math.floor(r() * reqIds.length);
    const id = reqIds[i]!;
    const p = (price[i]! += Math.round((r() - 0.5) * 4) / 100);
    const size = 1 + Math.floor(r() * 50);
    const roll = r();
    if (roll < 0.35) bodies.push(tickPrice(id, 1, p - 0.01, size, 1));
    else if (roll < 0.7) bodies.push(tickPrice(id, 2, p + 0.01, size, 1));
    else if (roll < 0.8) bodies.push(tickSize(id, r() < 0.5 ? 0 : 3, size));
    else {
      volume[i]! += size;
      now += 1;
      bodies.push(tickPrice(id, 4, p, size, 0), tickString(id, 45, String(now)), tickSize(id, 8, volume[i]!));
    }
  }
  const all = Buffer.concat(bodies.map(frame));
  const chunks: Buffer[] = [];
  for (let off = 0; off < all.length; off += chunkBytes) chunks.push(all.subarray(off, off + chunkBytes));
  return { chunks, messages: bodies.length, bytes: all.length };
}

/** What TWS sends first after the API handshake, framed: server version, nextValidId, managed accounts. */
export function handshakeFrames(serverVersion = 193): Buffer[] {
  return [
    frame(serverVersionFrame(serverVersion, '20250101 09:30:00 EST')),
    frame(nextValidId(1)),
    frame(managedAccounts(['DU1234567'])),
  ];
}
