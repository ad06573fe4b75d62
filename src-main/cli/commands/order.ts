// `ibdesk order buy|sell QTY SYMBOL`: a validated ticket, confirmed (a typed account id on a live account), placed
// through the app's order service, and followed until TWS has accepted or refused it.
import { isLiveSession } from '../../../src-shared/domain/connection';
import { OrderTicket } from '../../../src-shared/domain/order';
import { fmt } from '../../../src-shared/text-table';
import { paramIssues as zodIssues } from '../../api/dispatcher';
import { str, waitOrder, type Ctx, type Plan, type Values } from '../command-context';
import { CliError, EXIT } from '../exit';
import { ask } from '../prompt';

export function orderCommand(args: string[], o: Values, ctx: Ctx): Plan {
  const [side, qtyText, symbol] = args;
  const action = side?.toUpperCase();
  if ((action !== 'BUY' && action !== 'SELL') || !qtyText || !symbol)
    throw new CliError(EXIT.usage, 'order needs: buy|sell QTY SYMBOL');
  const limit = str(o.limit);
  const stop = str(o.stop);
  if (limit !== undefined && stop !== undefined)
    throw new CliError(EXIT.usage, 'give --limit or --stop, not both (STP LMT is not offered here)');
  const draft = {
    contract: { symbol: symbol.toUpperCase() },
    action,
    quantity: Number(qtyText),
    orderType: limit !== undefined ? 'LMT' : stop !== undefined ? 'STP' : 'MKT',
    ...(limit !== undefined ? { limitPrice: Number(limit) } : {}),
    ...(stop !== undefined ? { stopPrice: Number(stop) } : {}),
    tif: (str(o.tif) ?? 'DAY').toUpperCase(),
    outsideRth: Boolean(o['outside-rth']),
    ...(str(o.account) !== undefined ? { account: str(o.account) } : {}),
  };
  const ticket = OrderTicket.safeParse(draft);
  if (!ticket.success)
    throw new CliError(
      EXIT.usage,
      `invalid order: ${zodIssues(ticket.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  return async (t) => {
    const s = t.link.status();
    const live = isLiveSession(s.port, s.accounts);
    const tk = ticket.data;
    const words = `${tk.action} ${tk.quantity} ${tk.contract.symbol} ${tk.orderType}${tk.limitPrice ? ` @ ${tk.limitPrice}` : ''}${tk.stopPrice ? ` stop ${tk.stopPrice}` : ''} ${tk.tif} for account ${tk.account ?? s.accounts[0]} at ${s.host}:${s.port}${live ? ' — LIVE MONEY' : ''}`;
    if (live) {
      const typed =
        str(o['confirm-live']) ??
        (o.yes
          ? undefined
          : await ask(
              ctx.io,
              `${words}\nThis is a LIVE account. Type the account id ${s.accounts[0]} to confirm: `,
            ));
      if (!typed)
        throw new CliError(
          EXIT.aborted,
          `live account: pass --confirm-live ${s.accounts[0]} (or answer the prompt) to send orders`,
        );
      t.orders.confirmLive(typed);
    } else if (!o.yes) {
      const answer = await ask(ctx.io, `Send ${words}? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(EXIT.aborted, 'order not sent');
    }
    const result = await t.orders.place(tk);
    const id = result.orderIds[0]!;
    const final = await waitOrder(
      t,
      id,
      (x) => x.status !== 'Intent' && x.status !== 'PendingSubmit' && x.status !== 'ApiPending',
      10_000,
    );
    const rejected =
      final &&
      (final.status === 'Inactive' || final.status === 'Cancelled' || final.status === 'ApiCancelled') &&
      final.filled === 0;
    if (ctx.json)
      ctx.out(
        `${JSON.stringify({ ok: !rejected, orderIds: result.orderIds, warnings: result.warnings, order: final }, null, 2)}\n`,
      );
    else {
      ctx.out(
        `Order ${id}: ${final?.status ?? 'sent'}${final && final.filled > 0 ? `, filled ${final.filled} @ ${fmt(final.avgFillPrice)}` : ''}${final?.message ? ` (${final.message})` : ''}\n`,
      );
      for (const w of result.warnings) ctx.io.stderr.write(`warning: ${w}\n`);
    }
    if (rejected)
      throw new CliError(EXIT.rejected, `TWS did not accept order ${id}: ${final?.message ?? final?.status}`);
  };
}
