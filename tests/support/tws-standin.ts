// A tiny TWS stand-in for the setup checker's tests: just enough of the TWS API wire protocol (handshake,
// startApi, error, nextValidId, managedAccounts, tickSnapshotEnd, orderStatus) to play the setup problems the demo
// gateway has no switch for (a read-only API, a stalled handshake, other market-data codes). Binds 127.0.0.1:0.
import net from 'node:net';
import { frame, serverReader } from './tws-frames';

export type StandInMode =
  | 'ok'
  | 'accept-close'
  | 'silent'
  | 'stall'
  | 'client-id-in-use'
  | 'read-only'
  | 'no-market-data'
  | 'real-order';

export type StandIn = {
  port: number;
  /** Every framed message the client sent, as its fields. */
  received: string[][];
  close(): Promise<void>;
};

const SERVER_VERSION = 176; // ≥ 166: error messages carry the advancedOrderReject field

const error = (reqId: number, code: number, message: string): Buffer =>
  frame([4, 2, reqId, code, message, '']);

export async function startStandIn(
  mode: StandInMode,
  opts: { accounts?: string; marketDataCode?: number } = {},
): Promise<StandIn> {
  const received: string[][] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on(
      'data',
      serverReader({
        greeting: () => {
          if (mode === 'accept-close') {
            socket.destroy();
            return false;
          }
          if (mode === 'silent') return false;
          socket.write(frame([SERVER_VERSION, '20261124 12:00:00 EST']));
        },
        frame: (fields) => {
          received.push(fields);
          onMessage(socket, fields);
        },
      }),
    );
  });

  function onMessage(socket: net.Socket, f: string[]): void {
    const id = Number(f[0]);
    if (id === 71) {
      // startApi
      if (mode === 'stall') return;
      if (mode === 'client-id-in-use') {
        socket.write(
          error(
            -1,
            326,
            'Unable to connect as the client id is already in use. Retry with a unique client id.',
          ),
        );
        setTimeout(() => socket.destroy(), 20);
        return;
      }
      socket.write(frame([9, 1, 1000]));
      socket.write(frame([15, 1, opts.accounts ?? 'DU1234567']));
      socket.write(error(-1, 2104, 'Market data farm connection is OK:usfarm'));
      return;
    }
    if (id === 1) {
      // reqMktData: [1, version, reqId, …]
      const reqId = Number(f[2]);
      if (mode === 'no-market-data') {
        const code = opts.marketDataCode ?? 354;
        socket.write(error(reqId, code, `Requested market data is not subscribed. (code ${code})`));
      } else {
        socket.write(frame([57, 1, reqId]));
      }
      return;
    }
    if (id === 3) {
      // placeOrder (server version ≥ 145: no version field): [3, orderId, …]
      const orderId = Number(f[1]);
      if (mode === 'read-only') {
        socket.write(
          error(
            orderId,
            321,
            "Error validating request.-'bN' : cause - The API interface is currently in Read-Only mode.",
          ),
        );
      } else if (mode === 'real-order') {
        socket.write(frame([3, orderId, 'PreSubmitted', 0, 1, 0, 77, 0, 0, 1, '', 0]));
      } else {
        socket.write(error(orderId, 399, 'Order Message:\nBUY 1 AAPL NASDAQ.NMS\nWhat-if preview only.'));
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
