// `ibdesk quote SYMBOL...`: a one-off snapshot per symbol (bid, ask, last, change %, volume, data state).
import { quoteChange } from '../../../src-shared/domain/quote';
import { fmt, fmtInt, fmtPct, table } from '../../../src-shared/text-table';
import type { Trading } from '../../trading';
import { jsonAnswer, resolveSymbol, type Ctx } from '../command-context';

export async function quoteCommand(t: Trading, symbols: string[], ctx: Ctx): Promise<void> {
  const rows = [];
  for (const s of symbols) {
    const c = await resolveSymbol(t, s);
    const q = await t.marketData.snapshot(c);
    rows.push({ symbol: c.symbol, ...q, changePct: quoteChange(q).changePct });
  }
  if (ctx.json) {
    ctx.out(jsonAnswer({ quotes: rows }));
    return;
  }
  ctx.out(
    table(rows, [
      { title: 'Symbol', value: (r) => r.symbol },
      { title: 'Bid', value: (r) => fmt(r.bid), align: 'right' },
      { title: 'Ask', value: (r) => fmt(r.ask), align: 'right' },
      { title: 'Last', value: (r) => fmt(r.last), align: 'right' },
      { title: 'Change %', value: (r) => fmtPct(r.changePct), align: 'right' },
      { title: 'Volume', value: (r) => fmtInt(r.volume), align: 'right' },
      { title: 'Data', value: (r) => r.state },
    ]),
  );
}
