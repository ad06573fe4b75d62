// `ibdesk contract SYMBOL`: what TWS knows about a US stock symbol (every listing it returns).
import { AppError } from '../../../src-shared/result';
import { table } from '../../../src-shared/text-table';
import type { Trading } from '../../trading';
import { jsonAnswer, type Ctx } from '../command-context';

export async function contractCommand(t: Trading, symbol: string, ctx: Ctx): Promise<void> {
  const list = await t.contracts.details({
    symbol: symbol.toUpperCase(),
    secType: 'STK',
    exchange: 'SMART',
    currency: 'USD',
  });
  if (list.length === 0) throw new AppError('NOT_FOUND', `TWS knows no instrument for ${symbol}`);
  if (ctx.json) {
    ctx.out(jsonAnswer({ contracts: list }));
    return;
  }
  ctx.out(
    table(list, [
      { title: 'ConId', value: (i) => String(i.conId), align: 'right' },
      { title: 'Symbol', value: (i) => i.symbol },
      { title: 'Type', value: (i) => i.secType },
      { title: 'Exchange', value: (i) => i.exchange },
      { title: 'Primary', value: (i) => i.primaryExchange },
      { title: 'Currency', value: (i) => i.currency },
      { title: 'Min tick', value: (i) => String(i.minTick), align: 'right' },
      { title: 'Name', value: (i) => i.longName },
    ]),
  );
}
