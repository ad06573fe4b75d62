// `ibdesk cancel ORDER_ID`: cancels through the app's order service and waits for TWS's answer (202 confirms).
import type { Trading } from '../../trading';
import { waitOrder, type Ctx } from '../command-context';
import { CliError, EXIT } from '../exit';

export async function cancelCommand(t: Trading, id: number, ctx: Ctx): Promise<void> {
  const errors: string[] = [];
  const off = t.link.onMessage((m) => {
    // 202 is TWS confirming the cancel; anything else about this id means it did not go through.
    if (m.reqId === id && m.code !== 202) errors.push(`${m.message} (TWS ${m.code})`);
  });
  try {
    await t.orders.cancel(id);
    const o = await waitOrder(
      t,
      id,
      (x) => x.status === 'Cancelled' || x.status === 'ApiCancelled' || x.status === 'Filled',
      8_000,
      () => errors.length > 0,
    );
    const message = o?.message ?? errors[0];
    const cancelled = o?.status === 'Cancelled' || o?.status === 'ApiCancelled';
    if (ctx.json)
      ctx.out(
        `${JSON.stringify({ ok: cancelled, orderId: id, status: o?.status ?? null, message: message ?? null })}\n`,
      );
    else ctx.out(`Order ${id}: ${o?.status ?? 'cancel sent'}${message ? ` (${message})` : ''}\n`);
    if (!cancelled)
      throw new CliError(EXIT.rejected, `order ${id} was not cancelled${message ? `: ${message}` : ''}`);
  } finally {
    off();
  }
}
