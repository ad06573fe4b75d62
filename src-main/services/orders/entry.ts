// Order entry (ARCHITECTURE.md §5): ticket → checks (schema, the profile's limits, the price band around the
// reference price) → journal the intent (fsync) → placeOrder with transmit: true; modify, cancel, cancel all, and
// the typed confirmation a live account needs before its first order of a session. Entry needs a `ready`
// session; an order that could not leave is marked so and never sent later.
import { isLiveSession } from '../../../src-shared/domain/connection';
import type { Instrument } from '../../../src-shared/domain/instrument';
import { checkTicket } from '../../../src-shared/domain/order-checks';
import {
  isWorking,
  type JournalOrder,
  type Order,
  type OrderModify,
  type OrderTicket,
  type PlaceResult,
} from '../../../src-shared/domain/order';
import { quoteReference, type ReferenceSource } from '../../../src-shared/domain/quote';
import type { OrderLimits } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/result';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { ResolvedContract, Tws } from '../../ib/adapter';
import type { Contracts } from '../contracts';
import type { MarketData } from '../market-data';
import type { OrderBook } from './book';
import type { AckWatchdog } from './watchdog';

export type OrdersProfile = { id: string; readOnly: boolean; limits: OrderLimits; demo: boolean };

/** How long a ticket waits for a quote snapshot to check its price against. */
const REFERENCE_TIMEOUT_MS = 4_000;

export function createOrderEntry(deps: {
  tws: Tws;
  contracts: Contracts;
  marketData: MarketData;
  book: OrderBook;
  watchdog: AckWatchdog;
  clock: Clock;
  log: Logger;
  emitOrders: (orders: Order[]) => void;
}) {
  const { tws, contracts, marketData, book, watchdog, clock, log } = deps;
  const link = tws.link;
  let profile: OrdersProfile | null = null;
  let nextValidId: number | null = null;
  let liveConfirmed = false;

  link.onNextValidId((id) => {
    nextValidId = id;
  });
  link.onStatus((s) => {
    if (s.state === 'disconnected') liveConfirmed = false;
  });

  function requireEntry(): OrdersProfile {
    const s = link.status();
    if (!link.isReady())
      throw new AppError(
        'NOT_CONNECTED',
        `Order entry needs a ready connection to TWS (now ${s.state}${s.reason ? `: ${s.reason}` : ''}). Nothing was sent, and nothing will be sent later.`,
      );
    if (!profile || !book.journal()) throw new AppError('UNAVAILABLE', 'The order journal is not open');
    if (profile.readOnly) throw new AppError('READ_ONLY', 'This profile is read-only: it cannot send orders');
    if (!profile.demo && isLiveSession(s.port, s.accounts) && !liveConfirmed)
      throw new AppError(
        'CONFIRM_REQUIRED',
        `This is a live account (${s.accounts.join(', ')}): type the account id to confirm live trading before the first order of this session`,
      );
    return profile;
  }

  function allocateIds(n: number): number[] {
    if (nextValidId === null)
      throw new AppError('NOT_CONNECTED', 'TWS has not sent the next valid order id yet');
    // Order ids never go backwards: the journal's high-water mark wins over a TWS that forgot.
    const first = Math.max(nextValidId, book.highWater() + 1);
    const ids = Array.from({ length: n }, (_, i) => first + i);
    nextValidId = first + n;
    book.raiseHighWater(first + n - 1);
    return ids;
  }

  async function referenceOf(
    instrument: Instrument,
  ): Promise<{ price: number; source: ReferenceSource } | null> {
    const live = quoteReference(marketData.quote(instrument.conId), instrument.secType);
    if (live !== null) return live;
    const contract: ResolvedContract = {
      conId: instrument.conId,
      symbol: instrument.symbol,
      secType: instrument.secType,
      exchange: instrument.exchange,
      currency: instrument.currency,
    };
    let timer: Timer | null = null;
    try {
      const q = await Promise.race([
        marketData.snapshot(contract),
        new Promise<null>((r) => {
          timer = clock.setTimeout(() => r(null), REFERENCE_TIMEOUT_MS);
        }),
      ]);
      return q ? quoteReference(q, instrument.secType) : null;
    } catch {
      return null;
    } finally {
      if (timer !== null) clock.clearTimeout(timer);
    }
  }

  async function send(o: JournalOrder): Promise<void> {
    try {
      await tws.placeOrder(o);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await book
        .record({ t: 'not-sent', at: clock.now(), orderId: o.orderId, reason })
        .catch(() => undefined);
      throw err;
    }
    // Watched from the moment it is written: TWS's answer may arrive while the journal is still syncing.
    watchdog.watch(o.orderId);
    // The order is out: a journal that fails now must not make it look unsent (a retry would send it twice).
    // Reconciliation finds it at TWS by its order ref.
    await book.record({ t: 'sent', at: clock.now(), orderId: o.orderId }).catch(() => undefined);
  }

  async function place(ticket: OrderTicket): Promise<PlaceResult> {
    const p = requireEntry();
    const instrument = await contracts.resolve(ticket.contract);
    const reference = await referenceOf(instrument);
    const check = checkTicket(ticket, instrument, p.limits, reference?.price ?? null, reference?.source);
    if (check.problems.length > 0) {
      const code = check.problems.some((x) => x.code === 'LIMIT') ? 'LIMIT' : 'VALIDATION';
      throw new AppError(code, `Order refused: ${check.problems.map((x) => x.message).join('; ')}`, {
        issues: check.problems.map(({ path, message }) => ({ path, message })),
      });
    }
    requireEntry(); // the connection may have dropped while we looked up the instrument
    const s = link.status();
    const account = ticket.account ?? s.accounts[0] ?? '';
    // TWS refuses an account this login does not manage (321); say so before anything is journalled or sent.
    if (ticket.account !== undefined && !s.accounts.includes(ticket.account)) {
      const message = `account ${ticket.account} is not one of this login's accounts (${s.accounts.join(', ') || 'none yet'})`;
      throw new AppError('VALIDATION', `Order refused: ${message}`, {
        issues: [{ path: 'account', message }],
      });
    }
    const contract: ResolvedContract = {
      conId: instrument.conId,
      symbol: instrument.symbol,
      secType: instrument.secType,
      exchange: ticket.contract.exchange || 'SMART',
      currency: instrument.currency,
      ...(instrument.primaryExchange ? { primaryExchange: instrument.primaryExchange } : {}),
      ...(instrument.localSymbol ? { localSymbol: instrument.localSymbol } : {}),
      ...(instrument.multiplier ? { multiplier: instrument.multiplier } : {}),
      ...(instrument.lastTradeDateOrContractMonth
        ? { lastTradeDateOrContractMonth: instrument.lastTradeDateOrContractMonth }
        : {}),
      ...(instrument.strike !== undefined ? { strike: instrument.strike } : {}),
      ...(instrument.right !== undefined ? { right: instrument.right } : {}),
    };
    const base: Omit<JournalOrder, 'orderId'> = {
      parentId: null,
      clientId: s.clientId,
      account,
      contract,
      action: ticket.action,
      quantity: ticket.quantity,
      orderType: ticket.orderType,
      limitPrice: ticket.limitPrice ?? null,
      stopPrice: ticket.stopPrice ?? null,
      trailingAmount: ticket.trailingAmount ?? null,
      trailingPercent: ticket.trailingPercent ?? null,
      tif: ticket.tif,
      outsideRth: ticket.outsideRth,
      ocaGroup: null,
      transmit: true,
      note: ticket.note ?? null,
    };
    const legs: JournalOrder[] = [];
    if (ticket.bracket) {
      const [parentId, tpId, slId] = allocateIds(3) as [number, number, number];
      const oca = `ibdesk-${parentId}`;
      const exit = ticket.action === 'BUY' ? 'SELL' : 'BUY';
      legs.push(
        { ...base, orderId: parentId, transmit: false },
        {
          ...base,
          orderId: tpId,
          parentId,
          action: exit,
          orderType: 'LMT',
          limitPrice: ticket.bracket.takeProfit,
          stopPrice: null,
          trailingAmount: null,
          trailingPercent: null,
          ocaGroup: oca,
          transmit: false,
          tif: ticket.tif === 'IOC' ? 'GTC' : ticket.tif,
        },
        {
          ...base,
          orderId: slId,
          parentId,
          action: exit,
          orderType: 'STP',
          limitPrice: null,
          stopPrice: ticket.bracket.stopLoss,
          trailingAmount: null,
          trailingPercent: null,
          ocaGroup: oca,
          transmit: true,
          tif: ticket.tif === 'IOC' ? 'GTC' : ticket.tif,
        },
      );
    } else {
      const [id] = allocateIds(1) as [number];
      legs.push({ ...base, orderId: id });
    }
    for (const leg of legs) book.inFlight.add(leg.orderId);
    // Journal first: the intent is on disk before a byte goes to TWS.
    try {
      await book.record(...legs.map((order) => ({ t: 'intent' as const, at: clock.now(), order })), {
        t: 'ids',
        at: clock.now(),
        highWater: book.highWater(),
      });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const changed = legs.flatMap((l) => {
        const o = book.patch(
          l.orderId,
          { status: 'Inactive', message: `Not sent: the journal failed (${why})` },
          clock.now(),
        );
        return o ? [o] : [];
      });
      if (changed.length > 0) deps.emitOrders(changed);
      for (const leg of legs) book.inFlight.delete(leg.orderId);
      throw journalError(err, 'The order was NOT sent');
    }
    try {
      for (const leg of legs) await send(leg);
    } finally {
      for (const leg of legs) book.inFlight.delete(leg.orderId);
    }
    log.info(
      `Order ${legs.map((l) => l.orderId).join('/')} sent: ${ticket.action} ${ticket.quantity} ${instrument.symbol} ${ticket.orderType}${ticket.limitPrice ? ` @ ${ticket.limitPrice}` : ''}${ticket.stopPrice ? ` stop ${ticket.stopPrice}` : ''}${ticket.bracket ? ' (bracket)' : ''}`,
    );
    return { orderIds: legs.map((l) => l.orderId), warnings: check.warnings };
  }

  async function modify(m: OrderModify): Promise<void> {
    const p = requireEntry();
    const o = book.orders.get(m.orderId);
    const d = book.details.get(m.orderId);
    if (!o || !d) throw new AppError('NOT_FOUND', `There is no order ${m.orderId}`);
    if (o.external)
      throw new AppError(
        'VALIDATION',
        `Order ${m.orderId} was not placed by this app: modify it where it was placed`,
      );
    if (!isWorking(o.status) || o.status === 'Intent')
      throw new AppError('VALIDATION', `Order ${m.orderId} is ${o.status}: it cannot be modified`);
    // A change goes out as the same placeOrder: to a TWS that never got the order, it would place it after all.
    if (watchdog.get(m.orderId) || o.status === 'Unacknowledged')
      throw new AppError(
        'VALIDATION',
        `TWS has not acknowledged order ${m.orderId} yet: modify it once TWS confirms it (nothing was sent)`,
      );
    const changes: Partial<JournalOrder> = {
      ...(m.quantity !== undefined ? { quantity: m.quantity } : {}),
      ...(m.limitPrice !== undefined ? { limitPrice: m.limitPrice } : {}),
      ...(m.stopPrice !== undefined ? { stopPrice: m.stopPrice } : {}),
      ...(m.trailingAmount !== undefined ? { trailingAmount: m.trailingAmount } : {}),
      ...(m.tif !== undefined ? { tif: m.tif } : {}),
    };
    const instrument = await contracts.resolve(d.contract);
    const reference = await referenceOf(instrument);
    const next: JournalOrder = {
      ...d,
      ...changes,
      transmit: true,
      contract: { ...d.contract, conId: d.contract.conId ?? instrument.conId },
    };
    const check = checkTicket(
      {
        quantity: next.quantity,
        orderType: next.orderType as OrderTicket['orderType'],
        limitPrice: next.limitPrice ?? undefined,
        stopPrice: next.stopPrice ?? undefined,
        action: next.action,
        trailingAmount: next.trailingAmount ?? undefined,
        bracket: undefined,
      },
      instrument,
      p.limits,
      reference?.price ?? null,
      reference?.source,
    );
    if (check.problems.length > 0)
      throw new AppError('LIMIT', `Change refused: ${check.problems.map((x) => x.message).join('; ')}`, {
        issues: check.problems.map(({ path, message }) => ({ path, message })),
      });
    try {
      await book.record({ t: 'modify', at: clock.now(), orderId: m.orderId, changes });
    } catch (err) {
      // Not on disk, so not sent: memory goes back to what TWS has.
      const previous = Object.fromEntries(
        Object.keys(changes).map((k) => [k, d[k as keyof JournalOrder]]),
      ) as Partial<JournalOrder>;
      const back = book.apply({ t: 'modify', at: clock.now(), orderId: m.orderId, changes: previous });
      if (back) deps.emitOrders([back]);
      throw journalError(err, 'The change was NOT sent');
    }
    try {
      await tws.placeOrder(next);
    } catch (err) {
      // The change never left: the journal goes back to what TWS has.
      const previous = Object.fromEntries(
        Object.keys(changes).map((k) => [k, d[k as keyof JournalOrder]]),
      ) as Partial<JournalOrder>;
      await book.record(
        { t: 'modify', at: clock.now(), orderId: m.orderId, changes: previous },
        {
          t: 'reconcile',
          at: clock.now(),
          orderId: m.orderId,
          note: `The change to order ${m.orderId} was not sent: ${(err as Error).message}`,
        },
      );
      throw err;
    }
    log.info(`Order ${m.orderId} modified`);
  }

  function journalError(err: unknown, what: string): AppError {
    const why = err instanceof Error ? err.message : String(err);
    return new AppError(
      'JOURNAL',
      `${what}: the order journal could not be written (${why}). Free disk space or fix the permissions of ${book.journal()?.file ?? 'the journal'}, then try again.`,
    );
  }

  function requireCancelAllowed(): void {
    if (profile?.readOnly)
      throw new AppError('READ_ONLY', 'This profile is read-only: it cannot send orders or cancels');
  }

  async function cancel(orderId: number): Promise<void> {
    requireCancelAllowed();
    if (!link.isReady())
      throw new AppError(
        'NOT_CONNECTED',
        `Cancelling needs a ready connection to TWS (now ${link.status().state}); nothing was sent`,
      );
    const o = book.orders.get(orderId);
    if (o && !isWorking(o.status))
      throw new AppError('VALIDATION', `Order ${orderId} is ${o.status}: there is nothing to cancel`);
    // A cancel only lowers risk: it goes out even when the journal cannot record the request (write() says so).
    await book.record({ t: 'cancel-request', at: clock.now(), orderId }).catch(() => undefined);
    await tws.cancelOrder(orderId);
    log.info(`Cancel sent for order ${orderId}`);
  }

  async function cancelAll(): Promise<void> {
    requireCancelAllowed();
    if (!link.isReady())
      throw new AppError(
        'NOT_CONNECTED',
        `Cancelling needs a ready connection to TWS (now ${link.status().state}); nothing was sent`,
      );
    const working = [...book.orders.values()].filter((o) => isWorking(o.status) && o.status !== 'Intent');
    await book
      .record(...working.map((o) => ({ t: 'cancel-request' as const, at: clock.now(), orderId: o.orderId })))
      .catch(() => undefined);
    await tws.globalCancel();
    log.warn(`Global cancel sent (${working.length} working order(s) known to the journal)`, {
      action: 'every open order of the account is cancelled',
    });
  }

  function confirmLive(typed: string): void {
    const s = link.status();
    const expected = s.accounts[0];
    if (!expected) throw new AppError('NOT_CONNECTED', 'Connect first: the confirmation names the account');
    if (typed.trim().toUpperCase() !== expected.toUpperCase())
      throw new AppError('VALIDATION', `Type the account id ${expected} to confirm live trading`, {
        issues: [{ path: 'typed', message: `type ${expected}` }],
      });
    liveConfirmed = true;
    log.warn(`Live trading confirmed for account ${expected} for this session`);
  }

  return {
    /** A profile's journal is being opened: its limits apply, and a live account must be confirmed again. */
    use(next: OrdersProfile): void {
      profile = next;
      liveConfirmed = false;
    },
    place,
    modify,
    cancel,
    cancelAll,
    confirmLive,
  };
}
