// The TWS adapter: the domain-level face of TWS that services use, and the only place that maps the app's types to
// and from @stoqey/ib. Three parts over the connection manager: reference data (one-shot requests), streams
// (replayed by the connection after reconnects) and orders (never queued across a connection, never re-sent).
import type { Link } from '../connection';
import { createDepthStreams, type DepthStreams } from './depth';
import { createOrderChannel, type OrderChannel } from './orders';
import { createReferenceData, type ReferenceData } from './reference-data';
import { createStreams, type StreamOptions, type Streams } from './streams';
import { createTapeStreams, type TapeStreams } from './tape';

export type { ResolvedContract } from './convert';
export type { DepthSink } from './depth';
export type { TapeSink, Trade } from './tape';
export type { HistorySpec } from './history-request';
export type {
  CommissionInfo,
  CompletedOrderInfo,
  ExecInfo,
  OpenOrderInfo,
  OrderStatusInfo,
} from './order-mapping';
export { createNewsSource } from './news';
export type { NewsSource, RawArticle } from './news';
export type { OrderEvents } from './orders';
export type { OptionParamsRow, SnapshotFields } from './reference-data';
export type { MarketDataSink, RawScanRow, ScanSpec } from './streams';
export type { TickField } from './ticks';

export interface Tws extends ReferenceData, Streams, DepthStreams, TapeStreams, OrderChannel {
  readonly link: Link;
}

export function createTws(link: Link, opts: StreamOptions = {}): Tws {
  return {
    link,
    ...createReferenceData(link),
    ...createStreams(link, opts),
    ...createDepthStreams(link, opts),
    ...createTapeStreams(link),
    ...createOrderChannel(link),
  };
}
