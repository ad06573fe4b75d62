// The precautionary checks of a ticket against a profile's limits and the instrument (ARCHITECTURE.md §5): max
// quantity, max notional, price band around the last price, tick grid. Pure, so the order ticket can show the same
// verdict before it sends anything.
import { estimatedNotional, onTick, type OrderTicket } from './order';
import type { ReferenceSource } from './quote';
import type { OrderLimits } from './settings';

/** How the checks name the reference price in what they say (the band is drawn around it). */
const REFERENCE_NAME: Record<ReferenceSource, string> = {
  last: 'last price',
  mid: 'mid',
  close: 'previous close',
};

export type TicketCheck = {
  /** Refusals: the order is not sent. */
  problems: { path: string; message: string; code: 'LIMIT' | 'VALIDATION' }[];
  /** Sent anyway, with these shown to the trader. */
  warnings: string[];
  notional: number | null;
};

type CheckedTicket = Pick<
  OrderTicket,
  'quantity' | 'orderType' | 'limitPrice' | 'stopPrice' | 'bracket' | 'action' | 'trailingAmount'
>;

export function checkTicket(
  t: CheckedTicket,
  instrument: { minTick: number; multiplier?: number | undefined; currency: string },
  limits: OrderLimits,
  /** Last trade (or close, or mid) when known. */
  reference: number | null,
  /** Which price `reference` is: a ticket's refusal names it ("away from the mid" for an option). */
  source: ReferenceSource = 'last',
): TicketCheck {
  const refName = REFERENCE_NAME[source];
  // A mid may carry a float's tail (5.625000000001): shown to a micro-unit.
  const ref = reference === null ? '' : String(Number(reference.toFixed(6)));
  const problems: TicketCheck['problems'] = [];
  const warnings: string[] = [];
  const multiplier = instrument.multiplier && instrument.multiplier > 0 ? instrument.multiplier : 1;

  if (t.quantity > limits.maxQuantity)
    problems.push({
      path: 'quantity',
      code: 'LIMIT',
      message: `quantity ${t.quantity} is above this profile's limit of ${limits.maxQuantity}`,
    });

  const notional = estimatedNotional(t, reference, multiplier);
  if (notional === null) {
    if (t.orderType === 'MKT' || t.orderType === 'TRAIL')
      problems.push({
        path: 'orderType',
        code: 'LIMIT',
        message: 'there is no last price to estimate what this order costs: use a limit order',
      });
  } else if (notional > limits.maxNotional) {
    problems.push({
      path: 'quantity',
      code: 'LIMIT',
      message: `estimated value ${notional.toFixed(2)} ${instrument.currency} is above this profile's limit of ${limits.maxNotional}`,
    });
  }

  const prices: [string, number | undefined][] = [
    ['limitPrice', t.limitPrice],
    ['stopPrice', t.stopPrice],
    ['bracket', t.bracket?.takeProfit],
    ['bracket', t.bracket?.stopLoss],
  ];
  for (const [path, price] of prices) {
    if (price === undefined) continue;
    if (!onTick(price, instrument.minTick))
      problems.push({
        path,
        code: 'VALIDATION',
        message: `${price} is not on the price grid of this instrument (steps of ${instrument.minTick})`,
      });
    if (reference !== null && reference > 0) {
      const offPct = (Math.abs(price - reference) / reference) * 100;
      if (offPct > limits.priceBandPct)
        problems.push({
          path,
          code: 'LIMIT',
          message: `${price} is ${offPct.toFixed(1)} % away from the ${refName} ${ref}, beyond this profile's band of ${limits.priceBandPct} %`,
        });
    }
  }
  // A stop on the wrong side of the market would trigger at once: a BUY stop sits above the last price, a SELL stop
  // below it; a bracket's stop-loss sits on the losing side and its take-profit on the winning side.
  if (reference !== null && reference > 0) {
    const buy = t.action === 'BUY';
    if ((t.orderType === 'STP' || t.orderType === 'STP LMT') && t.stopPrice !== undefined) {
      if (buy ? t.stopPrice <= reference : t.stopPrice >= reference)
        problems.push({
          path: 'stopPrice',
          code: 'VALIDATION',
          message: `a ${t.action} stop at ${t.stopPrice} is on the wrong side of the ${refName} ${ref}: it must be ${buy ? 'above' : 'below'} it`,
        });
    }
    if (t.bracket && t.orderType === 'MKT') {
      const { takeProfit, stopLoss } = t.bracket;
      if (buy ? stopLoss >= reference : stopLoss <= reference)
        problems.push({
          path: 'bracket',
          code: 'VALIDATION',
          message: `the stop-loss ${stopLoss} must be ${buy ? 'below' : 'above'} the ${refName} ${ref}`,
        });
      if (buy ? takeProfit <= reference : takeProfit >= reference)
        problems.push({
          path: 'bracket',
          code: 'VALIDATION',
          message: `the take-profit ${takeProfit} must be ${buy ? 'above' : 'below'} the ${refName} ${ref}`,
        });
    }
  }
  if (reference === null && t.orderType !== 'MKT' && t.orderType !== 'TRAIL')
    warnings.push('No last price is known: the price band could not be checked');
  return { problems, warnings, notional };
}
