// A minimal TWS-protocol server for the connection layer's own tests: the V100 handshake, nextValidId, managed
// accounts, current time, one tick per market-data request, and faults (silence, drop, info codes, 326, a first
// frame that is not the version). It is not the demo gateway (#4): it exists so the link's timing rules can be
// tested over real TCP in isolation.
import net from 'node:net';
import { frame, serverReader } from './tws-frames';

type Received = { at: number; fields: string[]; conn: number };

export interface MiniTws {
  readonly port: number;
  received: Received[];
  connections(): number;
  /** Client ids currently connected. */
  clientIds(): number[];
  /** Stops answering and reading (a half-open peer): the sockets stay open. */
  silence(on: boolean): void;
  /** Closes every connection. */
  drop(): void;
  /** Sends a message with id -1 (info) to every connection: 1100, 1101, 1102, 2110… */
  info(code: number, text: string): void;
  /** Refuses the next START_API with 326 as if the client id were taken. */
  rejectClientId(clientId: number | null): void;
  /** The next `count` connections get nextValidId as their first frame, ahead of the server version. */
  nextValidIdFirst(count: number): void;
  close(): Promise<void>;
}

export async function startMiniTws(
  opts: { serverVersion?: number; account?: string } = {},
): Promise<MiniTws> {
  const version = opts.serverVersion ?? 176;
  const account = opts.account ?? 'DU123456';
  const received: Received[] = [];
  const sockets = new Map<net.Socket, { id: number; clientId: number | null }>();
  let silent = false;
  let rejectId: number | null = null;
  let idFirst = 0;
  let connSeq = 0;

  const server = net.createServer((socket) => {
    const state = { id: ++connSeq, clientId: null as number | null };
    sockets.set(socket, state);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    const read = serverReader({
      greeting: () => {
        const early = idFirst > 0 ? (idFirst--, [frame([9, 1, 1])]) : [];
        socket.write(Buffer.concat([...early, frame([version, '20261124 12:00:00 UTC'])]));
      },
      frame: (fields) => {
        received.push({ at: Date.now(), fields, conn: state.id });
        handle(socket, state, fields);
      },
    });
    socket.on('data', (chunk) => {
      if (!silent) read(chunk);
    });
  });

  function handle(socket: net.Socket, state: { clientId: number | null }, f: string[]): void {
    const id = f[0];
    if (id === '71') {
      const clientId = Number(f[2]);
      if (
        rejectId === clientId ||
        [...sockets.values()].some((s) => s !== state && s.clientId === clientId)
      ) {
        socket.write(
          frame([
            4,
            2,
            -1,
            326,
            `Unable to connect as the client id is already in use. Retry with a unique client id.`,
            '',
          ]),
        );
        socket.end();
        return;
      }
      state.clientId = clientId;
      socket.write(Buffer.concat([frame([15, 1, account]), frame([9, 1, 1])]));
    } else if (id === '49') {
      socket.write(frame([49, 1, Math.floor(Date.now() / 1000)]));
    } else if (id === '1') {
      // reqMktData: version 11, reqId at index 2. One LAST tick.
      socket.write(frame([1, 3, f[2]!, 4, 100.25, 5, 0]));
    } else if (id === '5') {
      socket.write(frame([53, 1]));
    } else if (id === '99') {
      socket.write(frame([102]));
    } else if (id === '7') {
      socket.write(frame([55, 1, f[2]!]));
    } else if (id === '9') {
      socket.write(frame([4, 2, f[2]!, 200, 'No security definition has been found for the request', '']));
    } else if (id === '61') {
      socket.write(frame([62, 1]));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    received,
    connections: () => sockets.size,
    clientIds: () => [...sockets.values()].map((s) => s.clientId).filter((c): c is number => c !== null),
    silence(on) {
      silent = on;
    },
    drop() {
      for (const s of sockets.keys()) s.destroy();
    },
    info(code, text) {
      for (const s of sockets.keys()) s.write(frame([4, 2, -1, code, text, '']));
    },
    rejectClientId(id) {
      rejectId = id;
    },
    nextValidIdFirst(count) {
      idFirst = count;
    },
    close() {
      for (const s of sockets.keys()) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
