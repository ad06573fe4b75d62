// A TCP proxy between a client and a TWS-protocol server (the demo gateway) that can tamper with what the server
// sends: raw bytes slipped in between two whole frames, a frame cut off followed by a close, frames delivered in
// reverse order. The client side sees exactly what a broken or hostile TWS would send, while orders and data still
// come from a real gateway.
import net from 'node:net';

export interface TamperProxy {
  readonly port: number;
  /** Client connections open now. */
  connections(): number;
  /** Writes raw bytes to every client, between two server frames. */
  inject(bytes: Buffer): void;
  /** Writes raw bytes to every client and closes its connection (a frame torn by a drop). */
  injectAndClose(bytes: Buffer): void;
  /** Holds the next `n` server frames per client and delivers them in reverse order. */
  reverseNext(n: number): void;
  close(): Promise<void>;
}

/** One TWS frame: 4-byte big-endian length, then the fields joined and ended by NUL. */
export function twsFrame(fields: (string | number)[]): Buffer {
  const body = Buffer.from(fields.map(String).join('\0') + '\0', 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

type Pair = { client: net.Socket; upstream: net.Socket; held: Buffer[]; holdLeft: number };

export async function startTamperProxy(target: { host: string; port: number }): Promise<TamperProxy> {
  const pairs = new Set<Pair>();
  let reverseCount = 0;

  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.host, port: target.port });
    const pair: Pair = { client, upstream, held: [], holdLeft: 0 };
    pairs.add(pair);
    let buf = Buffer.alloc(0);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4) {
        const len = buf.readUInt32BE(0);
        if (buf.length < 4 + len) break;
        const f = buf.subarray(0, 4 + len);
        buf = buf.subarray(4 + len);
        if (pair.holdLeft > 0) {
          pair.held.push(f);
          pair.holdLeft--;
          if (pair.holdLeft === 0) {
            for (const h of pair.held.reverse()) client.write(h);
            pair.held = [];
          }
        } else client.write(f);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    connections: () => pairs.size,
    inject(bytes) {
      for (const p of pairs) p.client.write(bytes);
    },
    injectAndClose(bytes) {
      for (const p of [...pairs]) p.client.end(bytes, () => p.client.destroy());
    },
    reverseNext(n) {
      reverseCount = n;
      for (const p of pairs) p.holdLeft = reverseCount;
    },
    close() {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
