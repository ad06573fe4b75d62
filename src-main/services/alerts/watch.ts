// Whether an alert is watched right now, in plain words for the Alerts pane (the note follows the state's label): paused, spent, waiting for data, or
// not watched because its symbol has no market-data line (the budget is full).
import { mayFire } from '../../../src-shared/domain/alert-rules';
import type { Alert, AlertView } from '../../../src-shared/domain/alerts';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import type { Quote } from '../../../src-shared/domain/quote';

export function watchOf(
  alert: Alert,
  quote: Quote | undefined,
  connection: ConnectionState,
): Pick<AlertView, 'watch' | 'note'> {
  if (!alert.enabled) return { watch: 'paused', note: 'resume it to watch again' };
  if (!mayFire(alert, Number.MAX_SAFE_INTEGER))
    return { watch: 'spent', note: 'once; edit it to arm it again' };
  if (alert.kind === 'fill') return { watch: 'watching', note: null };
  // The app runs no scan of its own for an alert: a Scanner pane's scan is what it reads.
  if (alert.kind === 'scanner')
    return connection === 'ready'
      ? { watch: 'watching', note: `while a Scanner pane runs ${alert.scanCode}` }
      : { watch: 'waiting', note: 'for the connection to TWS' };
  if (alert.kind === 'connection-lost')
    return connection === 'disconnected'
      ? { watch: 'waiting', note: 'starts when the connection is up' }
      : { watch: 'watching', note: null };
  if (connection !== 'ready') return { watch: 'waiting', note: 'for the connection to TWS' };
  if (quote?.state === 'no-line')
    return {
      watch: 'no-line',
      note: 'the market-data line budget is full (close a row elsewhere or raise it in Settings)',
    };
  if (quote?.state === 'error') return { watch: 'waiting', note: quote.note ?? 'The quote line stopped' };
  if (!quote || quote.state === 'pending') return { watch: 'waiting', note: 'for the first quote' };
  return { watch: 'watching', note: null };
}
