// What a hotkey's order action does for one instrument, decided before anything is sent: a ticket form to send
// through the ticket's own sender (buy / sell at the bid, ask, mid or last; flatten at market), the orders to
// cancel (all of the symbol's working orders, or its newest), or the reason nothing can be done.
import type { HotkeyAction } from '../../../src-shared/domain/hotkeys';
import { isWorking, roundToTick, type Order, type OrderAction } from '../../../src-shared/domain/order';
import type { Quote } from '../../../src-shared/domain/quote';
import { initialForm, type TicketForm } from '../order-entry/ticket-form';

export type HotkeyPlan =
  | { kind: 'send'; action: OrderAction; form: TicketForm }
  | { kind: 'cancel'; orderIds: number[] }
  | { kind: 'refused'; reason: string };

export type PlanContext = {
  symbol: string;
  conId: number;
  quote: Pick<Quote, 'bid' | 'ask' | 'last'> | undefined;
  minTick: number;
  orders: readonly Order[];
  /** The signed position in the instrument (all accounts the screen shows). */
  position: number;
};

function quotePrice(
  at: 'bid' | 'ask' | 'mid' | 'last',
  q: PlanContext['quote'],
  minTick: number,
): number | null {
  if (!q) return null;
  if (at !== 'mid') return q[at];
  if (q.bid === null || q.ask === null) return null;
  return roundToTick((q.bid + q.ask) / 2, minTick);
}

export function planOrderAction(action: HotkeyAction, ctx: PlanContext): HotkeyPlan {
  const working = ctx.orders
    .filter((o) => o.contract.conId === ctx.conId && isWorking(o.status))
    .sort((a, b) => a.orderId - b.orderId);
  switch (action.kind) {
    case 'trade': {
      const price = quotePrice(action.at, ctx.quote, ctx.minTick);
      if (price === null || price <= 0)
        return { kind: 'refused', reason: `There is no ${action.at} price for ${ctx.symbol} yet` };
      const form = { ...initialForm(price, ctx.minTick), quantity: String(action.quantity) };
      return { kind: 'send', action: action.side, form: { ...form, orderType: 'LMT' } };
    }
    case 'flatten': {
      if (ctx.position === 0)
        return { kind: 'refused', reason: `There is no ${ctx.symbol} position to flatten` };
      const form = { ...initialForm(null, ctx.minTick), quantity: String(Math.abs(ctx.position)) };
      return { kind: 'send', action: ctx.position > 0 ? 'SELL' : 'BUY', form: { ...form, orderType: 'MKT' } };
    }
    case 'cancelAll':
    case 'cancelLast': {
      if (working.length === 0) return { kind: 'refused', reason: `There is no working ${ctx.symbol} order` };
      const ids = working.map((o) => o.orderId);
      return { kind: 'cancel', orderIds: action.kind === 'cancelAll' ? ids : ids.slice(-1) };
    }
    default:
      return { kind: 'refused', reason: 'This action sends no order' };
  }
}
