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

describe('Subscriptions', () => {
  it('cancels one request id of one session, and tells whether it was live', () => {
    const a = new Owner();
    const b = new Owner();
    const subs = new Subscriptions<{ session: Owner; reqId: number }>();
    subs.add({ session: a, reqId: 1 });
    subs.add({ session: a, reqId: 2 });
    subs.add({ session: b, reqId: 1 });
    expect(subs.has(b, 1)).toBe(true);
    expect(subs.cancel(a, 1)).toBe(true);
    expect(subs.cancel(a, 1)).toBe(false);
    expect(subs.all.map((x) => [x.session === a ? 'a' : 'b', x.reqId])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it("drops a session's subscriptions when it closes, and only those", () => {
    const a = new Owner();
    const b = new Owner();
    const subs = new Subscriptions<{ session: Owner; reqId: number }>();
    subs.add({ session: a, reqId: 1 });
    subs.add({ session: b, reqId: 1 });
    subs.add({ session: a, reqId: 3 });
    a.close();
    expect(subs.size).toBe(1);
    expect(subs.has(b, 1)).toBe(true);
  });

  it('removes while a loop runs over the list without disturbing the loop', () => {
    const a = new Owner();
    const subs = new Subscriptions<{ session: Owner; reqId: number }>();
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
