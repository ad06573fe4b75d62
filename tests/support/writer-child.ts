// Run in a child process by the crash-mid-write test: writes without pause until it is killed (SIGKILL, so no
// cleanup runs), saying on stdout after each write has returned, i.e. is durable by the writer's promise.
import { writeJsonAtomic } from '../../src-main/config/json-file';
import { createOrderJournal } from '../../src-main/services/orders/journal';

const [mode, target] = process.argv.slice(2) as ['json' | 'journal', string];
const pad = 'x'.repeat(256 * 1024);
if (mode === 'json') {
  for (let seq = 1; ; seq++) {
    await writeJsonAtomic(target, { version: 1, seq, pad });
    process.stdout.write(`${seq}\n`);
  }
} else {
  const journal = createOrderJournal({ dir: target, name: 'crash' });
  for (let seq = 1; ; seq++) {
    await journal.append({ t: 'reconcile', at: seq, orderId: seq, note: pad.slice(0, 4096) });
    process.stdout.write(`${seq}\n`);
  }
}
