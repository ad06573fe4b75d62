// TWS's market-data tick types as the app reads them: tick id → quote field, with the delayed twins (66–76) on the
// same fields. Used by the quote lines and the one-shot snapshots alike.

export type TickField =
  'bid' | 'ask' | 'last' | 'bidSize' | 'askSize' | 'lastSize' | 'volume' | 'high' | 'low' | 'open' | 'close';

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
