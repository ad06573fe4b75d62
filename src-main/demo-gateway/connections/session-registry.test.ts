import { describe, expect, it } from 'vitest';
import { SessionRegistry } from './session-registry';

class Conn {
  closed = false;
  constructor(readonly clientId: number) {}
  isClosed(): boolean {
    return this.closed;
  }
}

/** A registry with two accepted connections that ask for the same client id. */
function twoWithId(clientId: number): { r: SessionRegistry<Conn>; a: Conn; b: Conn } {
  const r = new SessionRegistry<Conn>();
  const a = new Conn(clientId);
  const b = new Conn(clientId);
  r.accepted(a);
  r.accepted(b);
  return { r, a, b };
}

describe('SessionRegistry', () => {
  it('refuses a second live connection with the same client id (TWS error 326)', () => {
    const { r, a, b } = twoWithId(5);
    expect(r.register(a)).toBe('ok');
    expect(r.register(b)).toBe('duplicate');
    expect([...r.ready]).toEqual([a]);
    expect(r.all.size).toBe(2);
  });

  it('lets a client id in again once its holder is closed, and forgets the old holder cleanly', () => {
    const { r, a, b } = twoWithId(5);
    r.register(a);
    a.closed = true;
    expect(r.register(b)).toBe('ok');
    expect(r.closed(a)).toBe(true);
    // a's late close must not take the id from b
    const c = new Conn(5);
    expect(r.register(c)).toBe('duplicate');
    expect([...r.ready]).toEqual([b]);
  });

  it('reports whether a closed connection had started the API', () => {
    const r = new SessionRegistry<Conn>();
    const handshaking = new Conn(-1);
    r.accepted(handshaking);
    expect(r.closed(handshaking)).toBe(false);
    expect(r.all.size).toBe(0);
  });
});
