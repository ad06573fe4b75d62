// What the user would see of every subscription: the last time each quote, scanner and chart delivered something,
// read from the trading core's outlet (the hub's place in the app), and which of them have been silent since a time.
import type { Quote } from '../../src-shared/domain/quote';
import type { Outlet } from '../../src-main/trading';

export interface TickWatch {
  /** Pass as the trading core's outlet. */
  readonly outlet: Outlet;
  /** The subscriptions (of `keys`) that delivered nothing after `since`, epoch ms (0: never delivered). */
  silentSince(keys: readonly string[], since: number): string[];
}

export function createTickWatch(now: () => number = Date.now): TickWatch {
  const lastTick = new Map<string, number>();
  return {
    outlet: {
      broadcast: () => undefined,
      emitTo: (_client, event, payload) => {
        if (event === 'scan') {
          const p = payload as { scanId: string; stopped?: unknown };
          if (!p.stopped) lastTick.set(`scanner ${p.scanId}`, now());
        } else if (event === 'bars') lastTick.set(`chart ${(payload as { subId: string }).subId}`, now());
      },
      quotes: (qs: readonly Quote[]) => {
        const at = now();
        for (const q of qs) if (q.state === 'live') lastTick.set(`quote ${q.conId}`, at);
      },
    },
    silentSince: (keys, since) => keys.filter((k) => (lastTick.get(k) ?? 0) <= since),
  };
}
