import { describe, expect, it } from 'vitest';
import { SessionRegistry } from './session-registry';

class Conn {
  closed = false;
  constructor(readonly clientId: number) {}
  isClosed(): boolean {
    return this.closed;
  }
}

describe('SessionRegistry', () => {
  it('refuses a second live connection with the same client id (TWS error 326)', () => {
    const r = new SessionRegistry<Conn>();
    const a = new Conn(5);
    const b = new Conn(5);
    r.accepted(a);
    r.accepted(b);
    expect(r.register(a)).toBe('ok');
    expect(r.register(b)).toBe('duplicate');
    expect([...r.ready]).toEqual([a]);
    expect(r.all.size).toBe(2);
  });

  it('lets a client id in again once its holder is closed, and forgets the old holder cleanly', () => {
    const r = new SessionRegistry<Conn>();
    const a = new Conn(5);
    const b = new Conn(5);
    r.accepted(a);
    r.register(a);
    a.closed = true;
    r.accepted(b);
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
