// What a TWS API client does with depth messages: rows by side and position, built from insert/update/delete
// operations exactly as ib_async and IB's sample clients apply them (an operation on a row that does not exist is
// an error, as Python's IndexError is there), emptied on 317. Also a manually clocked gateway's step: move the
// clock, then wait until the client has everything the beats sent (a reqCurrentTime round trip behind them), a
// gateway of its own for one test, and what a cancel or a loss of the market data (1101) leaves of the streams.
import { expect } from 'vitest';
import { EventName } from '@stoqey/ib';
import { connect, startGateway } from './helpers';
import type { Client } from './helpers';
import type { ManualClock } from '../../support/manual-clock';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import type { DemoGatewayOptions } from '../../../src-main/demo-gateway/gateway-options';

export interface Row {
  price: number;
  size: number;
  marketMaker: string;
}

export class ClientBook {
  readonly sides: [Row[], Row[]] = [[], []];
  readonly counts = [0, 0, 0];

  /** Applies one operation; side 0 ask, 1 bid. */
  apply(position: number, operation: number, side: number, row: Row): void {
    const rows = this.sides[side as 0 | 1];
    if (!rows || operation < 0 || operation > 2)
      throw new Error(`bad side ${side} or operation ${operation}`);
    this.counts[operation] = (this.counts[operation] as number) + 1;
    if (operation === 0) {
      if (position > rows.length) throw new Error(`insert at ${position} into ${rows.length} rows`);
      rows.splice(position, 0, row);
    } else if (position >= rows.length) {
      throw new Error(`${operation === 1 ? 'update' : 'delete'} of row ${position} of ${rows.length}`);
    } else if (operation === 1) {
      rows[position] = row;
    } else {
      rows.splice(position, 1);
    }
  }

  clear(): void {
    this.sides[0].length = 0;
    this.sides[1].length = 0;
  }
}

/**
 * A client's book for one depth request id, fed from @stoqey/ib's updateMktDepthL2 / updateMktDepth events and
 * emptied by 317, in arrival order (events and errors share the client's event log).
 */
export function bookOf(c: Client, reqId: number): ClientBook {
  const book = new ClientBook();
  for (const e of c.events) {
    const a = e.args;
    if (e.name === EventName.updateMktDepthL2 && a[0] === reqId) {
      book.apply(a[1] as number, a[3] as number, a[4] as number, {
        price: a[5] as number,
        size: a[6] as number,
        marketMaker: a[2] as string,
      });
    } else if (e.name === EventName.updateMktDepth && a[0] === reqId) {
      book.apply(a[1] as number, a[2] as number, a[3] as number, {
        price: a[4] as number,
        size: a[5] as number,
        marketMaker: '',
      });
    } else if (e.name === EventName.error && a[1] === 317 && a[2] === reqId) {
      book.clear();
    }
  }
  return book;
}

/** Advances the gateway's clock by `ms` (its beats run), then waits until client `c` has what they sent. */
export async function step(clock: ManualClock, c: Client, ms: number): Promise<void> {
  clock.advance(ms);
  await sync(c);
}

/** After a cancel: the beats of 2 s bring no more `event` for `reqId`, and the gateway holds no `stream`. */
export async function expectSilentAfterCancel(
  gw: DemoGateway,
  clock: ManualClock,
  c: Client,
  cancelled: { event: string; reqId: number; stream: 'depth' | 'tickByTick' },
): Promise<void> {
  await step(clock, c, 250);
  const n = c.of(cancelled.event, cancelled.reqId).length;
  await step(clock, c, 2000);
  expect(c.of(cancelled.event, cancelled.reqId).length).toBe(n);
  expect(gw.subscriptions()[cancelled.stream]).toBe(0);
}

/** TWS loses the market data (1101): the client is told, and the gateway forgets every `stream`, as TWS does. */
export async function expectDataLossForgets(
  gw: DemoGateway,
  clock: ManualClock,
  c: Client,
  stream: 'depth' | 'tickByTick',
): Promise<void> {
  gw.faults.connectivityLoss('data-lost', 500);
  await step(clock, c, 1000);
  await c.waitCode(1101);
  expect(gw.subscriptions()[stream]).toBe(0);
}

/** Waits for a reqCurrentTime answer: the gateway answers in order, so everything sent before it has arrived. */
export async function sync(c: Client): Promise<void> {
  const n = c.of(EventName.currentTime).length;
  c.ib.reqCurrentTime();
  await c.waitFor(() => c.of(EventName.currentTime).length > n, 'currentTime');
}

/**
 * A gateway of its own and client 1 on it for one test: `body` runs, then the client must have decoded everything
 * (no 505 from @stoqey/ib), and both are closed whatever happened.
 */
export async function withClient(
  opts: DemoGatewayOptions,
  body: (gw: DemoGateway, c: Client) => Promise<void>,
): Promise<void> {
  const gw = await startGateway(opts);
  const c = await connect(gw, 1);
  try {
    await body(gw, c);
    expect(c.decodeErrors()).toEqual([]);
  } finally {
    c.close();
    await gw.close();
  }
}
