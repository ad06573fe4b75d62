// Scanner requests: the parameters XML, and subscriptions that answer with a full snapshot (SCANNER_DATA) at once
// and again at each refresh while subscribed.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { ScannerSubscription, TagValue } from '../wire/requests';
import { scannerData } from '../wire/encode-contract';
import { scannerParameters } from '../wire/encoder';
import { scannerParametersXml } from '../scanner/params-xml';
import { runScan } from '../scanner/scans';
import { Subscriptions } from './subscriptions';

interface ScanSub {
  session: Session;
  reqId: number;
  subscription: ScannerSubscription;
  filters: TagValue[];
  next: number;
}

export class ScannerService {
  private readonly subs = new Subscriptions<ScanSub>();

  constructor(private readonly ctx: GatewayContext) {}

  hasWork(): boolean {
    return this.subs.size > 0;
  }

  get count(): number {
    return this.subs.size;
  }

  parameters(s: Session): void {
    s.send(scannerParameters(scannerParametersXml()));
  }

  subscribe(s: Session, reqId: number, subscription: ScannerSubscription, filters: TagValue[]): void {
    if (this.subs.has(s, reqId)) {
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
    this.subs.add(sub);
    this.ctx.wake();
  }

  cancel(s: Session, reqId: number): void {
    this.subs.cancel(s, reqId);
  }

  dropAll(): void {
    this.subs.clear();
  }

  beat(now: number): void {
    if (this.ctx.dataPaused()) return;
    for (const sub of this.subs.all) {
      if (now < sub.next) continue;
      sub.next = now + this.ctx.options.scannerRefreshMs;
      const out = runScan(this.ctx.market, this.ctx.universe, sub.subscription, sub.filters, now);
      if (out.ok) sub.session.send(scannerData(sub.reqId, out.rows));
    }
  }
}
