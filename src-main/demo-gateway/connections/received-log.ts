// What each client id sent, kept across its reconnects, and the orders the gateway read but never answered: the
// record rate-limit and exactly-once checks read (tests, soak runs, the control API). Bounded, as a soak runs for
// hours.

export interface ReceivedMessage {
  /** UTC ms. */
  time: number;
  msgId: number;
}

export interface IgnoredOrder {
  time: number;
  clientId: number;
  orderId: number;
  /** The connection it came on (Session.seq). */
  session: number;
}

/** Entries kept per client id (and ignored orders in all); past it the oldest tenth goes. */
const DEFAULT_CAP = 500_000;

export class ReceivedLog {
  private readonly byClient = new Map<number, { t: number[]; id: number[] }>();
  private readonly ignoredOrders: IgnoredOrder[] = [];

  constructor(private readonly cap = DEFAULT_CAP) {}

  record(clientId: number, msgId: number, at: number): void {
    let r = this.byClient.get(clientId);
    if (!r) {
      r = { t: [], id: [] };
      this.byClient.set(clientId, r);
    }
    r.t.push(at);
    r.id.push(msgId);
    if (r.t.length > this.cap) {
      r.t.splice(0, this.cap / 10);
      r.id.splice(0, this.cap / 10);
    }
  }

  /** Every message a client id sent, oldest first. */
  list(clientId: number): ReceivedMessage[] {
    const r = this.byClient.get(clientId);
    if (!r) return [];
    return r.t.map((t, i) => ({ time: t, msgId: r.id[i] as number }));
  }

  /** The most messages a client id sent within any `windowMs` window (TWS allows 50 per second). */
  maxInWindow(clientId: number, windowMs: number): number {
    const r = this.byClient.get(clientId);
    if (!r) return 0;
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < r.t.length; hi++) {
      while ((r.t[hi] as number) - (r.t[lo] as number) >= windowMs) lo++;
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  /** A placeOrder read and dropped unanswered (silent gateway, swallowOrders); past the cap it is not kept. */
  ignore(order: IgnoredOrder): void {
    if (this.ignoredOrders.length < this.cap) this.ignoredOrders.push(order);
  }

  ignored(): IgnoredOrder[] {
    return [...this.ignoredOrders];
  }
}
