// The trading core as the child programs of the crash and bad-frame tests run it: the real services with no
// window (the outlet drops events), an order journal of its own in the data dir, order entry open on a demo profile.
import path from 'node:path';
import { systemClock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import { DEFAULT_LIMITS, defaultSettings } from '../../src-shared/domain/settings';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { createTrading, type Trading } from '../../src-main/trading';

export async function childTrading(log: Logger, dataDir: string, name: string): Promise<Trading> {
  const trading = createTrading({
    clock: systemClock,
    log,
    outlet: { broadcast() {}, emitTo() {}, quotes() {} },
    prefs: defaultSettings().preferences,
    gaugesEveryMs: 0,
  });
  await trading.orders.open(createOrderJournal({ dir: path.join(dataDir, 'journal'), name }), {
    id: name,
    readOnly: false,
    limits: DEFAULT_LIMITS,
    demo: true,
  });
  return trading;
}
