// `ibdesk history SYMBOL`: historical bars as a table (UTC times) or JSON.
import type { BarSize, Duration, WhatToShow } from '../../../src-shared/domain/bar';
import { fmt, fmtInt, table } from '../../../src-shared/text-table';
import type { Trading } from '../../trading';
import { jsonAnswer, resolveSymbol, type Ctx } from '../command-context';

export async function historyCommand(
  t: Trading,
  symbol: string,
  duration: Duration,
  barSize: BarSize,
  whatToShow: WhatToShow,
  useRTH: boolean,
  ctx: Ctx,
): Promise<void> {
  const contract = await resolveSymbol(t, symbol);
  const { bars } = await t.history.get({ contract, barSize, duration, whatToShow, useRTH });
  if (ctx.json) {
    ctx.out(jsonAnswer({ symbol: contract.symbol, barSize, duration, whatToShow, bars }));
    return;
  }
  ctx.out(
    table(bars, [
      {
        title: 'Time (UTC)',
        value: (b) => new Date(b.time * 1000).toISOString().replace('T', ' ').slice(0, 19),
      },
      { title: 'Open', value: (b) => fmt(b.open), align: 'right' },
      { title: 'High', value: (b) => fmt(b.high), align: 'right' },
      { title: 'Low', value: (b) => fmt(b.low), align: 'right' },
      { title: 'Close', value: (b) => fmt(b.close), align: 'right' },
      { title: 'Volume', value: (b) => fmtInt(b.volume), align: 'right' },
    ]),
  );
  ctx.io.stderr.write(
    `${bars.length} bars of ${barSize} for ${contract.symbol} over ${duration} (${whatToShow})\n`,
  );
}
