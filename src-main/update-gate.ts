// Updates: when to look for one (on start, then daily) and whether a downloaded update may restart the app. A
// restart never happens while orders are working without asking, and the orders are looked at again when the user
// answers: one may have been placed while the question was on screen.
import type { Clock, Timer } from '../src-shared/clock';
import type { Logger } from '../src-shared/logger';
import { isWorking, type Order } from '../src-shared/domain/order';

const UPDATE_CHECK = {
  /** After start: let the connection and the windows settle first. */
  firstDelayMs: 60_000,
  everyMs: 24 * 60 * 60 * 1000,
};

/** What the orders service says is working at TWS, or why it cannot say. */
export type WorkingOrders = { known: true; orders: readonly Order[] } | { known: false; reason: string };

/** Working orders, counting `Unknown` ones (the journal could not tell) as working: better to ask. */
export function workingFrom(orders: readonly Order[]): WorkingOrders {
  return { known: true, orders: orders.filter((o) => isWorking(o.status) || o.status === 'Unknown') };
}

export type RestartPrompt = {
  kind: 'idle' | 'orders-working' | 'orders-unknown';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  /** The button that restarts. */
  restartId: number;
};

function describe(o: Order): string {
  const price =
    o.limitPrice !== null ? ` ${o.limitPrice}` : o.stopPrice !== null ? ` stop ${o.stopPrice}` : '';
  return `#${o.orderId} ${o.action} ${o.remaining} ${o.contract.symbol} ${o.orderType}${price} (${o.status})`;
}

const LATER =
  'The update installs the next time you quit IBDesk. Orders stay at TWS while IBDesk is closed; after a restart IBDesk reconciles them with TWS.';

export function restartPrompt(version: string, working: WorkingOrders): RestartPrompt {
  const title = 'IBDesk update';
  if (working.known && working.orders.length === 0) {
    return {
      kind: 'idle',
      title,
      message: `IBDesk ${version} is ready to install.`,
      detail: `Restart now to use it, or later: ${LATER}`,
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      restartId: 0,
    };
  }
  const listed = working.known
    ? [
        ...working.orders.slice(0, 5).map(describe),
        ...(working.orders.length > 5 ? [`… and ${working.orders.length - 5} more`] : []),
      ].join('\n')
    : '';
  return {
    kind: working.known ? 'orders-working' : 'orders-unknown',
    title,
    message: working.known
      ? `IBDesk ${version} is ready to install, but ${working.orders.length} order${working.orders.length === 1 ? ' is' : 's are'} working.`
      : `IBDesk ${version} is ready to install, but IBDesk cannot tell whether orders are working (${working.reason}).`,
    detail: `${listed ? `${listed}\n\n` : ''}While IBDesk restarts you will not see fills or be able to cancel from IBDesk (TWS itself keeps working). ${LATER}`,
    buttons: ['Later', 'Restart anyway'],
    defaultId: 0,
    cancelId: 0,
    restartId: 1,
  };
}

export type RestartDecision = 'restart' | 'defer' | 'ask-again';

/**
 * After the user answered `prompt` with button `answer`: restart only if they chose to and nothing changed under
 * the question (no order became working after they were told none was).
 */
export function decideRestart(prompt: RestartPrompt, answer: number, now: WorkingOrders): RestartDecision {
  if (answer !== prompt.restartId) return 'defer';
  if (prompt.kind === 'idle' && (!now.known || now.orders.length > 0)) return 'ask-again';
  return 'restart';
}

/** Checks for updates `firstDelayMs` after start, then every `everyMs`; a failed check only logs. */
export function createUpdateSchedule(deps: {
  clock: Clock;
  check: () => Promise<unknown>;
  log: Logger;
  firstDelayMs?: number;
  everyMs?: number;
}): { start(): void; stop(): void } {
  const first = deps.firstDelayMs ?? UPDATE_CHECK.firstDelayMs;
  const every = deps.everyMs ?? UPDATE_CHECK.everyMs;
  let firstTimer: Timer | null = null;
  let dailyTimer: Timer | null = null;
  let running = false;
  const run = (): void => {
    if (running) return;
    running = true;
    deps
      .check()
      .catch((err: unknown) =>
        deps.log.warn(`Update check failed: ${err instanceof Error ? err.message : String(err)}`, {
          action: `trying again in ${Math.round(every / 3_600_000)} h`,
        }),
      )
      .finally(() => (running = false));
  };
  return {
    start() {
      if (firstTimer !== null || dailyTimer !== null) return;
      firstTimer = deps.clock.setTimeout(() => {
        firstTimer = null;
        run();
        dailyTimer = deps.clock.setInterval(run, every);
      }, first);
    },
    stop() {
      if (firstTimer !== null) deps.clock.clearTimeout(firstTimer);
      if (dailyTimer !== null) deps.clock.clearInterval(dailyTimer);
      firstTimer = dailyTimer = null;
    },
  };
}
