// Run in a child process by the bad-frame test, so that a reader that spins forever or an exception that escapes
// the socket is a clean test failure (a timeout or an exit), not a hung test runner. The trading core connects to
// the port it is given and answers one JSON command per stdin line; it reports on stdout, one JSON object a line:
// {ready: n} after each (re)connect, {log} for warnings and errors, {placed}/{error} for orders.
import readline from 'node:readline';
import { createLogBook } from '../../src-main/logging/log-book';
import { childTrading } from './child-trading';
import { AppError } from '../../src-shared/result';
import { OrderTicket } from '../../src-shared/domain/order';

const [port, dataDir, clientId] = process.argv.slice(2) as [string, string, string];
const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
const logBook = createLogBook({});
logBook.subscribe((e) => {
  if (e.level === 'warn' || e.level === 'error') say({ log: { level: e.level, message: e.message } });
});
const trading = await childTrading(logBook.logger('child'), dataDir, 'frames');
let readies = 0;
trading.link.onReady(() => {
  readies++;
  void trading.orders.settled().then(() => say({ ready: readies }));
});
// Keep a quote stream open so there is traffic to tamper with.
trading.marketData.subscribe({ key: 'w', clientId: 'w' }, [
  { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
]);
trading.link.connect({ host: '127.0.0.1', port: Number(port), clientId: Number(clientId) });

for await (const line of readline.createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as { cmd: 'place'; ticket: OrderTicket } | { cmd: 'state' } | { cmd: 'quit' };
  if (cmd.cmd === 'place') {
    try {
      // Parsed as the dispatcher parses it (defaults filled in), as any window's ticket is.
      const r = await trading.orders.place(OrderTicket.parse(cmd.ticket));
      say({ placed: r.orderIds });
    } catch (err) {
      say({ error: err instanceof AppError ? err.toData() : { code: 'THROWN', message: String(err) } });
    }
  } else if (cmd.cmd === 'state') {
    say({
      state: trading.link.status().state,
      orders: trading.orders.list().map((o) => [o.orderId, o.status]),
    });
  } else {
    await trading.stop();
    say({ bye: true });
    process.exit(0);
  }
}
