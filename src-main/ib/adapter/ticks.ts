// TWS's market-data tick types as the app reads them: tick id → quote field, with the delayed twins (66–76) on the
// same fields, an option line's open interest (generic tick 101) and its model greeks. Used by the quote lines and the one-shot snapshots alike.
import type { OptionGreeks } from '../../../src-shared/domain/option';
import type { QuoteField } from '../../../src-shared/domain/quote';

export type TickField = QuoteField;

/** Tick id → [quote field, delayed]. */
export const TICKS: Readonly<Record<number, readonly [TickField, boolean]>> = {
  0: ['bidSize', false],
  1: ['bid', false],
  2: ['ask', false],
  3: ['askSize', false],
  4: ['last', false],
  5: ['lastSize', false],
  6: ['high', false],
  7: ['low', false],
  8: ['volume', false],
  9: ['close', false],
  14: ['open', false],
  // An option line asked with generic tick 101 gets its own open interest as the call's (27) or the put's (28).
  27: ['openInterest', false],
  28: ['openInterest', false],
  66: ['bid', true],
  67: ['ask', true],
  68: ['last', true],
  69: ['bidSize', true],
  70: ['askSize', true],
  71: ['lastSize', true],
  72: ['high', true],
  73: ['low', true],
  74: ['volume', true],
  75: ['close', true],
  76: ['open', true],
};

/** The generic ticks an option line asks for: 101, its open interest (TWS sends it as tick 27 or 28). */
export const OPTION_GENERIC_TICKS = '101';

/** tickOptionComputation's model ticks (13, delayed 83) → delayed; the bid/ask/last computations are not shown. */
export const MODEL_OPTION_TICKS: Readonly<Record<number, boolean>> = { 13: false, 83: true };

/**
 * tickOptionComputation's arguments after the tick type (tickAttrib, impliedVol, delta, optPrice, pvDividend,
 * gamma, vega, theta, undPrice) → greeks. TWS's "not computed" is −1 for the vol and the underlying's price and
 * exactly −2 for a greek (IB's client reads them so); @stoqey/ib already turns some of them into undefined.
 */
export function toGreeks(args: readonly unknown[]): OptionGreeks {
  const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const positive = (v: unknown): number | null => {
    const x = n(v);
    return x !== null && x >= 0 ? x : null;
  };
  const greek = (v: unknown): number | null => {
    const x = n(v);
    return x === -2 ? null : x;
  };
  return {
    impliedVol: positive(args[1]),
    delta: greek(args[2]),
    gamma: greek(args[5]),
    vega: greek(args[6]),
    theta: greek(args[7]),
    undPrice: positive(args[8]),
  };
}
