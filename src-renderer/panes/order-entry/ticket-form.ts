// Pure logic of the order ticket: its text fields → an OrderTicket (with the field errors the trader sees), the
// precautionary warnings shown before sending, the one-line summary the confirmation shows, and why the ticket is
// disabled when it is.
import type { Params } from '../../../src-shared/contract';
import type { ConnectionStatus } from '../../../src-shared/domain/connection';
import { checkTicket } from '../../../src-shared/domain/order-checks';
import {
  estimatedNotional,
  OrderTicket,
  roundToTick,
  type OrderAction,
  type OrderType,
  type TimeInForce,
} from '../../../src-shared/domain/order';
import { quoteReference, type Quote } from '../../../src-shared/domain/quote';
import type { OrderLimits } from '../../../src-shared/domain/settings';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { stateLabel } from '../../ui/format';

export type TicketForm = {
  quantity: string;
  orderType: OrderType;
  limitPrice: string;
  stopPrice: string;
  trailMode: 'amount' | 'percent';
  trail: string;
  tif: TimeInForce;
  outsideRth: boolean;
  bracket: boolean;
  takeProfit: string;
  stopLoss: string;
};

export type TicketInput = Params<'orders.place'>;

export function initialForm(reference: number | null, minTick: number): TicketForm {
  const p = reference !== null ? String(roundToTick(reference, minTick)) : '';
  return {
    quantity: '100',
    orderType: 'LMT',
    limitPrice: p,
    stopPrice: p,
    trailMode: 'amount',
    trail: '',
    tif: 'DAY',
    outsideRth: false,
    bracket: false,
    takeProfit: '',
    stopLoss: '',
  };
}

/** Fills the price fields still empty from a reference price (on the tick grid). */
export function seedPrices(form: TicketForm, reference: number, minTick: number): TicketForm {
  const p = String(roundToTick(reference, minTick));
  return { ...form, limitPrice: form.limitPrice || p, stopPrice: form.stopPrice || p };
}

const num = (s: string): number | undefined => {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * An option ticket's premium: the price × the multiplier per contract and for the quantity (for a long option the
 * most it can lose). Null until a price and a quantity are filled in.
 */
export function optionPremium(
  form: Pick<TicketForm, 'limitPrice' | 'quantity'>,
  multiplier: number,
): { perContract: number; total: number } | null {
  const price = num(form.limitPrice);
  const qty = num(form.quantity);
  if (price === undefined || qty === undefined || !(price > 0) || !(qty > 0)) return null;
  return { perContract: price * multiplier, total: price * multiplier * qty };
}

/** Builds the ticket the contract takes, or the message per field (names as in TicketForm). */
export function buildTicket(
  form: TicketForm,
  contract: WatchItem,
  action: OrderAction,
): { ok: true; ticket: TicketInput } | { ok: false; errors: Record<string, string> } {
  const t = form.orderType;
  const errors: Record<string, string> = {};
  const field = (key: keyof TicketForm, label: string, wanted: boolean): number | undefined => {
    if (!wanted) return undefined;
    const v = num(form[key] as string);
    if (v === undefined) errors[key] = `${label} is required`;
    else if (Number.isNaN(v)) errors[key] = `${label} must be a number`;
    return v;
  };
  const quantity = field('quantity', 'quantity', true);
  const limitPrice = field('limitPrice', 'limit price', t === 'LMT' || t === 'STP LMT');
  const stopPrice = field('stopPrice', 'stop price', t === 'STP' || t === 'STP LMT');
  const trail = field(
    'trail',
    form.trailMode === 'amount' ? 'trailing amount' : 'trailing percent',
    t === 'TRAIL',
  );
  const takeProfit = field('takeProfit', 'take-profit', form.bracket);
  const stopLoss = field('stopLoss', 'stop-loss', form.bracket);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const candidate: TicketInput = {
    contract: { ...contract },
    action,
    quantity: quantity!,
    orderType: t,
    tif: form.tif,
    outsideRth: form.outsideRth,
    ...(limitPrice !== undefined ? { limitPrice } : {}),
    ...(stopPrice !== undefined ? { stopPrice } : {}),
    ...(t === 'TRAIL'
      ? form.trailMode === 'amount'
        ? { trailingAmount: trail }
        : { trailingPercent: trail }
      : {}),
    ...(form.bracket ? { bracket: { takeProfit: takeProfit!, stopLoss: stopLoss! } } : {}),
  };
  const parsed = OrderTicket.safeParse(candidate);
  if (parsed.success) return { ok: true, ticket: candidate };
  for (const issue of parsed.error.issues) {
    const head = String(issue.path[0] ?? 'form');
    const key =
      head === 'trailingAmount' || head === 'trailingPercent'
        ? 'trail'
        : head === 'bracket'
          ? issue.path[1] === 'stopLoss'
            ? 'stopLoss'
            : 'takeProfit'
          : head;
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * What the trader sees before sending: the profile's precautionary checks as main applies them (shared
 * `checkTicket`: quantity, value, price band, tick grid — `problems` are what main will refuse), plus warnings
 * only the ticket gives (a limit that crosses the spread, a market order without a price, outside hours).
 */
export function ticketWarnings(
  ticket: TicketInput,
  opts: {
    minTick: number;
    multiplier?: number | undefined;
    currency: string;
    limits: OrderLimits | undefined;
    quote: Quote | undefined;
    secType?: string | undefined;
  },
): { problems: string[]; warnings: string[]; notional: number | null } {
  const reference = quoteReference(opts.quote, opts.secType);
  const ref = reference?.price ?? null;
  const t = { ...ticket, tif: ticket.tif ?? 'DAY', outsideRth: ticket.outsideRth ?? false };
  const check = opts.limits
    ? checkTicket(
        t,
        { minTick: opts.minTick, multiplier: opts.multiplier, currency: opts.currency },
        opts.limits,
        ref,
        reference?.source,
      )
    : { problems: [], warnings: [], notional: estimatedNotional(t, ref, opts.multiplier ?? 1) };
  const warnings = [...check.warnings];
  const q = opts.quote;
  if (ticket.orderType === 'LMT' && ticket.limitPrice !== undefined && q) {
    if (ticket.action === 'BUY' && q.ask !== null && ticket.limitPrice >= q.ask)
      warnings.push('The limit is at or above the ask: it will likely fill at once');
    if (ticket.action === 'SELL' && q.bid !== null && ticket.limitPrice <= q.bid)
      warnings.push('The limit is at or below the bid: it will likely fill at once');
  }
  if (ticket.outsideRth && ticket.orderType === 'MKT')
    warnings.push('Market orders outside regular hours may be refused or fill far from the last price');
  return { problems: check.problems.map((p) => p.message), warnings, notional: check.notional };
}

export function ticketSummary(t: TicketInput, symbol: string): string {
  const price =
    t.orderType === 'LMT'
      ? ` @ ${t.limitPrice}`
      : t.orderType === 'STP'
        ? ` stop ${t.stopPrice}`
        : t.orderType === 'STP LMT'
          ? ` stop ${t.stopPrice} limit ${t.limitPrice}`
          : t.orderType === 'TRAIL'
            ? t.trailingPercent !== undefined
              ? ` trail ${t.trailingPercent}%`
              : ` trail ${t.trailingAmount}`
            : '';
  const bracket = t.bracket ? ` · take-profit ${t.bracket.takeProfit}, stop-loss ${t.bracket.stopLoss}` : '';
  const account = t.account ? ` · account ${t.account}` : '';
  return `${t.action} ${t.quantity} ${symbol} ${t.orderType}${price} · ${t.tif ?? 'DAY'}${t.outsideRth ? ' · outside RTH' : ''}${bracket}${account}`;
}

/** Why orders cannot be sent right now, or null when they can. */
export function ticketBlockedReason(
  transportConnected: boolean,
  status: Pick<ConnectionStatus, 'state' | 'readOnly' | 'reason'> | null,
): string | null {
  if (!transportConnected) return 'Not connected to the IBDesk host';
  if (!status) return 'Waiting for the connection…';
  if (status.readOnly) return 'This profile is read-only: it never sends orders';
  if (status.state !== 'ready')
    return `Not connected to TWS (${stateLabel(status.state)}${status.reason ? `: ${status.reason}` : ''})`;
  return null;
}
