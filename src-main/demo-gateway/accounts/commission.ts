// IB-like fixed-rate commissions: stocks $0.005/share (min $1.00, max 1% of trade value), futures $2.25 per
// contract (commission plus typical exchange fees), FX 0.2 basis points of the USD value (min $2.00), US equity
// options as IB's fixed schedule: $0.65 per contract ($0.50 at premiums of $0.05-$0.10, $0.25 below $0.05), $1.00
// minimum per order.
import type { Instrument } from '../model/instrument';

export function commissionFor(
  inst: Instrument,
  quantity: number,
  price: number,
  usdPerQuoteUnit: number,
): number {
  const qty = Math.abs(quantity);
  if (qty === 0) return 0;
  let c: number;
  if (inst.secType === 'STK') {
    c = Math.min(Math.max(qty * 0.005, 1), qty * price * 0.01);
  } else if (inst.secType === 'FUT') {
    c = qty * 2.25;
  } else if (inst.secType === 'OPT') {
    c = Math.max(qty * (price >= 0.1 ? 0.65 : price >= 0.05 ? 0.5 : 0.25), 1);
  } else {
    c = Math.max(qty * price * usdPerQuoteUnit * 0.00002, 2);
  }
  return Math.round(c * 100) / 100;
}

/** Commission charged by one fill when an order is filled in several pieces: the minimum applies once. */
export function incrementalCommission(
  inst: Instrument,
  filledBefore: number,
  fillQty: number,
  price: number,
  usdPerQuoteUnit: number,
  chargedSoFar: number,
): number {
  const total = commissionFor(inst, filledBefore + fillQty, price, usdPerQuoteUnit);
  return Math.max(0, Math.round((total - chargedSoFar) * 100) / 100);
}
