import { describe, expect, it } from 'vitest';
import { Subscriptions } from './subscriptions';

class Owner {
  private readonly handlers: (() => void)[] = [];
  onClose(fn: () => void): void {
    this.handlers.push(fn);
  }
  close(): void {
    for (const h of this.handlers) h();
  }
}

type Sub = { session: Owner; reqId: number };

/** Subscriptions of two sessions: a holds request ids 1 and 2, b holds 1. */
function twoSessions(): { subs: Subscriptions<Sub>; a: Owner; b: Owner } {
  const a = new Owner();
  const b = new Owner();
  const subs = new Subscriptions<Sub>();
  subs.add({ session: a, reqId: 1 });
  subs.add({ session: b, reqId: 1 });
  subs.add({ session: a, reqId: 2 });
  return { subs, a, b };
}

describe('Subscriptions', () => {
  it('cancels one request id of one session, and tells whether it was live', () => {
    const { subs, a, b } = twoSessions();
    expect(subs.has(b, 1)).toBe(true);
    expect(subs.cancel(a, 1)).toBe(true);
    expect(subs.cancel(a, 1)).toBe(false);
    expect(subs.all.map((x) => [x.session === a ? 'a' : 'b', x.reqId])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it("drops a session's subscriptions when it closes, and only those", () => {
    const { subs, a, b } = twoSessions();
    a.close();
    expect(subs.size).toBe(1);
    expect(subs.has(b, 1)).toBe(true);
  });

  it('removes while a loop runs over the list without disturbing the loop', () => {
    const a = new Owner();
    const subs = new Subscriptions<Sub>();
    for (let id = 1; id <= 3; id++) subs.add({ session: a, reqId: id });
    const seen: number[] = [];
    for (const x of subs.all) {
      seen.push(x.reqId);
      subs.cancel(a, x.reqId);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(subs.size).toBe(0);
    subs.add({ session: a, reqId: 9 });
    subs.clear();
    expect(subs.all).toEqual([]);
  });
});
