// Order requests and the order events that follow: routed to the client that placed the order (orders are bound
// to its clientId, as in TWS) and to client 0 when it asked for reqAutoOpenOrders(true).
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import type { ContractRequest, OrderRecord, OrderTicket } from '../orders/order-types';
import { isOpen, remaining } from '../orders/order-types';
import type { EngineListener, Execution } from '../orders/matching';
import type { WhatIfFigures } from '../orders/margin';
import type { ExecutionFilter } from '../wire/requests';
import { resolveOne } from './contracts';
import { resolveOption } from './options';
import {
  commissionReport,
  execDetails,
  execDetailsEnd,
  nextValidId,
  openOrderEnd,
  orderStatus,
  completedOrdersEnd,
} from '../wire/encoder';
import type { ExecutionFields } from '../wire/encoder';
import { completedOrder, openOrder } from '../wire/encode-order';
import type { OrderStateFields } from '../wire/encode-order';
import { etStamp, parseTwsDateTime } from '../wire/tws-time';

export class OrderRouter implements EngineListener {
  constructor(
    private readonly ctx: GatewayContext,
    private readonly onAccountChanged: (account: string, inst: Instrument) => void,
  ) {}

  /** The sessions that see an order: its owner, and client 0 when auto-binding. */
  private audience(clientId: number): Session[] {
    const out: Session[] = [];
    for (const s of this.ctx.sessions()) {
      if (s.clientId === clientId || (s.clientId === 0 && s.autoBind)) out.push(s);
    }
    return out;
  }

  place(
    s: Session,
    orderId: number,
    contract: ContractRequest,
    ticket: OrderTicket,
    warnings: string[],
  ): void {
    for (const w of warnings) this.ctx.log.debug(`placeOrder ${orderId}: ${w}`, { clientId: s.clientId });
    const r = resolveOption(this.ctx, contract) ?? resolveOne(this.ctx.universe, contract);
    // A contract that is not found goes to the engine (it logs the order and answers 200); an ambiguous or
    // underspecified one (321, options) is answered here.
    if (!r.ok && (r.code !== 200 || r.text.includes('ambiguous'))) {
      s.error(orderId, r.code, r.text);
      return;
    }
    this.ctx.engine.place(s.clientId, orderId, r.ok ? r.inst : undefined, ticket, this.ctx.clock.now(), {
      session: s.seq,
      sessionStart: s.connectedAt,
    });
    this.ctx.stateChanged();
    // A resting order needs the matching beat even when nobody streams anything.
    this.ctx.wake();
  }

  cancel(s: Session, orderId: number): void {
    this.ctx.engine.cancel(s.clientId, orderId, this.ctx.clock.now());
    this.ctx.stateChanged();
  }

  globalCancel(): void {
    this.ctx.engine.globalCancel(this.ctx.clock.now());
    this.ctx.stateChanged();
  }

  openOrders(s: Session, all: boolean): void {
    for (const o of this.ctx.engine.all()) {
      if (!isOpen(o)) continue;
      if (!all && o.clientId !== s.clientId && !(s.clientId === 0 && s.autoBind)) continue;
      this.sendOrder(s, o);
    }
    s.send(openOrderEnd());
  }

  autoOpenOrders(s: Session, autoBind: boolean): void {
    if (s.clientId !== 0) {
      s.error(
        -1,
        321,
        "Error validating request.-'bI' : cause - Auto-binding of open orders is only possible from client id 0",
      );
      return;
    }
    s.autoBind = autoBind;
    if (autoBind) this.openOrders(s, false);
  }

  ids(s: Session): void {
    s.send(nextValidId(this.ctx.engine.nextValidId()));
  }

  executions(s: Session, reqId: number, f: ExecutionFilter): void {
    const since = f.time.trim() ? parseTwsDateTime(f.time) : undefined;
    const side = f.side.trim().toUpperCase();
    for (const e of this.ctx.engine.executions) {
      if (f.clientId && e.clientId !== f.clientId) continue;
      if (f.acctCode && e.account !== f.acctCode) continue;
      if (since !== undefined && e.time < since) continue;
      if (f.symbol && e.inst.symbol.toUpperCase() !== f.symbol.toUpperCase()) continue;
      if (f.secType && e.inst.secType !== f.secType.toUpperCase()) continue;
      if (
        f.exchange &&
        e.exchange !== f.exchange.toUpperCase() &&
        e.inst.exchange !== f.exchange.toUpperCase()
      )
        continue;
      if (side && !((side === 'BUY' && e.side === 'BOT') || (side === 'SELL' && e.side === 'SLD'))) continue;
      s.send(execDetails(s.version, reqId, e.inst, fields(e)));
      s.send(commissionReport(e.execId, e.commission, 'USD', e.realized));
    }
    s.send(execDetailsEnd(reqId));
  }

  completedOrders(s: Session): void {
    for (const o of this.ctx.engine.all()) if (!isOpen(o)) s.send(completedOrder(s.version, o));
    s.send(completedOrdersEnd());
  }

  // EngineListener

  orderChanged(o: OrderRecord): void {
    for (const s of this.audience(o.clientId)) this.sendOrder(s, o);
    this.ctx.stateChanged();
  }

  executed(o: OrderRecord, e: Execution): void {
    for (const s of this.audience(o.clientId)) {
      s.send(execDetails(s.version, -1, e.inst, fields(e)));
      s.send(commissionReport(e.execId, e.commission, 'USD', e.realized));
    }
  }

  orderError(clientId: number, orderId: number, code: number, text: string): void {
    for (const s of this.ctx.sessions()) if (s.clientId === clientId) s.error(orderId, code, text);
    if (code !== 202) this.ctx.log.info(`order ${orderId} of client ${clientId}: ${text}`, { twsCode: code });
  }

  accountChanged(account: string, inst: Instrument): void {
    this.onAccountChanged(account, inst);
  }

  whatIf(clientId: number, o: OrderRecord, f: WhatIfFigures): void {
    const money = (x: number): string => x.toFixed(2);
    const state: OrderStateFields = {
      status: 'PreSubmitted',
      initMarginBefore: money(f.initMarginBefore),
      maintMarginBefore: money(f.maintMarginBefore),
      equityWithLoanBefore: money(f.equityWithLoanBefore),
      initMarginChange: money(f.initMarginChange),
      maintMarginChange: money(f.maintMarginChange),
      equityWithLoanChange: money(0),
      initMarginAfter: money(f.initMarginAfter),
      maintMarginAfter: money(f.maintMarginAfter),
      equityWithLoanAfter: money(f.equityWithLoanBefore),
      commission: f.commission,
      minCommission: f.commission,
      maxCommission: f.commission,
      commissionCurrency: 'USD',
      warningText: '',
    };
    for (const s of this.ctx.sessions()) if (s.clientId === clientId) s.send(openOrder(s.version, o, state));
  }

  private sendOrder(s: Session, o: OrderRecord): void {
    const filled = o.status === 'Filled';
    const state: OrderStateFields = {
      status: o.status,
      commission: filled ? o.commission : undefined,
      minCommission: undefined,
      maxCommission: undefined,
      commissionCurrency: filled ? 'USD' : '',
      warningText: '',
    };
    s.send(openOrder(s.version, o, state));
    s.send(
      orderStatus({
        orderId: o.orderId,
        status: o.status,
        filled: o.filled,
        remaining: remaining(o),
        avgFillPrice: round6(o.avgFillPrice),
        permId: o.permId,
        parentId: o.ticket.parentId,
        lastFillPrice: o.lastFillPrice,
        clientId: o.clientId,
        whyHeld: o.whyHeld,
        mktCapPrice: 0,
      }),
    );
  }
}

function fields(e: Execution): ExecutionFields {
  return {
    execId: e.execId,
    time: etStamp(e.time),
    account: e.account,
    exchange: e.exchange,
    side: e.side,
    shares: e.shares,
    price: e.price,
    permId: e.permId,
    clientId: e.clientId,
    orderId: e.orderId,
    cumQty: e.cumQty,
    avgPrice: e.avgPrice,
    orderRef: e.orderRef,
    lastLiquidity: e.liquidity,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
