// Orders: the ticket a trader fills in (OrderTicket), what the app knows of an order's terms (JournalOrder, the
// order journal's record, from which the TWS adapter builds TWS's order), the blotter's order and execution rows,
// and the ticket's pure rules.
import { z } from 'zod';
import { ContractRef } from './instrument';

export const OrderAction = z.enum(['BUY', 'SELL']);
export type OrderAction = z.infer<typeof OrderAction>;

export const OrderType = z.enum(['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL']);
export type OrderType = z.infer<typeof OrderType>;

export const TimeInForce = z.enum(['DAY', 'GTC', 'IOC']);
export type TimeInForce = z.infer<typeof TimeInForce>;

const PositivePrice = z
  .number()
  .finite('price must be a number')
  .positive('price must be above zero')
  .max(1e7, 'price is too large');

export const OrderTicket = z
  .strictObject({
    contract: ContractRef,
    action: OrderAction,
    quantity: z
      .number()
      .finite('quantity must be a number')
      .positive('quantity must be above zero')
      .max(10_000_000, 'quantity is too large'),
    orderType: OrderType,
    limitPrice: PositivePrice.optional(),
    stopPrice: PositivePrice.optional(),
    trailingAmount: PositivePrice.optional(),
    trailingPercent: z.number().finite().positive().max(100).optional(),
    tif: TimeInForce.default('DAY'),
    outsideRth: z.boolean().default(false),
    /** Attaches a take-profit LMT and a stop-loss STP, one-cancels-other, to a LMT or MKT parent. */
    bracket: z.strictObject({ takeProfit: PositivePrice, stopLoss: PositivePrice }).optional(),
    account: z.string().max(32).optional(),
    /** Free text stored with the order (TWS orderRef). */
    note: z.string().max(64).optional(),
  })
  .superRefine((t, ctx) => {
    for (const issue of ticketProblems(t))
      ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.path] });
  });
export type OrderTicket = z.infer<typeof OrderTicket>;

type TicketShape = Pick<
  z.input<typeof OrderTicket>,
  | 'action'
  | 'orderType'
  | 'limitPrice'
  | 'stopPrice'
  | 'trailingAmount'
  | 'trailingPercent'
  | 'bracket'
  | 'quantity'
  | 'tif'
> & { contract: { secType?: string | undefined } };

/** The structural rules of a ticket (prices each order type needs, bracket sides). Pure. */
function ticketProblems(t: TicketShape): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const needsLimit = t.orderType === 'LMT' || t.orderType === 'STP LMT';
  const needsStop = t.orderType === 'STP' || t.orderType === 'STP LMT';
  if (needsLimit && t.limitPrice === undefined)
    out.push({ path: 'limitPrice', message: `${t.orderType} needs a limit price` });
  if (!needsLimit && t.limitPrice !== undefined)
    out.push({ path: 'limitPrice', message: `${t.orderType} takes no limit price` });
  if (needsStop && t.stopPrice === undefined)
    out.push({ path: 'stopPrice', message: `${t.orderType} needs a stop price` });
  if (!needsStop && t.stopPrice !== undefined)
    out.push({ path: 'stopPrice', message: `${t.orderType} takes no stop price` });
  if (t.orderType === 'TRAIL') {
    const n = Number(t.trailingAmount !== undefined) + Number(t.trailingPercent !== undefined);
    if (n !== 1)
      out.push({
        path: 'trailingAmount',
        message: 'TRAIL needs either a trailing amount or a trailing percent',
      });
  } else if (t.trailingAmount !== undefined || t.trailingPercent !== undefined) {
    out.push({ path: 'trailingAmount', message: `${t.orderType} takes no trailing amount` });
  }
  const secType = t.contract.secType ?? 'STK';
  if ((secType === 'STK' || secType === 'FUT' || secType === 'OPT') && !Number.isInteger(t.quantity)) {
    out.push({ path: 'quantity', message: 'quantity must be a whole number of shares or contracts' });
  }
  if (t.orderType === 'MKT' && t.tif === 'GTC') {
    out.push({ path: 'tif', message: 'a MKT order cannot be GTC' });
  }
  if (t.bracket) {
    if (t.orderType !== 'LMT' && t.orderType !== 'MKT') {
      out.push({ path: 'bracket', message: 'a bracket needs a LMT or MKT parent order' });
    }
    const { takeProfit, stopLoss } = t.bracket;
    const buy = t.action === 'BUY';
    if (buy ? takeProfit <= stopLoss : takeProfit >= stopLoss) {
      out.push({
        path: 'bracket',
        message: buy
          ? 'take-profit must be above the stop-loss for a BUY'
          : 'take-profit must be below the stop-loss for a SELL',
      });
    }
    if (t.limitPrice !== undefined) {
      if (
        buy
          ? !(takeProfit > t.limitPrice && stopLoss < t.limitPrice)
          : !(takeProfit < t.limitPrice && stopLoss > t.limitPrice)
      ) {
        out.push({
          path: 'bracket',
          message: 'the entry limit must lie between the take-profit and the stop-loss',
        });
      }
    }
  }
  return out;
}

/** The statuses TWS itself reports for an order (openOrder, orderStatus, completedOrder). */
export const TwsOrderStatus = z.enum([
  'ApiPending',
  'PendingSubmit',
  'PendingCancel',
  'PreSubmitted',
  'Submitted',
  'ApiCancelled',
  'Cancelled',
  'Filled',
  'Inactive',
]);

/**
 * TWS order statuses, plus the app's own: `Intent` (journalled, not yet sent), `Unacknowledged` (sent, but TWS has
 * not confirmed it within a few seconds: the app is asking TWS for it), `NotReceived` (TWS, asked on the same
 * connection, has no such order: it never got it) and `Unknown` (TWS no longer lists it after a reconnect or a
 * restart, and cannot say what became of it).
 */
export const OrderStatus = z.enum([
  'Intent',
  'Unacknowledged',
  'NotReceived',
  ...TwsOrderStatus.options,
  'Unknown',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const FINAL_STATUSES: readonly OrderStatus[] = ['ApiCancelled', 'Cancelled', 'Filled', 'Inactive'];

/** Working: possibly live at TWS. `Unknown` and `NotReceived` are not: there is nothing at TWS to modify or cancel. */
export function isWorking(status: OrderStatus): boolean {
  return !FINAL_STATUSES.includes(status) && status !== 'Unknown' && status !== 'NotReceived';
}

/**
 * What the blotter shows for the app's own statuses: a label a trader reads at a glance, and what it means, what
 * the app did and what the trader may do (the cell's tooltip). TWS's own statuses are shown as TWS names them.
 */
export const APP_STATUS_HELP: Partial<Record<OrderStatus, { label: string; meaning: string }>> = {
  Intent: {
    label: 'Sending',
    meaning: 'Written to the order journal; about to be sent to TWS.',
  },
  Unacknowledged: {
    label: 'Unacknowledged',
    meaning:
      'Sent, but TWS has not confirmed this order within a few seconds. IBDesk is asking TWS for its open orders, completed orders and executions to find out whether it has it. Nothing is sent again. Do not place it again until this changes.',
  },
  NotReceived: {
    label: 'Not received by TWS',
    meaning:
      'TWS never got this order: asked right after, on the same connection, it has no such order (not open, not completed, no fills). IBDesk did not send it again. It is safe to place it again, unless TWS is showing an order confirmation dialog for it. If TWS reports it after all, its status here updates.',
  },
  Unknown: {
    label: 'Unknown',
    meaning:
      'TWS no longer lists this order (after a reconnect or a restart): it may have been cancelled or rejected meanwhile, or never reached TWS. IBDesk did not send it again. Check it in TWS before placing it again.',
  },
};

/**
 * What the app knows of an order's terms, as the order journal records it (its `intent` and `external` records):
 * the TWS adapter builds TWS's order from exactly this, and an order TWS reports is read back into it. Prices an
 * order type takes none of are null.
 */
export type JournalOrder = {
  orderId: number;
  parentId: number | null;
  clientId: number;
  account: string;
  contract: ContractRef & { conId?: number | undefined };
  action: OrderAction;
  quantity: number;
  orderType: string;
  limitPrice: number | null;
  /** STP / STP LMT trigger (for an order TWS reports, TRAIL's current stop). */
  stopPrice: number | null;
  trailingAmount: number | null;
  trailingPercent: number | null;
  tif: string;
  outsideRth: boolean;
  ocaGroup: string | null;
  /** TWS holds an order whose transmit flag is not set: every leg but a bracket's last one is sent with false. */
  transmit: boolean;
  /** The trader's free text (TWS orderRef); for an order TWS reports, its orderRef as is. */
  note: string | null;
};

export const Order = z.object({
  orderId: z.number().int(),
  permId: z.number().int().nullable(),
  parentId: z.number().int().nullable(),
  clientId: z.number().int().nullable(),
  account: z.string(),
  contract: ContractRef.extend({ conId: z.number().int().optional() }),
  action: OrderAction,
  quantity: z.number(),
  orderType: z.string(),
  limitPrice: z.number().nullable(),
  stopPrice: z.number().nullable(),
  trailingAmount: z.number().nullable(),
  trailingPercent: z.number().nullable(),
  tif: z.string(),
  outsideRth: z.boolean(),
  ocaGroup: z.string().nullable(),
  status: OrderStatus,
  filled: z.number(),
  remaining: z.number(),
  avgFillPrice: z.number().nullable(),
  /** Last TWS error or warning about this order, in plain words with its code. */
  message: z.string().nullable(),
  twsCode: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Not placed by this app (another client id, or TWS itself), learnt from TWS. */
  external: z.boolean(),
});
export type Order = z.infer<typeof Order>;

/** Where an order stands at TWS: what an orderStatus message and the journal's `status` record both carry. */
export type OrderProgress = Pick<Order, 'status' | 'filled' | 'remaining' | 'avgFillPrice' | 'permId'>;

export const Execution = z.object({
  execId: z.string(),
  orderId: z.number().int(),
  permId: z.number().int().nullable(),
  account: z.string(),
  contract: ContractRef.extend({ conId: z.number().int().optional() }),
  side: OrderAction,
  shares: z.number(),
  price: z.number(),
  /** Epoch ms. */
  time: z.number(),
  exchange: z.string(),
  commission: z.number().nullable(),
  commissionCurrency: z.string().nullable(),
  realizedPnl: z.number().nullable(),
});
export type Execution = z.infer<typeof Execution>;

export const PlaceResult = z.object({
  /** Parent first, then the children of a bracket. */
  orderIds: z.array(z.number().int()),
  /** Warnings the ticket raised that did not block it. */
  warnings: z.array(z.string()),
});
export type PlaceResult = z.infer<typeof PlaceResult>;

export const OrderModify = z.strictObject({
  orderId: z.number().int().positive(),
  quantity: z.number().finite().positive().optional(),
  limitPrice: z.number().finite().positive().optional(),
  stopPrice: z.number().finite().positive().optional(),
  trailingAmount: z.number().finite().positive().optional(),
  tif: TimeInForce.optional(),
});
export type OrderModify = z.infer<typeof OrderModify>;

/** Estimated value of a ticket at a reference price (the limit, the stop, or the last trade). */
export function estimatedNotional(
  t: Pick<OrderTicket, 'quantity' | 'limitPrice' | 'stopPrice'>,
  referencePrice: number | null,
  multiplier = 1,
): number | null {
  const price = t.limitPrice ?? t.stopPrice ?? referencePrice;
  return price === null || price === undefined ? null : price * t.quantity * multiplier;
}

/** Whether a price sits on the instrument's tick grid (tolerant to float noise). */
export function onTick(price: number, minTick: number): boolean {
  if (!(minTick > 0)) return true;
  const steps = price / minTick;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/** Rounds a price to the nearest tick (for step buttons), with float noise removed. */
export function roundToTick(price: number, minTick: number): number {
  if (!(minTick > 0)) return price;
  const decimals = Math.max(0, Math.ceil(-Math.log10(minTick)) + 2);
  return Number((Math.round(price / minTick) * minTick).toFixed(decimals));
}
