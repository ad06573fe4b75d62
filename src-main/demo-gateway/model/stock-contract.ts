// How a client names one of the universe's stocks: an STK contract routed SMART, with its listing exchange as the
// primary exchange when known. The one spelling the bench, the soak run and the tests use to subscribe to them.
import type { Instrument } from './instrument';

export interface StockContract {
  conId: number;
  symbol: string;
  secType: 'STK';
  exchange: 'SMART';
  primaryExchange?: string;
  currency: string;
}

export function stockContract(
  i: Pick<Instrument, 'conId' | 'symbol' | 'currency'> & { primaryExchange?: string },
): StockContract {
  return {
    conId: i.conId,
    symbol: i.symbol,
    secType: 'STK',
    exchange: 'SMART',
    ...(i.primaryExchange ? { primaryExchange: i.primaryExchange } : {}),
    currency: i.currency,
  };
}
