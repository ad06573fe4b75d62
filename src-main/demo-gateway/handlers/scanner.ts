// Scanner requests: the parameters XML, and subscriptions that answer with a full snapshot (SCANNER_DATA) at once
// and again at each refresh while subscribed.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { ScannerSubscription, TagValue } from '../wire/requests';
import { scannerData } from '../wire/encode-contract';
import { scannerParameters } from '../wire/encoder';
import { scannerParametersXml } from '../scanner/params-xml';
import { runScan } from '../scanner/scans';

interface ScanSub {
  session: Session;
  reqId: number;
  subscription: ScannerSubscription;
  filters: TagValue[];
  next: number;
}

export class ScannerService {
  private subs: ScanSub[] = [];

  constructor(private readonly ctx: GatewayContext) {}

  hasWork(): boolean {
    return this.subs.length > 0;
  }

  get count(): number {
    return this.subs.length;
  }

  parameters(s: Session): void {
    s.send(scannerParameters(scannerParametersXml()));
  }

  subscribe(s: Session, reqId: number, subscription: ScannerSubscription, filters: TagValue[]): void {
    if (this.subs.some((x) => x.session === s && x.reqId === reqId)) {
      s.error(reqId, 322, "Error processing request.-'cc' : cause - Duplicate ticker id");
      return;
    }
    const now = this.ctx.clock.now();
    const out = runScan(this.ctx.market, this.ctx.universe, subscription, filters, now);
    if (!out.ok) {
      s.error(reqId, out.code, out.text);
      return;
    }
    s.send(scannerData(reqId, out.rows));
    const sub: ScanSub = {
      session: s,
      reqId,
      subscription,
      filters,
      next: now + this.ctx.options.scannerRefreshMs,
    };
    this.subs.push(sub);
    s.onClose(() => (this.subs = this.subs.filter((x) => x.session !== s)));
    this.ctx.wake();
  }

  cancel(s: Session, reqId: number): void {
    this.subs = this.subs.filter((x) => !(x.session === s && x.reqId === reqId));
  }

  dropAll(): void {
    this.subs = [];
  }

  beat(now: number): void {
    if (this.ctx.dataPaused()) return;
    for (const sub of this.subs) {
      if (now < sub.next) continue;
      sub.next = now + this.ctx.options.scannerRefreshMs;
      const out = runScan(this.ctx.market, this.ctx.universe, sub.subscription, sub.filters, now);
      if (out.ok) sub.session.send(scannerData(sub.reqId, out.rows));
    }
  }
}
