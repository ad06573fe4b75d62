// When to raise an OS notification: a fill, and a connection that has been lost for more than 30 s (and its
// return). Pure decisions over the `connection` and `executions` events, with an injected clock; the Electron
// glue (notifications.ts) only shows what this decides.
import type { ConnectionState, ConnectionStatus } from '../../src-shared/domain/connection';
import type { Execution } from '../../src-shared/domain/order';
import type { Clock, Timer } from '../../src-shared/clock';

export type Alert = {
  /** `alert`: one of the user's alerts fired (main's alerts service decided it; shown as it comes). */
  kind: 'connection-lost' | 'connection-back' | 'fill' | 'alert';
  title: string;
  body: string;
};

const LOST_AFTER_MS = 30_000;

/**
 * States that mean "the live session is gone and IBDesk is trying to get it back" when they follow `ready`:
 * reconnecting (socket lost, heartbeat silent, 502/504), the retries passing through connecting/handshaking, and
 * degraded (1100: TWS lost IB's servers). `disconnected` is a stop — by the user, or a fatal error (326) that the
 * window shows — and ends the watch without a notification.
 */
const OUTAGE: readonly ConnectionState[] = ['reconnecting', 'connecting', 'handshaking', 'degraded'];

const SEEN_LIMIT = 10_000;

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
}

function price(p: number): string {
  return Number.isInteger(p) ? p.toFixed(2) : String(Number(p.toFixed(6)));
}

export interface AlertRules {
  onStatus(status: ConnectionStatus): void;
  onExecutions(executions: readonly Execution[]): void;
  stop(): void;
}

export function createAlertRules(deps: {
  clock: Clock;
  notify: (alert: Alert) => void;
  lostAfterMs?: number;
  /** Fills older than this (epoch ms) are history (the day's executions replayed at connect), not news. */
  since?: number;
}): AlertRules {
  const { clock, notify } = deps;
  const lostAfter = deps.lostAfterMs ?? LOST_AFTER_MS;
  const since = (deps.since ?? clock.now()) - 5_000; // TWS's clock may lag ours a little
  let live = false; // a session was ready: an outage can start
  let outageSince: number | null = null;
  let notified = false;
  let timer: Timer | null = null;
  let last: ConnectionStatus | null = null;
  const seen = new Set<string>();

  function clearTimer(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  function lostAlert(s: ConnectionStatus, forMs: number): Alert {
    const where = `${s.profileName} (${s.host}:${s.port})`;
    if (s.state === 'degraded') {
      return {
        kind: 'connection-lost',
        title: 'TWS lost its connection to IB',
        body: `For ${seconds(forMs)}: TWS at ${where} is not connected to IB's servers, so prices and orders are not moving. TWS reconnects by itself.`,
      };
    }
    const reason = s.reason ? ` ${s.reason}${s.twsCode !== null ? ` (TWS ${s.twsCode})` : ''}.` : '';
    return {
      kind: 'connection-lost',
      title: 'Connection to TWS lost',
      body: `No connection to ${where} for ${seconds(forMs)}.${reason} IBDesk keeps retrying; orders already at TWS keep working there.`,
    };
  }

  return {
    onStatus(s) {
      last = s;
      if (s.state === 'ready') {
        if (notified && outageSince !== null) {
          notify({
            kind: 'connection-back',
            title: 'Connection to TWS restored',
            body: `${s.profileName} is connected again after ${seconds(clock.now() - outageSince)}.`,
          });
        }
        live = true;
        outageSince = null;
        notified = false;
        clearTimer();
        return;
      }
      if (s.state === 'disconnected') {
        live = false;
        outageSince = null;
        notified = false;
        clearTimer();
        return;
      }
      if (!live || !OUTAGE.includes(s.state) || outageSince !== null) return;
      outageSince = clock.now();
      const started = outageSince;
      timer = clock.setTimeout(() => {
        timer = null;
        if (outageSince !== started || !last || !OUTAGE.includes(last.state)) return;
        notified = true;
        notify(lostAlert(last, clock.now() - started));
      }, lostAfter);
    },

    onExecutions(executions) {
      const fresh = executions.filter((e) => !seen.has(e.execId) && e.time >= since);
      for (const e of executions) seen.add(e.execId);
      if (seen.size > SEEN_LIMIT) {
        const drop = seen.size - SEEN_LIMIT;
        let i = 0;
        for (const id of seen) {
          if (i++ >= drop) break;
          seen.delete(id);
        }
      }
      if (fresh.length === 0) return;
      // One notification per order and batch: partial fills of one order arrive together.
      const byOrder = new Map<string, Execution[]>();
      for (const e of fresh) {
        const key = `${e.orderId}:${e.side}:${e.contract.symbol}`;
        byOrder.set(key, [...(byOrder.get(key) ?? []), e]);
      }
      const alerts = [...byOrder.values()].map((fills) => {
        const shares = fills.reduce((n, f) => n + f.shares, 0);
        const avg = fills.reduce((n, f) => n + f.shares * f.price, 0) / shares;
        const first = fills[0]!;
        const title = `${first.side === 'BUY' ? 'Bought' : 'Sold'} ${shares} ${first.contract.symbol}`;
        const how = fills.length > 1 ? ` on average (${fills.length} fills)` : '';
        return { title, body: `at ${price(avg)}${how}, order #${first.orderId}` };
      });
      if (alerts.length <= 3) {
        for (const a of alerts) notify({ kind: 'fill', ...a });
      } else {
        notify({
          kind: 'fill',
          title: `${fresh.length} fills on ${alerts.length} orders`,
          body: [...alerts.slice(0, 3).map((a) => `${a.title} ${a.body.split(',')[0]}`), '…'].join('\n'),
        });
      }
    },

    stop() {
      clearTimer();
    },
  };
}
