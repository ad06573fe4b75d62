// The domain-level face of TWS that services use: one-shot requests, streams (replayed after reconnects by the
// link), and orders (never queued across a connection, never re-sent). Only this folder touches @stoqey/ib; what
// leaves it is the app's own types.
import type { OrderType as IbOrderType } from '@stoqey/ib';
import {
  EventName,
  OrderAction,
  type CommissionReport,
  type Contract,
  type ContractDescription,
  type ContractDetails,
  type Execution as IbExecution,
  type Order as IbOrder,
  type OrderState,
  type ScannerSubscription,
  type TimeInForce,
} from '@stoqey/ib';
import {
  barSizeSeconds,
  durationFor,
  durationSeconds,
  type Bar,
  type BarSize,
  type Duration,
  type WhatToShow,
} from '../../../src-shared/domain/bar';
import type { ContractRef, Instrument, SymbolMatch } from '../../../src-shared/domain/instrument';
import type { OrderAction as Side, OrderStatus } from '../../../src-shared/domain/order';
import { describeTwsCode, isPacingViolation, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import {
  formatTwsUtc,
  fromIbContract,
  parseExecTime,
  scanCodeToken,
  toBar,
  toIbContract,
  toInstrument,
  toSymbolMatch,
} from './convert';
import type { GlobalEventName, Link, StreamHandle } from '../connection';
import { Priority } from '../connection/pacer';

export type ResolvedContract = ContractRef & { conId: number };

export type TickField =
  'bid' | 'ask' | 'last' | 'bidSize' | 'askSize' | 'lastSize' | 'volume' | 'high' | 'low' | 'open' | 'close';

/** TWS tick ids → quote fields; the delayed twins (66–76) map to the same fields. */
const TICKS: Record<number, [TickField, boolean]> = {
  0: ['bidSize', false],
  1: ['bid', false],
  2: ['ask', false],
  3: ['askSize', false],
  4: ['last', false],
  5: ['lastSize', false],
  6: ['high', false],
  7: ['low', false],
  8: ['volume', false],
  9: ['close', false],
  14: ['open', false],
  66: ['bid', true],
  67: ['ask', true],
  68: ['last', true],
  69: ['bidSize', true],
  70: ['askSize', true],
  71: ['lastSize', true],
  72: ['high', true],
  73: ['low', true],
  74: ['volume', true],
  75: ['close', true],
  76: ['open', true],
};

/** Private tick type of the demo gateway's bench stamps: tickString(9901, "<seq>;<epoch ms>") (never from TWS). */
export const BENCH_STAMP_TICK = 9901;

export type MarketDataSink = {
  tick(field: TickField, value: number, delayed: boolean): void;
  /**
   * A bench stamp of the demo gateway (tickString 9901 "seq;epoch ms", only when it runs with benchStamps): the id
   * of the tick batch it closes and when the gateway sent it, carried to the window (tick → paint).
   */
  stamp?(tickId: number, sentAt: number): void;
  /** TWS's marketDataType message for this line: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  dataType(type: number): void;
  /** A TWS error/warning for this line; return what the link should do with the request. */
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

export type HistorySpec = {
  contract: ResolvedContract;
  barSize: BarSize;
  duration: Duration;
  /** Unix seconds; omitted = now. */
  endTime?: number | undefined;
  whatToShow: WhatToShow;
  useRTH: boolean;
};

export type OrderSpec = {
  action: Side;
  quantity: number;
  orderType: 'MKT' | 'LMT' | 'STP' | 'STP LMT' | 'TRAIL';
  limitPrice?: number | undefined;
  /** STP / STP LMT trigger, or TRAIL's trailing amount. */
  auxPrice?: number | undefined;
  trailingPercent?: number | undefined;
  tif: 'DAY' | 'GTC' | 'IOC';
  outsideRth: boolean;
  parentId?: number | undefined;
  ocaGroup?: string | undefined;
  /** Must be explicit: TWS holds an order whose transmit flag is empty. */
  transmit: boolean;
  account?: string | undefined;
  orderRef?: string | undefined;
};

export type OpenOrderInfo = {
  orderId: number;
  permId: number | null;
  clientId: number | null;
  parentId: number | null;
  account: string;
  contract: ResolvedContract;
  action: Side;
  quantity: number;
  orderType: string;
  limitPrice: number | null;
  stopPrice: number | null;
  trailingPercent: number | null;
  tif: string;
  outsideRth: boolean;
  ocaGroup: string | null;
  status: OrderStatus;
  orderRef: string | null;
};

export type OrderStatusInfo = {
  orderId: number;
  status: OrderStatus;
  filled: number;
  remaining: number;
  avgFillPrice: number | null;
  permId: number | null;
  parentId: number | null;
  clientId: number | null;
  whyHeld: string | null;
};

export type ExecInfo = {
  execId: string;
  orderId: number;
  permId: number | null;
  clientId: number | null;
  account: string;
  contract: ResolvedContract;
  side: Side;
  shares: number;
  price: number;
  cumQty: number | null;
  avgPrice: number | null;
  /** Epoch ms. */
  time: number;
  /** TWS's own time text, for the "since" filter of the next reqExecutions. */
  timeText: string;
  exchange: string;
  orderRef: string | null;
};

export type CompletedOrderInfo = {
  permId: number | null;
  status: OrderStatus;
  orderRef: string | null;
  account: string;
  contract: ResolvedContract;
  action: Side;
  quantity: number;
  /** TWS's words for why it ended (rejection reason, "Cancelled by Trader"…). */
  completedStatus: string | null;
};

export type CommissionInfo = {
  execId: string;
  commission: number | null;
  currency: string | null;
  realizedPnl: number | null;
};

export type OrderEvents = {
  openOrder?(o: OpenOrderInfo): void;
  status?(s: OrderStatusInfo): void;
  execution?(e: ExecInfo): void;
  commission?(c: CommissionInfo): void;
};

export type PositionInfo = { account: string; contract: ResolvedContract; position: number; avgCost: number };
export type PortfolioInfo = {
  account: string;
  contract: ResolvedContract;
  position: number;
  marketPrice: number | null;
  marketValue: number | null;
  avgCost: number | null;
  unrealizedPnl: number | null;
  realizedPnl: number | null;
};

export type SnapshotFields = Partial<Record<TickField, number>> & { delayed: boolean };

const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) < 1e300 ? n : null;
};

const ORDER_STATUSES: readonly OrderStatus[] = [
  'ApiPending',
  'PendingSubmit',
  'PendingCancel',
  'PreSubmitted',
  'Submitted',
  'ApiCancelled',
  'Cancelled',
  'Filled',
  'Inactive',
];
function toStatus(s: unknown): OrderStatus {
  const text = String(s ?? '');
  return (ORDER_STATUSES as readonly string[]).includes(text) ? (text as OrderStatus) : 'Unknown';
}

function sideOf(action: unknown): Side {
  const a = String(action ?? '').toUpperCase();
  return a === 'SELL' || a === 'SLD' || a === 'SSHORT' ? 'SELL' : 'BUY';
}

/** What identifies two history requests as identical for TWS's 15-second rule. */
export function historySignature(h: HistorySpec, keepUpToDate: boolean): string {
  return [
    h.contract.conId,
    h.endTime ?? 'now',
    h.duration,
    h.barSize,
    h.whatToShow,
    h.useRTH ? 1 : 0,
    keepUpToDate ? 1 : 0,
  ].join('|');
}

function historyContractKey(h: HistorySpec): string {
  return `${h.contract.conId}|${h.contract.exchange}|${h.whatToShow}`;
}

export interface Tws {
  readonly link: Link;
  matchingSymbols(pattern: string): Promise<SymbolMatch[]>;
  contractDetails(ref: Partial<ContractRef> & { conId?: number | undefined }): Promise<Instrument[]>;
  scannerParameters(): Promise<string>;
  /** One page of bars, through the historical pacing queue (waits for a reconnect rather than failing). */
  history(spec: HistorySpec): Promise<Bar[]>;
  /** A one-shot quote (reqMktData snapshot). */
  snapshot(contract: ResolvedContract, timeoutMs?: number): Promise<SnapshotFields>;
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
  openOrders(): Promise<OpenOrderInfo[]>;
  /** Orders TWS finished today (filled, cancelled, rejected): reqCompletedOrders(apiOnly). */
  completedOrders(): Promise<CompletedOrderInfo[]>;
  executions(filter: {
    clientId?: number;
    since?: number;
    account?: string;
  }): Promise<{ executions: ExecInfo[]; commissions: CommissionInfo[] }>;
  onOrderEvents(sink: OrderEvents): () => void;
  /** Writes an order now (priority lane of the pacer). Rejects, and never sends later, when the link is not ready. */
  placeOrder(orderId: number, contract: ResolvedContract, order: OrderSpec): Promise<void>;
  cancelOrder(orderId: number): Promise<void>;
  globalCancel(): Promise<void>;
}

/** reqCompletedOrders (MIN_SERVER_VER_COMPLETED_ORDERS in IB's server_versions.py). */
const MIN_SERVER_VER_COMPLETED_ORDERS = 150;

export function createTws(link: Link): Tws {
  const orderSinks = new Set<OrderEvents>();

  function openOrderInfo(
    orderId: number,
    contract: Contract,
    order: IbOrder,
    state: OrderState,
  ): OpenOrderInfo {
    const type = String(order.orderType ?? '');
    return {
      orderId: Number(orderId),
      permId: num(order.permId),
      clientId: num(order.clientId),
      parentId: num(order.parentId) || null,
      account: String(order.account ?? ''),
      contract: fromIbContract(contract),
      action: sideOf(order.action),
      quantity: num(order.totalQuantity) ?? 0,
      orderType: type,
      limitPrice: num(order.lmtPrice),
      stopPrice: type === 'TRAIL' ? num(order.trailStopPrice) : num(order.auxPrice),
      trailingPercent: num(order.trailingPercent),
      tif: String(order.tif ?? ''),
      outsideRth: Boolean(order.outsideRth),
      ocaGroup: order.ocaGroup ? String(order.ocaGroup) : null,
      status: toStatus(state?.status),
      orderRef: order.orderRef ? String(order.orderRef) : null,
    };
  }

  function execInfo(contract: Contract, e: IbExecution): ExecInfo {
    const timeText = String(e.time ?? '');
    return {
      execId: String(e.execId ?? ''),
      orderId: num(e.orderId) ?? 0,
      permId: num(e.permId),
      clientId: num(e.clientId),
      account: String(e.acctNumber ?? ''),
      contract: fromIbContract(contract),
      side: sideOf(e.side),
      shares: num(e.shares) ?? 0,
      price: num(e.price) ?? 0,
      cumQty: num(e.cumQty),
      avgPrice: num(e.avgPrice),
      time: parseExecTime(timeText) ?? Date.now(),
      timeText,
      exchange: String(e.exchange ?? ''),
      orderRef: e.orderRef ? String(e.orderRef) : null,
    };
  }

  function commissionInfo(c: CommissionReport): CommissionInfo {
    const commission = num(c.commission);
    const realized = num(c.realizedPNL);
    return {
      execId: String(c.execId ?? ''),
      commission,
      currency: c.currency ? String(c.currency) : null,
      realizedPnl: realized,
    };
  }

  link.onGlobal((name: GlobalEventName, args) => {
    if (orderSinks.size === 0) return;
    if (name === EventName.openOrder) {
      const info = openOrderInfo(
        args[0] as number,
        args[1] as Contract,
        args[2] as IbOrder,
        args[3] as OrderState,
      );
      for (const s of orderSinks) s.openOrder?.(info);
    } else if (name === EventName.orderStatus) {
      const info: OrderStatusInfo = {
        orderId: Number(args[0]),
        status: toStatus(args[1]),
        filled: num(args[2]) ?? 0,
        remaining: num(args[3]) ?? 0,
        avgFillPrice: num(args[4]) || null,
        permId: num(args[5]),
        parentId: num(args[6]) || null,
        clientId: num(args[8]),
        whyHeld: args[9] ? String(args[9]) : null,
      };
      for (const s of orderSinks) s.status?.(info);
    } else if (name === 'execDetails') {
      const info = execInfo(args[1] as Contract, args[2] as IbExecution);
      for (const s of orderSinks) s.execution?.(info);
    } else if (name === EventName.commissionReport) {
      const info = commissionInfo(args[0] as CommissionReport);
      for (const s of orderSinks) s.commission?.(info);
    }
  });

  function rejectedBy(code: number, message: string): AppError {
    const info = describeTwsCode(code);
    const kind = code === 200 ? 'NOT_FOUND' : isPacingViolation(code, message) ? 'PACING' : 'IB_REJECTED';
    return new AppError(kind, plainTwsMessage(code, message) || info.text, { twsCode: code });
  }

  function orderJob(
    label: string,
    run: (api: Parameters<Parameters<Link['send']>[0]['run']>[0]) => void,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (!link.isReady()) {
        reject(
          new AppError(
            'NOT_CONNECTED',
            `Not connected to TWS (${link.status().state}): ${label} was not sent and will not be sent later`,
          ),
        );
        return;
      }
      link.send({
        priority: Priority.order,
        label,
        run: (api) => {
          run(api);
          resolve();
        },
        dropped: (reason) =>
          reject(
            new AppError('NOT_CONNECTED', `${label} was not sent (${reason}) and will not be sent later`),
          ),
      });
    });
  }

  return {
    link,

    matchingSymbols(pattern) {
      return link.request<SymbolMatch[]>({
        label: `symbol search "${pattern}"`,
        timeoutMs: 15_000,
        send: (api, id) => api.reqMatchingSymbols(id, pattern),
        onEvent: (name, args, done) => {
          if (name !== EventName.symbolSamples) return;
          const list = (args[1] as ContractDescription[] | undefined) ?? [];
          done(list.map(toSymbolMatch).filter((m): m is SymbolMatch => m !== null));
        },
        onError: rejectedBy,
      });
    },

    contractDetails(ref) {
      const found: Instrument[] = [];
      const label = `contract details for ${ref.conId ? `conId ${ref.conId}` : (ref.symbol ?? '?')}`;
      return link.request<Instrument[]>({
        label,
        timeoutMs: 20_000,
        send: (api, id) => api.reqContractDetails(id, toIbContract(ref)),
        onEvent: (name, args, done) => {
          if (name === EventName.contractDetails) {
            const i = toInstrument(args[1] as ContractDetails);
            if (i) found.push(i);
          } else if (name === EventName.contractDetailsEnd) done(found);
        },
        onError: (code, message) =>
          code === 200
            ? new AppError('NOT_FOUND', `TWS knows no instrument matching ${ref.symbol ?? ref.conId}`, {
                twsCode: 200,
              })
            : rejectedBy(code, message),
      });
    },

    scannerParameters() {
      return new Promise<string>((resolve, reject) => {
        if (!link.canSend()) {
          reject(
            new AppError('NOT_CONNECTED', 'Not connected to TWS: the scanner parameters need a connection'),
          );
          return;
        }
        let timer: ReturnType<typeof setTimeout> | null = null;
        const off = link.onGlobal((name, args) => {
          if (name !== EventName.scannerParameters) return;
          off();
          if (timer) clearTimeout(timer);
          resolve(String(args[0] ?? ''));
        });
        timer = setTimeout(() => {
          off();
          reject(new AppError('TIMEOUT', 'TWS did not send the scanner parameters within 30 s'));
        }, 30_000);
        link.send({
          priority: Priority.request,
          label: 'reqScannerParameters',
          run: (api) => api.reqScannerParameters(),
          dropped: (reason) => {
            off();
            if (timer) clearTimeout(timer);
            reject(new AppError('NOT_CONNECTED', `The scanner parameters were not requested: ${reason}`));
          },
        });
      });
    },

    history(spec) {
      const bars: Bar[] = [];
      const end = spec.endTime ? formatTwsUtc(spec.endTime) : '';
      return link.request<Bar[]>({
        label: `history ${spec.contract.symbol} ${spec.duration} of ${spec.barSize}`,
        timeoutMs: 60_000,
        history: { signature: historySignature(spec, false), contractKey: historyContractKey(spec) },
        retryOnReconnect: true,
        send: (api, id) =>
          api.reqHistoricalData(
            id,
            toIbContract(spec.contract),
            end,
            spec.duration,
            spec.barSize as never,
            spec.whatToShow as never,
            spec.useRTH ? 1 : 0,
            2,
            false,
          ),
        cancel: (api, id) => api.cancelHistoricalData(id),
        onEvent: (name, args, done) => {
          if (name !== EventName.historicalData) return;
          const time = String(args[1] ?? '');
          if (time.startsWith('finished')) {
            done(bars);
            return;
          }
          const bar = toBar(time, args[2], args[3], args[4], args[5], args[6], args[7], args[8]);
          if (bar) bars.push(bar);
        },
        onError: (code, message) => {
          if (code === 162 && /no data|returned no data|HMDS query returned no data/i.test(message))
            return new AppError('NOT_FOUND', plainTwsMessage(code, message), { twsCode: code });
          if (describeTwsCode(code).severity !== 'error' && code !== 162) return null;
          return rejectedBy(code, message);
        },
      });
    },

    async snapshot(contract, timeoutMs = 11_000) {
      // 354/10089/10186 end a live request of an account without the subscription, with no snapshot end: ask
      // again for delayed data, as the quote lines do (10167/10090 already come with delayed ticks: keep those).
      const once = (delayed: boolean): Promise<SnapshotFields> => {
        const fields: SnapshotFields = { delayed };
        return link.request<SnapshotFields>({
          label: `snapshot ${contract.symbol}${delayed ? ' (delayed)' : ''}`,
          timeoutMs,
          cost: delayed && link.marketDataType() < 3 ? 3 : 1,
          send: (api, id) => {
            const c = toIbContract(contract);
            const current = link.marketDataType();
            if (delayed && current < 3) {
              api.reqMarketDataType(3);
              api.reqMktData(id, c, '', true, false);
              api.reqMarketDataType(current);
            } else api.reqMktData(id, c, '', true, false);
          },
          onEvent: (name, args, done) => {
            if (
              name === EventName.tickPrice ||
              name === EventName.tickSize ||
              name === EventName.tickGeneric
            ) {
              const t = TICKS[Number(args[1])];
              const v = num(args[2]);
              if (t && v !== null && v >= 0) {
                fields[t[0]] = v;
                if (t[1]) fields.delayed = true;
              }
            } else if (name === EventName.marketDataType) {
              if (Number(args[1]) >= 3) fields.delayed = true;
            } else if (name === EventName.tickSnapshotEnd) done(fields);
          },
          onError: (code, message) => {
            const info = describeTwsCode(code);
            if (info.reaction === 'delayed-data') {
              if (code === 10167 || code === 10090) {
                fields.delayed = true;
                return null;
              }
              return new AppError('IB_REJECTED', plainTwsMessage(code, message), { twsCode: code });
            }
            if (info.severity !== 'error') return null;
            return rejectedBy(code, message);
          },
        });
      };
      try {
        return await once(false);
      } catch (err) {
        const code = err instanceof AppError ? err.twsCode : undefined;
        if (code === undefined || describeTwsCode(code).reaction !== 'delayed-data') throw err;
        return once(true);
      }
    },

    marketData(contract, opts, sink) {
      return link.stream({
        kind: 'quotes',
        label: `quotes ${contract.symbol}`,
        get cost() {
          return opts.delayed() && link.marketDataType() < 3 ? 3 : 1;
        },
        onStart: (replay) => sink.starting?.(replay),
        open: (api, id) => {
          const c = toIbContract(contract);
          const current = link.marketDataType();
          if (opts.delayed() && current < 3) {
            // reqMarketDataType applies to the requests that follow it: switch, ask, switch back.
            api.reqMarketDataType(3);
            api.reqMktData(id, c, '', false, false);
            api.reqMarketDataType(current);
          } else api.reqMktData(id, c, '', false, false);
        },
        close: (api, id) => api.cancelMktData(id),
        onEvent: (name, args) => {
          if (name === EventName.tickPrice || name === EventName.tickSize || name === EventName.tickGeneric) {
            const t = TICKS[Number(args[1])];
            const v = num(args[2]);
            if (t && v !== null && (v >= 0 || t[0] === 'close')) sink.tick(t[0], v, t[1]);
          } else if (name === EventName.tickString) {
            if (Number(args[1]) === BENCH_STAMP_TICK && sink.stamp) {
              const [seq, at] = String(args[2]).split(';').map(Number);
              if (Number.isFinite(seq) && Number.isFinite(at)) sink.stamp(seq!, at!);
            }
          } else if (name === EventName.marketDataType) sink.dataType(Number(args[1]));
        },
        onError: (code, message) => sink.error(code, message),
      });
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
        open: (api, id) =>
          api.reqHistoricalData(
            id,
            toIbContract(spec.contract),
            '',
            duration(),
            spec.barSize as never,
            spec.whatToShow as never,
            spec.useRTH ? 1 : 0,
            2,
            true,
          ),
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

    openOrders() {
      return new Promise<OpenOrderInfo[]>((resolve, reject) => {
        const found = new Map<number, OpenOrderInfo>();
        let timer: ReturnType<typeof setTimeout> | null = null;
        const off = link.onGlobal((name, args) => {
          if (name === EventName.openOrder) {
            const info = openOrderInfo(
              args[0] as number,
              args[1] as Contract,
              args[2] as IbOrder,
              args[3] as OrderState,
            );
            found.set(info.orderId, info);
          } else if (name === EventName.openOrderEnd) {
            off();
            if (timer) clearTimeout(timer);
            resolve([...found.values()]);
          }
        });
        timer = setTimeout(() => {
          off();
          reject(new AppError('TIMEOUT', 'TWS did not list the open orders within 20 s'));
        }, 20_000);
        const offStatus = link.onStatus((s) => {
          if (s.state !== 'ready' && s.state !== 'degraded') {
            offStatus();
            off();
            if (timer) clearTimeout(timer);
            reject(new AppError('NOT_CONNECTED', 'The connection was lost while listing open orders'));
          }
        });
        link.send({
          priority: Priority.order,
          label: 'reqOpenOrders',
          run: (api) => api.reqOpenOrders(),
          dropped: (reason) => {
            off();
            offStatus();
            if (timer) clearTimeout(timer);
            reject(new AppError('NOT_CONNECTED', `Open orders were not requested: ${reason}`));
          },
        });
      });
    },

    completedOrders() {
      const version = link.status().serverVersion;
      // Below it @stoqey/ib does not send the request but reports error 503 ("TWS is out of date") without a
      // request id, which the link must take as fatal: that would end the session for good.
      if (version !== null && version < MIN_SERVER_VER_COMPLETED_ORDERS)
        return Promise.reject(
          new AppError(
            'UNAVAILABLE',
            `This TWS (server version ${version}) cannot list completed orders: that needs server version ${MIN_SERVER_VER_COMPLETED_ORDERS} or later`,
          ),
        );
      return new Promise<CompletedOrderInfo[]>((resolve, reject) => {
        const found: CompletedOrderInfo[] = [];
        let timer: ReturnType<typeof setTimeout> | null = null;
        const finish = (err?: Error) => {
          off();
          offStatus();
          if (timer) clearTimeout(timer);
          if (err) reject(err);
          else resolve(found);
        };
        const off = link.onGlobal((name, args) => {
          if (name === EventName.completedOrder) {
            const contract = args[0] as Contract;
            const order = args[1] as IbOrder;
            const state = args[2] as OrderState & { completedStatus?: string };
            found.push({
              permId: num(order.permId),
              status: toStatus(state?.status),
              orderRef: order.orderRef ? String(order.orderRef) : null,
              account: String(order.account ?? ''),
              contract: fromIbContract(contract),
              action: sideOf(order.action),
              quantity: num(order.totalQuantity) ?? 0,
              completedStatus: state?.completedStatus ? String(state.completedStatus) : null,
            });
          } else if (name === EventName.completedOrdersEnd) finish();
        });
        const offStatus = link.onStatus((s) => {
          if (s.state !== 'ready' && s.state !== 'degraded')
            finish(new AppError('NOT_CONNECTED', 'The connection was lost while listing completed orders'));
        });
        timer = setTimeout(
          () => finish(new AppError('TIMEOUT', 'TWS did not list the completed orders within 15 s')),
          15_000,
        );
        link.send({
          priority: Priority.order,
          label: 'reqCompletedOrders',
          run: (api) => api.reqCompletedOrders(true),
          dropped: (reason) =>
            finish(new AppError('NOT_CONNECTED', `Completed orders were not requested: ${reason}`)),
        });
      });
    },

    executions(filter) {
      const executions: ExecInfo[] = [];
      const commissions: CommissionInfo[] = [];
      const wanted = new Set<string>();
      const offCommission = link.onGlobal((name, args) => {
        if (name !== EventName.commissionReport) return;
        const c = commissionInfo(args[0] as CommissionReport);
        if (wanted.has(c.execId)) commissions.push(c);
      });
      return link
        .request<{ executions: ExecInfo[]; commissions: CommissionInfo[] }>({
          label: 'executions',
          priority: Priority.order,
          timeoutMs: 20_000,
          send: (api, id) =>
            api.reqExecutions(id, {
              ...(filter.clientId !== undefined ? { clientId: String(filter.clientId) } : {}),
              ...(filter.account ? { acctCode: filter.account } : {}),
              ...(filter.since ? { time: formatTwsUtc(Math.floor(filter.since / 1000)) } : {}),
            }),
          onEvent: (name, args, done) => {
            if (name === EventName.execDetails) {
              const e = execInfo(args[1] as Contract, args[2] as IbExecution);
              executions.push(e);
              wanted.add(e.execId);
            } else if (name === EventName.execDetailsEnd) done({ executions, commissions });
          },
          onError: rejectedBy,
        })
        .finally(offCommission);
    },

    onOrderEvents(sink) {
      orderSinks.add(sink);
      return () => orderSinks.delete(sink);
    },

    placeOrder(orderId, contract, spec) {
      const order: IbOrder = {
        orderId,
        action: spec.action === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
        totalQuantity: spec.quantity,
        orderType: spec.orderType as IbOrderType,
        tif: spec.tif as TimeInForce,
        outsideRth: spec.outsideRth,
        transmit: spec.transmit,
        ...(spec.limitPrice !== undefined ? { lmtPrice: spec.limitPrice } : {}),
        ...(spec.auxPrice !== undefined ? { auxPrice: spec.auxPrice } : {}),
        ...(spec.trailingPercent !== undefined ? { trailingPercent: spec.trailingPercent } : {}),
        ...(spec.parentId ? { parentId: spec.parentId } : {}),
        ...(spec.ocaGroup ? { ocaGroup: spec.ocaGroup, ocaType: 1 } : {}),
        ...(spec.account ? { account: spec.account } : {}),
        ...(spec.orderRef ? { orderRef: spec.orderRef } : {}),
      };
      return orderJob(`order ${orderId}`, (api) => api.placeOrder(orderId, toIbContract(contract), order));
    },

    cancelOrder(orderId) {
      return orderJob(`cancel of order ${orderId}`, (api) => api.cancelOrder(orderId, ''));
    },

    globalCancel() {
      return orderJob('cancel of all orders', (api) => api.reqGlobalCancel());
    },
  };
}
