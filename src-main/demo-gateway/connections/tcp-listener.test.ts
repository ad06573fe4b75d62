import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-shared/logger';
import { createTcpListener } from './tcp-listener';
import type { TcpListener } from './tcp-listener';

/** Resolves 'connected' or the error code of a connection attempt. */
function attempt(port: number): Promise<string> {
  return new Promise((resolve) => {
    const c = connect({ host: '127.0.0.1', port });
    c.once('connect', () => {
      c.destroy();
      resolve('connected');
    });
    c.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

describe('createTcpListener', () => {
  const sockets: Socket[] = [];
  let listener: TcpListener | undefined;
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await listener?.close();
  });

  it('binds port 0 to a free port, hands over each accepted socket, and refuses once stopped', async () => {
    listener = createTcpListener({
      host: '127.0.0.1',
      port: 0,
      log: silentLogger,
      onConnection: (s) => sockets.push(s),
    });
    expect(listener.port).toBe(0);
    await listener.listen();
    const port = listener.port;
    expect(port).toBeGreaterThan(0);
    expect(await attempt(port)).toBe('connected');
    await expect.poll(() => sockets.length).toBe(1);
    await listener.stopListening();
    expect(await attempt(port)).toBe('ECONNREFUSED');
  });

  it('listens again on the same port after a stop (restart fault), and not at all after close', async () => {
    listener = createTcpListener({
      host: '127.0.0.1',
      port: 0,
      log: silentLogger,
      onConnection: (s) => s.destroy(),
    });
    await listener.listen();
    const port = listener.port;
    await listener.stopListening();
    await listener.listen();
    expect(listener.port).toBe(port);
    expect(await attempt(port)).toBe('connected');
    await listener.close();
    await listener.listen();
    expect(await attempt(port)).toBe('ECONNREFUSED');
  });

  it('rejects listen() when the port is taken', async () => {
    const first = createTcpListener({
      host: '127.0.0.1',
      port: 0,
      log: silentLogger,
      onConnection: (s) => s.destroy(),
    });
    await first.listen();
    try {
      listener = createTcpListener({
        host: '127.0.0.1',
        port: first.port,
        log: silentLogger,
        onConnection: () => {},
      });
      await expect(listener.listen()).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
