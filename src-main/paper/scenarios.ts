// The paper suite's scenarios (issue #10), in the order they run, and the clean-up after them. Each drives the
// product through the requests a window sends (`driver.call`) and the events a window receives (`driver.seen`), and
// notes what it saw for the report. The same code runs against a real TWS / IB Gateway paper account and against
// the demo gateway. The scenarios themselves are in scenarios/, one file per area.
import type { PaperCtx } from './context';
import { latestOrder } from './observe';
import type { Scenario } from './suite';
import { accountAfter, accountBefore } from './scenarios/account';
import { connect } from './scenarios/connect';
import { contracts } from './scenarios/contracts';
import { history } from './scenarios/history';
import { fill, limitOrder } from './scenarios/orders';
import { quotes } from './scenarios/quotes';
import { reconnect } from './scenarios/reconnect';
import { scanner } from './scenarios/scanner';

export const SCENARIOS: readonly Scenario<PaperCtx>[] = [
  connect,
  accountBefore,
  contracts,
  quotes,
  history,
  scanner,
  limitOrder,
  fill,
  reconnect,
  accountAfter,
];

/**
 * After the scenarios, whatever happened: suite orders still working are cancelled, subscriptions released. A
 * position the suite could not close is reported, never traded away automatically.
 */
export async function cleanUp(ctx: PaperCtx): Promise<string[]> {
  const { driver: d, state } = ctx;
  const lines: string[] = [];
  if (!d.trading.link.isReady()) return lines;
  for (const id of state.openOrderIds) {
    const o = latestOrder(d, id);
    if (o && !['PreSubmitted', 'Submitted', 'PendingSubmit', 'ApiPending', 'Intent'].includes(o.status))
      continue;
    try {
      await d.call('orders.cancel', { orderId: id });
      lines.push(`cancelled suite order ${id} that was still working`);
    } catch (err) {
      lines.push(`could not cancel suite order ${id}: ${(err as Error).message} — cancel it in TWS`);
    }
  }
  if (state.netShares !== 0 && state.stock)
    lines.push(
      `the suite bought ${state.netShares > 0 ? '+' : ''}${state.netShares} ${state.stock.symbol} and could not close it: close this position in TWS`,
    );
  if (state.scanId) await d.call('scanner.stop', { scanId: state.scanId }).catch(() => undefined);
  if (state.barsSubId) await d.call('history.unsubscribe', { subId: state.barsSubId }).catch(() => undefined);
  if (state.quoteConIds.length > 0)
    await d.call('quotes.unsubscribe', { conIds: state.quoteConIds }).catch(() => undefined);
  return lines;
}
