// The TWS adapter's market depth: reqMktDepth as a stream of the connection (replayed with a fresh id after every
// reconnect), its updateMktDepth / updateMktDepthL2 messages mapped to the app's book changes. @stoqey/ib's raw
// events are used, not IBApiNext's book (which mishandled inserts until PR #168): the service keeps its own book.
// With benchProbe (npm run bench only) the demo gateway's stamp closing each beat's changes is passed on too.
import { EventName } from '../stoqey';
import { BENCH_STAMP_TICK, parseBenchStamp } from '../../../src-shared/bench-probe';
import type { DepthChange, DepthOperation } from '../../../src-shared/domain/depth';
import type { Link, StreamHandle } from '../connection';
import { numberOrNull as num, toIbContract, type ResolvedContract } from './convert';

export type DepthSink = {
  /** Before each (re)start: the book TWS is about to send starts empty. */
  starting(replay: boolean): void;
  change(change: DepthChange): void;
  /** A bench stamp (tickString 9901) after the changes it closes; only with the adapter's `benchProbe`. */
  probe?(tickId: number, tickAt: number): void;
  /** A TWS error/notice for this request; return what the connection should do with it. */
  error(code: number, message: string): 'keep' | 'end' | 'restart';
};

export interface DepthStreams {
  marketDepth(
    contract: ResolvedContract,
    opts: { rows: number; smart: boolean },
    sink: DepthSink,
  ): StreamHandle;
}

const OPERATIONS: readonly DepthOperation[] = ['insert', 'update', 'delete'];

/** TWS's numbers → a change, or null for a message that is not one (unknown operation or side). */
export function depthChange(
  position: unknown,
  operation: unknown,
  side: unknown,
  price: unknown,
  size: unknown,
  maker: unknown,
): DepthChange | null {
  const op = OPERATIONS[Number(operation)];
  const s = Number(side);
  if (op === undefined || (s !== 0 && s !== 1)) return null;
  return {
    side: s === 1 ? 'bid' : 'ask',
    position: Number(position),
    operation: op,
    price: num(price) ?? Number.NaN,
    // An unset size (stoqey: undefined for "") is no size, not an unreadable message.
    size: num(size) ?? 0,
    maker: typeof maker === 'string' ? maker : '',
  };
}

export function createDepthStreams(
  link: Link,
  opts: { benchProbe?: boolean | undefined } = {},
): DepthStreams {
  const benchProbe = opts.benchProbe ?? false;
  return {
    marketDepth(contract, opts, sink) {
      return link.stream({
        kind: 'depth',
        label: `depth ${contract.symbol}`,
        onStart: (replay) => sink.starting(replay),
        open: (api, id) => api.reqMktDepth(id, toIbContract(contract), opts.rows, opts.smart, []),
        close: (api, id) => api.cancelMktDepth(id, opts.smart),
        onEvent: (name, args) => {
          let change: DepthChange | null = null;
          // updateMktDepth: (reqId, position, operation, side, price, size)
          if (name === EventName.updateMktDepth)
            change = depthChange(args[1], args[2], args[3], args[4], args[5], '');
          // updateMktDepthL2: (reqId, position, marketMaker, operation, side, price, size, isSmartDepth)
          else if (name === EventName.updateMktDepthL2)
            change = depthChange(args[1], args[3], args[4], args[5], args[6], args[2]);
          else if (benchProbe && name === EventName.tickString && Number(args[1]) === BENCH_STAMP_TICK) {
            const stamp = parseBenchStamp(args[2]);
            if (stamp) sink.probe?.(stamp.tickId, stamp.tickAt);
          }
          if (change) sink.change(change);
        },
        onError: (code, message) => sink.error(code, message),
      });
    },
  };
}
