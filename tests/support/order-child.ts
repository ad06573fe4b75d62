// Run in a child process by the crash test: connects, places one order through the real services, says so on
// stdout, then waits to be killed (SIGKILL: no shutdown code runs, exactly like a crash).
import path from 'node:path';
import { systemClock } from '../../src-shared/clock';
import { createLogBook } from '../../src-main/logging/log-book';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { createTrading } from '../../src-main/trading';
import { DEFAULT_LIMITS, defaultSettings } from '../../src-shared/domain/settings';
import type { OrderTicket } from '../../src-shared/domain/order';

const [port, dataDir, clientId, ticketJson] = process.argv.slice(2) as [string, string, string, string];
const trading = createTrading({
  clock: systemClock,
  log: createLogBook({}).logger('child'),
  outlet: { broadcast() {}, emitTo() {}, quotes() {} },
  prefs: defaultSettings().preferences,
  gaugesEveryMs: 0,
});
await trading.orders.open(createOrderJournal({ dir: path.join(dataDir, 'journal'), name: 'crash-test' }), {
  id: 'crash-test',
  readOnly: false,
  limits: DEFAULT_LIMITS,
  demo: true,
});
trading.link.connect({ host: '127.0.0.1', port: Number(port), clientId: Number(clientId) });
await new Promise<void>((resolve) => {
  const off = trading.link.onReady(() => {
    off();
    resolve();
  });
});
await trading.orders.settled();
const result = await trading.orders.place(JSON.parse(ticketJson) as OrderTicket);
// "Placed" = TWS acknowledged it (its first status arrived); the fill has not happened yet.
const id = result.orderIds[0];
await new Promise<void>((resolve) => {
  const check = setInterval(() => {
    const o = trading.orders.list().find((x) => x.orderId === id);
    if (o && o.status !== 'Intent' && o.status !== 'PendingSubmit') {
      clearInterval(check);
      resolve();
    }
  }, 5);
});
process.stdout.write(`PLACED ${result.orderIds.join(',')}\n`);
setInterval(() => undefined, 60_000);
