// A handler's live subscriptions of one kind (keep-up-to-date bars, real-time bars, scanners, account summaries,
// P&L…). Each belongs to a session and goes with it when the session closes: TWS forgets a gone client's requests.

/** What a subscription needs of its session (a Session in the gateway): to hear when it closes. */
interface Owner {
  onClose(fn: () => void): void;
}

export class Subscriptions<T extends { readonly session: Owner; readonly reqId?: number }> {
  private list: T[] = [];

  get all(): readonly T[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  add(sub: T): void {
    this.list.push(sub);
    const s = sub.session;
    s.onClose(() => this.removeWhere((x) => x.session === s));
  }

  has(s: Owner, reqId: number): boolean {
    return this.list.some((x) => x.session === s && x.reqId === reqId);
  }

  /** The cancel of a request id; true when it named a live subscription. */
  cancel(s: Owner, reqId: number): boolean {
    return this.removeWhere((x) => x.session === s && x.reqId === reqId) > 0;
  }

  /** Removes what `match` picks (the array is replaced, so a loop over `all` is not disturbed); returns how many. */
  removeWhere(match: (sub: T) => boolean): number {
    const before = this.list.length;
    this.list = this.list.filter((x) => !match(x));
    return before - this.list.length;
  }

  clear(): void {
    this.list = [];
  }
}
