// Run in a child process by the crash test: connects, places one order through the real services, says so on
// stdout, then waits to be killed (SIGKILL: no shutdown code runs, exactly like a crash).
import { createLogBook } from '../../src-main/logging/log-book';
import { childTrading } from './child-trading';
import type { OrderTicket } from '../../src-shared/domain/order';

const [port, dataDir, clientId, ticketJson] = process.argv.slice(2) as [string, string, string, string];
const trading = await childTrading(createLogBook({}).logger('child'), dataDir, 'crash-test');
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
