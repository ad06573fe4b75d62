// The TWS adapter's streams: quote lines, scanners, keep-up-to-date bars, positions, account values and PnL. Each is
// a stream of the connection manager, so it is replayed with a fresh request id after every reconnect; what its
// sink receives is the app's own types.
import { EventName } from '../stoqey';
import type { Contract, ContractDetails, IBApi, ScannerSubscription } from '@stoqey/ib';
import { BENCH_STAMP_TICK, parseBenchStamp } from '../../../src-shared/bench-probe';
import {
  barSizeSeconds,
  durationFor,
  durationSeconds,
  type Bar,
  type Duration,
} from '../../../src-shared/domain/bar';
import type { OptionGreeks } from '../../../src-shared/domain/option';
import { describeTwsCode, isPacingViolation } from '../../../src-shared/errors';
import type { Link, StreamHandle } from '../connection';
import type { StreamSpec } from '../connection/types';
import {
  fromIbContract,
  numberOrNull as num,
  scanCodeToken,
  toBar,
  toIbContract,
  type ResolvedContract,
} from './convert';
import { historyContractKey, historySignature, requestHistory, type HistorySpec } from './history-request';
import { MODEL_OPTION_TICKS, OPTION_GENERIC_TICKS, TICKS, toGreeks, type TickField } from './ticks';

export type MarketDataSink = {
  tick(field: TickField, value: number, delayed: boolean): void;
  /**
   * A bench stamp of the demo gateway (tickString 9901 "seq;epoch ms"), read only when the adapter runs with
   * `benchProbe`: the id of the tick batch it closes and when the gateway sent it.
   */
  probe?(tickId: number, tickAt: number): void;
  /** An option line's model greeks (tickOptionComputation 13, or 83 when delayed). */
  greeks?(greeks: OptionGreeks, delayed: boolean): void;
  /** TWS's marketDataType message for this line: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  dataType(type: number): void;
  /** A TWS error/warning for this line; return what the connection should do with the request. */
  error(code: number, message: string): 'keep' | 'end' | 'restart';
  /** Before each (re)start. */
  starting?(replay: boolean): void;
};

export type RawScanRow = {
  rank: number;
  contract: ResolvedContract;
  distance: string;
  benchmark: string;
  projection: string;
};

export type ScanSpec = {
  scanCode: string;
  instrument: string;
  location: string;
  rows: number;
  filters: Record<string, string | number | boolean>;
};

type PositionInfo = { account: string; contract: ResolvedContract; position: number; avgCost: number };
type PortfolioInfo = {
  account: string;
  contract: ResolvedContract;
  position: number;
  marketPrice: number | null;
  marketValue: number | null;
  avgCost: number | null;
  unrealizedPnl: number | null;
  realizedPnl: number | null;
};

export interface Streams {
  marketData(
    contract: ResolvedContract,
    opts: { delayed: () => boolean },
    sink: MarketDataSink,
  ): StreamHandle;
  scanner(
    spec: ScanSpec,
    sink: { rows(rows: RawScanRow[]): void; error(code: number, message: string): 'keep' | 'end' },
  ): StreamHandle;
  /** History with keepUpToDate: `initial` on each (re)start, then `update` per live bar. */
  historyLive(
    spec: Omit<HistorySpec, 'endTime'>,
    sink: { initial(bars: Bar[]): void; update(bar: Bar): void; error(code: number, message: string): void },
  ): StreamHandle;
  positions(sink: { position(p: PositionInfo): void; end(): void; starting(): void }): StreamHandle;
  accountSummary(
    tags: string,
    sink: { value(account: string, tag: string, value: string, currency: string): void; end(): void },
  ): StreamHandle;
  accountUpdates(
    account: string,
    sink: {
      value(key: string, value: string, currency: string, account: string): void;
      portfolio(p: PortfolioInfo): void;
      end(): void;
    },
  ): StreamHandle;
  pnl(
    account: string,
    sink: (daily: number | null, unrealized: number | null, realized: number | null) => void,
  ): StreamHandle;
  pnlSingle(
    account: string,
    conId: number,
    sink: (
      pos: number | null,
      daily: number | null,
      unrealized: number | null,
      realized: number | null,
      value: number | null,
    ) => void,
  ): StreamHandle;
}

export type StreamOptions = {
  /** Reads the demo gateway's bench stamps into MarketDataSink.probe (npm run bench only; off by default). */
  benchProbe?: boolean | undefined;
};

/**
 * A quote line's stream: a class at module level rather than an object of closures made per line, so a tick reaches
 * the sink through this one object (its methods shared by every line) instead of a closure and its context per line:
 * with 500 lines, each object a tick touches is a likely cache miss (the decoder's garbage streams through the cache).
 */
class QuoteLine implements StreamSpec {
  readonly kind = 'quotes';
  readonly label: string;
  constructor(
    private readonly link: Link,
    private readonly contract: ResolvedContract,
    private readonly lineOpts: { delayed: () => boolean },
    private readonly sink: MarketDataSink,
    private readonly benchProbe: boolean,
  ) {
    this.label = `quotes ${contract.symbol}`;
  }

  get cost(): number {
    return this.lineOpts.delayed() && this.link.marketDataType() < 3 ? 3 : 1;
  }

  onStart(replay: boolean): void {
    this.sink.starting?.(replay);
  }

  open(api: IBApi, id: number): void {
    const c = toIbContract(this.contract);
    const generic = this.contract.secType === 'OPT' ? OPTION_GENERIC_TICKS : '';
    const current = this.link.marketDataType();
    if (this.lineOpts.delayed() && current < 3) {
      // reqMarketDataType applies to the requests that follow it: switch, ask, switch back.
      api.reqMarketDataType(3);
      api.reqMktData(id, c, generic, false, false);
      api.reqMarketDataType(current);
    } else api.reqMktData(id, c, generic, false, false);
  }

  close(api: IBApi, id: number): void {
    api.cancelMktData(id);
  }

  onEvent(name: string, args: readonly unknown[]): void {
    const sink = this.sink;
    if (name === EventName.tickPrice || name === EventName.tickSize || name === EventName.tickGeneric) {
      const t = TICKS[Number(args[1])];
      const v = num(args[2]);
      if (t && v !== null && (v >= 0 || t[0] === 'close')) sink.tick(t[0], v, t[1]);
    } else if (name === EventName.tickString) {
      if (this.benchProbe && Number(args[1]) === BENCH_STAMP_TICK && sink.probe) {
        const stamp = parseBenchStamp(args[2]);
        if (stamp) sink.probe(stamp.tickId, stamp.tickAt);
      }
    } else if (name === EventName.tickOptionComputation) {
      const delayed = MODEL_OPTION_TICKS[Number(args[1])];
      if (delayed !== undefined) sink.greeks?.(toGreeks(args.slice(2)), delayed);
    } else if (name === EventName.marketDataType) sink.dataType(Number(args[1]));
  }

  onError(code: number, message: string): 'keep' | 'end' | 'restart' {
    return this.sink.error(code, message);
  }
}

export function createStreams(link: Link, opts: StreamOptions = {}): Streams {
  const benchProbe = opts.benchProbe ?? false;

  return {
    marketData(contract, lineOpts, sink) {
      return link.stream(new QuoteLine(link, contract, lineOpts, sink, benchProbe));
    },

    scanner(spec, sink) {
      let rows: RawScanRow[] = [];
      const filterTags = Object.entries(spec.filters).map(([tag, value]) => ({
        tag,
        value: typeof value === 'boolean' ? (value ? '1' : '0') : String(value),
      }));
      return link.stream({
        kind: 'scanner',
        label: `scanner ${spec.scanCode} ${spec.location}`,
        onStart: () => {
          rows = [];
        },
        open: (api, id) => {
          const sub: ScannerSubscription = {
            numberOfRows: spec.rows,
            instrument: spec.instrument as never,
            locationCode: spec.location as never,
            scanCode: scanCodeToken(spec.scanCode),
          };
          api.reqScannerSubscription(id, sub, [], filterTags);
        },
        close: (api, id) => api.cancelScannerSubscription(id),
        onEvent: (name, args) => {
          if (name === EventName.scannerData) {
            const details = args[2] as ContractDetails;
            rows.push({
              rank: Number(args[1]),
              contract: fromIbContract(details?.contract),
              distance: String(args[3] ?? ''),
              benchmark: String(args[4] ?? ''),
              projection: String(args[5] ?? ''),
            });
          } else if (name === EventName.scannerDataEnd) {
            // Each TWS scanner message is a full snapshot: hand it over whole and start the next one empty.
            const snapshot = rows.sort((a, b) => a.rank - b.rank);
            rows = [];
            sink.rows(snapshot);
          }
        },
        onError: (code, message) => sink.error(code, message),
      });
    },

    historyLive(spec, sink) {
      let bars: Bar[] = [];
      let initialDone = false;
      let lastBarTime: number | null = null;
      const barSec = barSizeSeconds(spec.barSize);
      // After a reconnect only the gap since the last bar is asked for: less to decode, and not the "identical
      // request within 15 s" TWS would refuse right after a drop.
      const duration = (): Duration => {
        if (lastBarTime === null) return spec.duration;
        const gap = Math.floor(Date.now() / 1000) - lastBarTime + 2 * barSec;
        const d = barSec >= 3600 ? durationFor(Math.max(86_400, gap)) : durationFor(gap);
        return durationSeconds(d) < durationSeconds(spec.duration) ? d : spec.duration;
      };
      return link.stream({
        kind: 'bars',
        label: `bars ${spec.contract.symbol} ${spec.barSize}`,
        get history() {
          return {
            signature: historySignature({ ...spec, duration: duration() }, true),
            contractKey: historyContractKey(spec),
          };
        },
        onStart: () => {
          bars = [];
          initialDone = false;
        },
        open: (api, id) => requestHistory(api, id, { ...spec, duration: duration() }, '', true),
        close: (api, id) => api.cancelHistoricalData(id),
        onEvent: (name, args, ctx) => {
          if (name === EventName.historicalData) {
            const time = String(args[1] ?? '');
            if (time.startsWith('finished')) {
              initialDone = true;
              ctx.historyDone();
              lastBarTime = bars.at(-1)?.time ?? lastBarTime;
              sink.initial(bars);
              bars = [];
              return;
            }
            const bar = toBar(time, args[2], args[3], args[4], args[5], args[6], args[7], args[8]);
            if (bar) bars.push(bar);
          } else if (name === EventName.historicalDataUpdate) {
            // @stoqey/ib emits (reqId, time, open, high, low, close, volume, count, WAP) in this order.
            const bar = toBar(
              String(args[1] ?? ''),
              args[2],
              args[3],
              args[4],
              args[5],
              args[6],
              args[7],
              args[8],
            );
            if (bar && initialDone) {
              lastBarTime = bar.time;
              sink.update(bar);
            }
          }
        },
        onError: (code, message) => {
          const info = describeTwsCode(code);
          if (info.severity !== 'error' && code !== 162) return 'keep';
          if (isPacingViolation(code, message)) return 'restart';
          sink.error(code, message);
          return 'end';
        },
      });
    },

    positions(sink) {
      return link.stream({
        kind: 'positions',
        label: 'positions',
        globalEvents: [EventName.position, EventName.positionEnd],
        onStart: () => sink.starting(),
        open: (api) => api.reqPositions(),
        close: (api) => api.cancelPositions(),
        onEvent: (name, args) => {
          if (name === EventName.position)
            sink.position({
              account: String(args[0] ?? ''),
              contract: fromIbContract(args[1] as Contract),
              position: num(args[2]) ?? 0,
              avgCost: num(args[3]) ?? 0,
            });
          else if (name === EventName.positionEnd) sink.end();
        },
      });
    },

    accountSummary(tags, sink) {
      return link.stream({
        kind: 'account',
        label: 'account summary',
        open: (api, id) => api.reqAccountSummary(id, 'All', tags),
        close: (api, id) => api.cancelAccountSummary(id),
        onEvent: (name, args) => {
          if (name === EventName.accountSummary)
            sink.value(String(args[1]), String(args[2]), String(args[3]), String(args[4] ?? ''));
          else if (name === EventName.accountSummaryEnd) sink.end();
        },
      });
    },

    accountUpdates(account, sink) {
      return link.stream({
        kind: 'account',
        label: `account updates ${account}`,
        globalEvents: [
          EventName.updateAccountValue,
          EventName.updatePortfolio,
          EventName.accountDownloadEnd,
          EventName.updateAccountTime,
        ],
        open: (api) => api.reqAccountUpdates(true, account),
        close: (api) => api.reqAccountUpdates(false, account),
        onEvent: (name, args) => {
          if (name === EventName.updateAccountValue)
            sink.value(String(args[0]), String(args[1]), String(args[2] ?? ''), String(args[3] ?? ''));
          else if (name === EventName.updatePortfolio)
            sink.portfolio({
              contract: fromIbContract(args[0] as Contract),
              position: num(args[1]) ?? 0,
              marketPrice: num(args[2]),
              marketValue: num(args[3]),
              avgCost: num(args[4]),
              unrealizedPnl: num(args[5]),
              realizedPnl: num(args[6]),
              account: String(args[7] ?? account),
            });
          else if (name === EventName.accountDownloadEnd) sink.end();
        },
      });
    },

    pnl(account, sink) {
      return link.stream({
        kind: 'pnl',
        label: `PnL ${account}`,
        open: (api, id) => api.reqPnL(id, account, ''),
        close: (api, id) => api.cancelPnL(id),
        onEvent: (name, args) => {
          if (name === EventName.pnl) sink(num(args[1]), num(args[2]), num(args[3]));
        },
      });
    },

    pnlSingle(account, conId, sink) {
      return link.stream({
        kind: 'position-pnl',
        label: `PnL ${account} ${conId}`,
        open: (api, id) => api.reqPnLSingle(id, account, '', conId),
        close: (api, id) => api.cancelPnLSingle(id),
        onEvent: (name, args) => {
          if (name === EventName.pnlSingle)
            sink(num(args[1]), num(args[2]), num(args[3]), num(args[4]), num(args[5]));
        },
      });
    },
  };
}
