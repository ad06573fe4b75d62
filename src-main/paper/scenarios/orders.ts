// The trading scenarios: a limit order far from the market (placed, working, modified, cancelled) and, when the
// market is open, a 1-share market order filled and closed again, with its executions and commissions.
import type { Instrument } from '../../../src-shared/domain/instrument';
import { roundToTick, type Execution, type Order } from '../../../src-shared/domain/order';
import { paperScenario, type PaperState } from '../context';
import type { PaperDriver } from '../driver';
import { fillGate } from '../market-hours';
import {
  executionsOf,
  latestOrder,
  latestQuote,
  need,
  orderReaches,
  positionOf,
  priceOf,
  px,
  refOf,
} from '../observe';
import { money, seconds as secs } from '../report';
import { Skip } from '../suite';

/** The working limit order sits this far under the market (then further), well inside the default 10 % band. */
const LIMIT_OFFSETS = [0.06, 0.07] as const;
const WORKING = ['PreSubmitted', 'Submitted'];
const SUITE_NOTE = 'ibdesk paper suite';

export const limitOrder = paperScenario(
  {
    id: 'order-limit',
    title: 'LMT order far from the market: placed, working, modified, cancelled',
    needs: ['quotes'],
  },
  async ({ driver: d, state }, note) => {
    const stock = need(state.stock, 'the stock');
    const q = latestQuote(d, stock.conId, 0)?.q;
    const ref = q ? (q.bid !== null && q.bid > 0 ? q.bid : priceOf(q)) : null;
    if (ref === null) throw new Error(`no ${stock.symbol} price to place the limit from`);
    const [first, second] = LIMIT_OFFSETS.map((off) => roundToTick(ref * (1 - off), stock.minTick)) as [
      number,
      number,
    ];
    const placedAt = Date.now();
    const placed = await d.call('orders.place', {
      contract: refOf(stock),
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: first,
      tif: 'DAY',
      outsideRth: false,
      note: SUITE_NOTE,
    });
    const id = placed.orderIds[0]!;
    state.openOrderIds.add(id);
    const working = await orderReaches(d, id, WORKING, 'working');
    note(
      `BUY 1 ${stock.symbol} LMT ${px(first, stock.minTick)} (${LIMIT_OFFSETS[0] * 100}% under ${px(ref, stock.minTick)}): order ${id} ${working.status} after ${secs(Date.now() - placedAt)}${placed.warnings.length ? `; ticket warnings: ${placed.warnings.join('; ')}` : ''}`,
    );
    const open = await d.trading.tws.openOrders();
    const mine = open.find((o) => o.orderId === id);
    if (!mine) throw new Error(`TWS's open orders do not list order ${id}`);
    note(`TWS lists it among ${open.length} open order(s) at ${px(mine.limitPrice, stock.minTick)}`);

    const modifiedAt = Date.now();
    await d.call('orders.modify', { orderId: id, limitPrice: second });
    // TWS acknowledges a modification with the order as it now stands: ask for it until it shows the new price.
    let seen: number | null = null;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const o = (await d.trading.tws.openOrders()).find((x) => x.orderId === id);
      seen = o?.limitPrice ?? null;
      if (seen !== null && Math.abs(seen - second) < stock.minTick / 2) break;
      const cur = latestOrder(d, id);
      if (cur && !WORKING.includes(cur.status) && cur.status !== 'PendingSubmit')
        throw new Error(
          `order ${id} is ${cur.status} after the modification${cur.message ? `: ${cur.message}` : ''}`,
        );
      await new Promise((r) => setTimeout(r, 500));
    }
    if (seen === null || Math.abs(seen - second) >= stock.minTick / 2)
      throw new Error(
        `TWS still shows order ${id} at ${px(seen, stock.minTick)} after modifying it to ${px(second, stock.minTick)}`,
      );
    // Windows get events once per frame: TWS can answer before the blotter's next frame, so wait for it briefly.
    const afterModify = await d
      .until(
        () => {
          const o = latestOrder(d, id);
          return o?.limitPrice === second ? o : null;
        },
        'the blotter to show the new price',
        3_000,
      )
      .catch(() => {
        throw new Error(
          `the blotter shows ${latestOrder(d, id)?.limitPrice} after the modification, not ${second}`,
        );
      });
    note(
      `modified to ${px(second, stock.minTick)}: TWS shows the new price after ${secs(Date.now() - modifiedAt)}, still ${afterModify.status}`,
    );

    const cancelAt = Date.now();
    await d.call('orders.cancel', { orderId: id });
    const cancelled = await orderReaches(d, id, ['Cancelled', 'ApiCancelled'], 'cancelled');
    state.openOrderIds.delete(id);
    if (cancelled.filled !== 0)
      throw new Error(`order ${id} filled ${cancelled.filled} before it was cancelled`);
    note(`cancelled: ${cancelled.status} after ${secs(Date.now() - cancelAt)}, nothing filled`);
  },
);

async function marketFill(
  d: PaperDriver,
  stock: Instrument,
  action: 'BUY' | 'SELL',
  state: PaperState,
): Promise<{ order: Order; executions: Execution[]; ms: number }> {
  const started = Date.now();
  const placed = await d.call('orders.place', {
    contract: refOf(stock),
    action,
    quantity: 1,
    orderType: 'MKT',
    tif: 'DAY',
    outsideRth: false,
    note: SUITE_NOTE,
  });
  const id = placed.orderIds[0]!;
  state.openOrderIds.add(id);
  const order = await orderReaches(d, id, ['Filled'], 'filled', 60_000);
  state.openOrderIds.delete(id);
  state.netShares += action === 'BUY' ? order.filled : -order.filled;
  // Executions and their commission reports arrive on their own; the commission can come a little later.
  const executions = await d.until(
    () => {
      const list = executionsOf(d, id);
      const shares = list.reduce((s, x) => s + x.shares, 0);
      return shares >= 1 && list.every((x) => x.commission !== null) ? list : null;
    },
    `the execution and commission of order ${id}`,
    60_000,
  );
  const listed = await d.call('executions.list', {});
  for (const x of executions)
    if (!listed.some((y) => y.execId === x.execId))
      throw new Error(`execution ${x.execId} is not in executions.list`);
  return { order, executions, ms: Date.now() - started };
}

export const fill = paperScenario(
  {
    id: 'order-fill',
    title: '1-share MKT order filled (execution, commission), then closed',
    needs: ['contracts', 'account-before'],
    timeoutMs: 240_000,
  },
  async ({ driver: d, state, now }, note) => {
    const stock = need(state.stock, 'the stock');
    const gate = fillGate(stock, now());
    if (!gate.run) {
      state.market = gate.line;
      throw new Skip(gate.line);
    }
    state.market = gate.note;
    note(gate.note);
    const account = state.accounts[0]!;
    const current = () => positionOf(d.trading.portfolio.snapshot(), account, stock.conId);
    const start = current();

    const describe = (r: { order: Order; executions: Execution[]; ms: number }): string =>
      `order ${r.order.orderId} filled ${r.order.filled} @ ${px(r.order.avgFillPrice, stock.minTick)} after ${secs(r.ms)}; ${r.executions
        .map(
          (x) =>
            `execution ${x.execId} ${x.side} ${x.shares} @ ${px(x.price, stock.minTick)} on ${x.exchange}, commission ${money(x.commission)} ${x.commissionCurrency ?? ''}${x.realizedPnl !== null && Math.abs(x.realizedPnl) < 1e12 ? `, realized P&L ${money(x.realizedPnl)}` : ''}`,
        )
        .join('; ')}`;

    const buy = await marketFill(d, stock, 'BUY', state);
    note(`BUY 1 ${stock.symbol} MKT: ${describe(buy)}`);
    await d.until(
      () => current() === start + 1 || null,
      `the ${stock.symbol} position to become ${start + 1}`,
      30_000,
    );
    note(`position ${stock.symbol}: ${start} → ${start + 1}`);

    const sell = await marketFill(d, stock, 'SELL', state);
    note(`SELL 1 ${stock.symbol} MKT (closing): ${describe(sell)}`);
    await d.until(
      () => current() === start || null,
      `the ${stock.symbol} position to return to ${start}`,
      30_000,
    );
    note(`position ${stock.symbol}: back to ${start}`);
  },
);
