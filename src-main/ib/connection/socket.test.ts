import { EventEmitter } from 'node:events';
import type { IBApi } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { closeSocket, openSocket, type SocketEvents } from './socket';

/** A client as @stoqey/ib's IBApi emits to its listeners, without a socket (so no frame guard either). */
class FakeClient extends EventEmitter {
  connectedAs: number | null = null;
  disconnects = 0;
  connect(clientId: number) {
    this.connectedAs = clientId;
  }
  disconnect() {
    this.disconnects++;
  }
}

function open() {
  const client = new FakeClient();
  const seen: [string, ...unknown[]][] = [];
  let current = true;
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void seen.push([name, ...args]);
  const events = Object.fromEntries(
    [
      'received',
      'alive',
      'serverVersion',
      'unreadableVersion',
      'nextValidId',
      'accounts',
      'disconnected',
      'badFrame',
      'twsMessage',
      'routed',
      'global',
    ].map((n) => [n, record(n)]),
  ) as unknown as SocketEvents;
  const r = openSocket({
    endpoint: { host: '127.0.0.1', port: 7497, clientId: 9 },
    createApi: () => client as unknown as IBApi,
    current: (c) => current && c === (client as unknown as IBApi),
    events,
  });
  return { client, seen, r, retire: () => (current = false) };
}

describe('one socket', () => {
  it('connects with the client id and reports the handshake', () => {
    const { client, seen, r } = open();
    expect(client.connectedAs).toBe(9);
    expect(r.guarded).toBe(false); // no reader to guard in this stand-in
    client.emit('server', 176);
    client.emit('server', Number.NaN);
    client.emit('nextValidId', 12);
    client.emit('managedAccounts', 'DU1, DU2,,');
    expect(seen).toEqual([
      ['alive'],
      ['serverVersion', 176],
      ['alive'],
      ['unreadableVersion'],
      ['nextValidId', 12],
      ['accounts', ['DU1', 'DU2']],
    ]);
  });

  it('routes messages with a request id, and those without (or execDetails of −1) to the global listeners', () => {
    const { client, seen } = open();
    client.emit('tickPrice', 1_000_000_001, 4, 101.5);
    client.emit('execDetails', -1, { symbol: 'AAPL' }, { execId: 'e1' });
    client.emit('execDetails', 1_000_000_002, {}, {});
    client.emit('openOrder', 5, {}, {}, {});
    expect(seen).toEqual([
      ['routed', 'tickPrice', 1_000_000_001, [1_000_000_001, 4, 101.5]],
      ['global', 'execDetails', [-1, { symbol: 'AAPL' }, { execId: 'e1' }]],
      ['routed', 'execDetails', 1_000_000_002, [1_000_000_002, {}, {}]],
      ['global', 'openOrder', [5, {}, {}, {}]],
    ]);
  });

  it("cleans TWS's text, and names no request (−1) for info messages", () => {
    const { client, seen } = open();
    client.emit('error', new Error('bad\nline\u001b[31m'), 200, 1_000_000_003);
    client.emit('info', 'Market data farm connection is OK:usfarm', 2104);
    const [, code, text, reqId] = seen[0] as [string, number, string, number];
    expect([code, reqId]).toEqual([200, 1_000_000_003]);
    expect(text).toContain('bad');
    expect(text.includes('\n') || text.includes('\u001b')).toBe(false);
    expect(seen[1]).toEqual(['twsMessage', 2104, 'Market data farm connection is OK:usfarm', -1]);
  });

  it('reports nothing once it is no longer the current socket, and closing it silences it for good', () => {
    const { client, seen, retire } = open();
    retire();
    client.emit('tickPrice', 1, 4, 1);
    client.emit('disconnected');
    expect(seen).toEqual([]);
    closeSocket(client as unknown as IBApi);
    expect(client.disconnects).toBe(1);
    expect(client.listenerCount('tickPrice')).toBe(0);
    expect(() => client.emit('error', new Error('late socket error'))).not.toThrow();
  });
});
