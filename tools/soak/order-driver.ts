// The soak's order driver: every 0.4–2 s, whatever the connection state, it places (MKT, LMT resting and
// marketable, STP, brackets), cancels or modifies a random valid order through the app's order service, and records
// every call for the verdict (checks.ts). Seeded: the same seed gives the same stream of decisions.
import { OrderModify, OrderTicket, isWorking } from '../../src-shared/domain/order';
import { AppError } from '../../src-shared/result';
import { stockContract, type Prng } from '../../src-main/demo-gateway/index';
import type { ResolvedContract } from '../../src-main/ib/adapter/index';
import type { Trading } from '../../src-main/trading';
import type { ModifyCall, PlaceCall } from './checks';
import { sleep } from './until';

export type OrderDriverDeps = {
  trading: Trading;
  contracts: readonly ResolvedContract[];
  rng: Prng;
  /** A line for the soak's log (a refusal, an invalid generated ticket). */
  note(text: string): void;
};

export interface OrderDriver {
  readonly placeCalls: PlaceCall[];
  readonly modifyCalls: ModifyCall[];
  /** Refusals of place() other than NOT_CONNECTED, by error code (SCHEMA: the generator's own fault). */
  readonly otherRefusals: Record<string, number>;
  readonly modifyRefusals: Record<string, number>;
  cancels(): { sent: number; refused: number };
  /** Stops after the decision in progress. */
  stop(): Promise<void>;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * A random ticket for a contract at its current quote, not yet checked against the schema: the draws are made in a
 * fixed order (side, quantity, type, distance, then TIF for non-market orders), so a seed replays them.
 */
export function drawTicket(
  rng: Prng,
  c: ResolvedContract,
  q: { last: number; bid: number; ask: number },
): Record<string, unknown> {
  const between = (lo: number, hi: number) => lo + rng.next() * (hi - lo);
  const last = q.last;
  const action = rng.next() < 0.5 ? 'BUY' : 'SELL';
  const buy = action === 'BUY';
  const quantity = 1 + Math.floor(rng.next() * 20);
  const r = rng.next();
  const away = between(0.01, 0.05);
  const ticket =
    r < 0.3
      ? { orderType: 'MKT' }
      : r < 0.65
        ? { orderType: 'LMT', limitPrice: round(buy ? last * (1 - away) : last * (1 + away)) }
        : r < 0.8
          ? { orderType: 'LMT', limitPrice: round(buy ? q.ask * 1.003 : q.bid * 0.997) }
          : r < 0.92
            ? { orderType: 'STP', stopPrice: round(buy ? last * (1 + away) : last * (1 - away)) }
            : {
                orderType: 'LMT',
                limitPrice: round(buy ? last * 0.995 : last * 1.005),
                bracket: {
                  takeProfit: round(buy ? last * 1.06 : last * 0.94),
                  stopLoss: round(buy ? last * 0.94 : last * 1.06),
                },
              };
  return {
    contract: stockContract(c),
    action,
    quantity,
    tif: ticket.orderType !== 'MKT' && rng.next() < 0.5 ? 'GTC' : 'DAY',
    outsideRth: true,
    ...ticket,
  };
}

export function startOrderDriver(deps: OrderDriverDeps): OrderDriver {
  const { trading, contracts, rng, note } = deps;
  const between = (lo: number, hi: number) => lo + rng.next() * (hi - lo);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)] as T;
  const placeCalls: PlaceCall[] = [];
  const modifyCalls: ModifyCall[] = [];
  const otherRefusals: Record<string, number> = {};
  const modifyRefusals: Record<string, number> = {};
  let cancelsSent = 0;
  let cancelsRefused = 0;
  let stopping = false;

  async function placeRandom(): Promise<void> {
    const c = pick(contracts);
    const q = trading.marketData.quote(c.conId);
    const last = q?.last ?? null;
    if (last === null || q?.bid == null || q.ask == null) return;
    const parsed = OrderTicket.safeParse(drawTicket(rng, c, { last, bid: q.bid, ask: q.ask }));
    if (!parsed.success) {
      // The generator's fault, not the app's: counted and shown, so an invalid generator cannot hide.
      otherRefusals.SCHEMA = (otherRefusals.SCHEMA ?? 0) + 1;
      note(`generated an invalid ticket: ${parsed.error.message}`);
      return;
    }
    const call: PlaceCall = {
      at: Date.now(),
      ready: trading.link.isReady(),
      outcome: 'failed',
      orderIds: [],
    };
    placeCalls.push(call);
    try {
      const res = await trading.orders.place(parsed.data);
      call.outcome = 'placed';
      call.orderIds = res.orderIds;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'ERROR';
      call.code = code;
      if (code === 'NOT_CONNECTED') call.outcome = 'refused';
      else otherRefusals[code] = (otherRefusals[code] ?? 0) + 1;
      if (code !== 'NOT_CONNECTED') note(`place refused (${code}): ${(err as Error).message}`);
    }
  }

  async function cancelRandom(): Promise<void> {
    const working = trading.orders
      .list()
      .filter((x) => !x.external && isWorking(x.status) && x.status !== 'Intent' && x.parentId === null);
    if (working.length === 0) return;
    const target = pick(working);
    try {
      await trading.orders.cancel(target.orderId);
      cancelsSent++;
    } catch {
      cancelsRefused++;
    }
  }

  async function modifyRandom(): Promise<void> {
    const working = trading.orders
      .list()
      .filter(
        (x) =>
          !x.external &&
          (x.status === 'Submitted' || x.status === 'PreSubmitted') &&
          x.parentId === null &&
          x.filled === 0 &&
          (x.orderType === 'LMT' || x.orderType === 'STP'),
      );
    if (working.length === 0) return;
    const target = pick(working);
    const nudge = 1 + between(-0.01, 0.01);
    const change =
      rng.next() < 0.5
        ? { quantity: 1 + Math.floor(rng.next() * 20) }
        : target.orderType === 'LMT'
          ? { limitPrice: round((target.limitPrice ?? 0) * nudge) }
          : { stopPrice: round((target.stopPrice ?? 0) * nudge) };
    const parsed = OrderModify.safeParse({ orderId: target.orderId, ...change });
    if (!parsed.success) return;
    try {
      await trading.orders.modify(parsed.data);
      modifyCalls.push({ orderId: target.orderId, outcome: 'sent' });
    } catch (err) {
      modifyCalls.push({ orderId: target.orderId, outcome: 'not-sent' });
      const code = err instanceof AppError ? err.code : 'ERROR';
      modifyRefusals[code] = (modifyRefusals[code] ?? 0) + 1;
    }
  }

  const loop = (async () => {
    while (!stopping) {
      await sleep(between(400, 2_000));
      if (stopping) break;
      const r = rng.next();
      if (r < 0.6) await placeRandom();
      else if (r < 0.85) await cancelRandom();
      else await modifyRandom();
    }
  })();

  return {
    placeCalls,
    modifyCalls,
    otherRefusals,
    modifyRefusals,
    cancels: () => ({ sent: cancelsSent, refused: cancelsRefused }),
    async stop() {
      stopping = true;
      await loop;
    },
  };
}
