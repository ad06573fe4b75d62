// The gateway's listening socket. It can stop accepting and listen again on the same port (the restart and
// refuse-connections faults), and once closed it accepts nothing more.
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import type { Logger } from '../../../src-shared/logger';

export interface TcpListener {
  /** The bound port (the requested one until the first listen; then the one the OS gave for port 0). */
  readonly port: number;
  /** Starts accepting; a no-op while listening or after close(). */
  listen(): Promise<void>;
  /** Stops accepting (connection refused from now on); open connections are left to the caller. */
  stopListening(): Promise<void>;
  /** Stops accepting for good: listen() does nothing from now on. */
  close(): Promise<void>;
}

export function createTcpListener(opts: {
  host: string;
  port: number;
  log: Logger;
  onConnection(socket: Socket): void;
}): TcpListener {
  let boundPort = opts.port;
  let listening = false;
  let closed = false;
  const server = createServer((socket) => opts.onConnection(socket));
  server.on('error', (err) => opts.log.error(`server error: ${err.message}`));

  function stopListening(): Promise<void> {
    if (!listening) return Promise.resolve();
    listening = false;
    server.close();
    return Promise.resolve();
  }

  return {
    get port() {
      return boundPort;
    },
    listen() {
      if (listening || closed) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onError = (err: Error): void => {
          server.off('listening', onListening);
          reject(err);
        };
        const onListening = (): void => {
          server.off('error', onError);
          const addr = server.address();
          if (addr && typeof addr === 'object') boundPort = addr.port;
          listening = true;
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen({ host: opts.host, port: boundPort, exclusive: true });
      });
    },
    stopListening,
    close() {
      closed = true;
      return stopListening();
    },
  };
}
