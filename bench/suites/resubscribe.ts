// Figure 9: resubscribe after a reconnect. The trading core holds N live subscriptions (quote lines plus the
// account streams it keeps) on the demo gateway over TCP; the gateway drops the connection; timed from the link
// being ready again to the gateway having received the last replayed request: market data type first, then every
// subscription on a fresh request id, all through the pacer (≤ 45 messages in any second, checked gateway-side).
import { defaultSettings } from '../../src-shared/domain/settings';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { createDemoGateway, stockContract } from '../../src-main/demo-gateway/index';
import { Incoming } from '../../src-main/demo-gateway/wire/message-ids';
import { createTrading } from '../../src-main/trading';
import { figure, type Figure } from '../figure';

const SIZES = [100, 500];

async function waitUntil(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function once(n: number): Promise<Figure> {
  const gw = await createDemoGateway({ host: '127.0.0.1', port: 0, tickRate: 1 });
  const clientId = 31;
  const trading = createTrading({
    clock: systemClock,
    log: silentLogger,
    outlet: { broadcast: () => undefined, emitTo: () => undefined, quotes: () => undefined },
    prefs: { ...defaultSettings().preferences, marketDataLines: n },
    gaugesEveryMs: 0,
  });
  try {
    trading.link.connect({ host: '127.0.0.1', port: gw.port, clientId });
    await waitUntil('ready', () => trading.link.isReady(), 15_000);
    await waitUntil('the account streams', () => trading.link.queued() === 0);
    const others = trading.link.streams().length;
    const stocks = gw.universe.instruments.filter((i) => i.secType === 'STK').slice(0, n - others);
    trading.marketData.subscribe({ key: 'w', clientId: 'w' }, stocks.map(stockContract));
    await waitUntil(
      `${stocks.length} lines at the gateway`,
      () => gw.subscriptions().marketData === stocks.length,
    );
    await waitUntil('the pacer to drain', () => trading.link.queued() === 0);
    const live = trading.link.streams().length;
    let readyAt = 0;
    // Ready as the link's state machine stamped it (the replay is queued in the same step).
    const off = trading.link.onReady(({ reconnect }) => {
      if (reconnect) readyAt = trading.link.status().since;
    });
    const droppedAt = Date.now();
    gw.faults.dropAll();
    await waitUntil('ready again', () => readyAt > 0, 30_000);
    off();
    await waitUntil(
      'every quote line again',
      () => gw.subscriptions().marketData === stocks.length && trading.link.queued() === 0,
    );
    const after = gw.received(clientId).filter((m) => m.time >= readyAt);
    const mdType = after.findIndex((m) => m.msgId === Incoming.REQ_MARKET_DATA_TYPE);
    const firstMd = after.findIndex((m) => m.msgId === Incoming.REQ_MKT_DATA);
    if (mdType < 0 || firstMd < mdType)
      throw new Error('the market data type was not sent before the replay');
    const replayed = trading.link
      .streams()
      .filter((s) => s.reqId !== null && s.startedAt !== null && s.startedAt >= droppedAt).length;
    if (replayed !== live) throw new Error(`${replayed} of ${live} streams were replayed`);
    const doneAt = Math.max(...after.map((m) => m.time));
    const seconds = (doneAt - readyAt) / 1000;
    const max = gw.maxMessagesInWindow(clientId, 1000);
    return figure({
      id: `resubscribe.${n}`,
      name: `#9 resubscribe ${live} subscriptions after a reconnect`,
      value: seconds,
      unit: 's',
      budget: { max: live / 45 + 1, ...(max > 45 ? { min: Infinity } : {}) },
      budgetText: `<= N/45+1 = ${(live / 45 + 1).toFixed(2)}`,
      note: `${live - stocks.length} account streams + ${stocks.length} quote lines + market data type, ${after.length} messages; drop → ready ${((readyAt - droppedAt) / 1000).toFixed(1)} s (back-off); max ${max} msgs in any 1 s at the gateway${max > 45 ? ' (OVER 45)' : ''}`,
    });
  } finally {
    trading.link.stop();
    await trading.stop();
    await gw.close();
  }
}

export async function run(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const n of SIZES) out.push(await once(n));
  return out;
}
