// What the connection manager offers the TWS adapter: its status, one-shot requests, streams replayed after every
// reconnect, raw sends through the pacer, and TWS's messages that no request claimed. The parts of this folder
// share these shapes; the adapter (ib/adapter) is the only user of the IBApi they hand out.
import type { WireTap } from './wire-tap';
import { EventName } from '../stoqey';
import type { IBApi } from '@stoqey/ib';
import type { AppError } from '../../../src-shared/result';
import type { HistoryQueue } from './history-pacing';
import type { Priority } from './pacer';
import type { Endpoint, LinkState } from './state-machine';

/** The state machine's state as others see it: the endpoint spelled out, the handshake's progress left out. */
export type LinkStatus = Omit<LinkState, 'endpoint' | 'gotNextValidId' | 'wasReady'> & {
  host: string;
  port: number;
  clientId: number;
};

/** Events without a request id: orders, positions, account updates. Delivered to global listeners. */
export const GLOBAL_EVENTS = [
  EventName.openOrder,
  EventName.openOrderEnd,
  EventName.orderStatus,
  EventName.commissionReport,
  EventName.completedOrder,
  EventName.completedOrdersEnd,
  EventName.position,
  EventName.positionEnd,
  EventName.updateAccountValue,
  EventName.updatePortfolio,
  EventName.updateAccountTime,
  EventName.accountDownloadEnd,
  EventName.scannerParameters,
  EventName.newsProviders,
] as const;

export type GlobalEventName = (typeof GLOBAL_EVENTS)[number] | 'execDetails';

export type SendJob = {
  priority: Priority;
  label: string;
  cost?: number;
  run: (api: IBApi) => void;
  /** The job was not sent (connection closed or not ready); it is never sent later. */
  dropped?: (reason: string) => void;
};

export type RequestSpec<T> = {
  label: string;
  priority?: Priority;
  /** Messages `send` writes (default 1), for the pacer. */
  cost?: number;
  timeoutMs?: number;
  /** Goes through the historical pacing queue first. */
  history?: { signature: string; contractKey: string };
  send(api: IBApi, reqId: number): void;
  /** Sent on timeout (optional). */
  cancel?(api: IBApi, reqId: number): void;
  onEvent(name: string, args: readonly unknown[], done: (value: T) => void, fail: (err: Error) => void): void;
  /** Return an error to fail the request, or null to ignore the message (a warning). */
  onError?(code: number, message: string): AppError | null;
  /** A history request lost with its connection goes back into the queue instead of failing. */
  retryOnReconnect?: boolean;
};

export type StreamSpec = {
  kind: string;
  label: string;
  /** Message cost of `open` (default 1). */
  cost?: number;
  history?: { signature: string; contractKey: string };
  /** Sends the request; runs when ready and again after every reconnect, always with a fresh id. */
  open(api: IBApi, reqId: number, replay: boolean): void;
  /** Sends the cancel. */
  close(api: IBApi, reqId: number): void;
  onEvent?(name: string, args: readonly unknown[], ctx: StreamCtx): void;
  /** Error for this stream's request id. Return 'end' to stop it (no replay), 'keep' otherwise. */
  onError?(code: number, message: string): 'keep' | 'end' | 'restart';
  /** Events without request id that belong to this stream (a positions or account-updates subscription). */
  globalEvents?: readonly GlobalEventName[];
  /** Called before each (re)start, so the owner can reset per-request state. */
  onStart?(replay: boolean): void;
};

export type StreamCtx = {
  /** For history streams: the initial bars are in, the request no longer counts as open. */
  historyDone(): void;
};

export type StreamInfo = {
  id: number;
  kind: string;
  label: string;
  reqId: number | null;
  startedAt: number | null;
  lastEventAt: number | null;
  /** Set after a replay: whether the stream delivered again. */
  awaitingSince: number | null;
};

export interface StreamHandle {
  readonly id: number;
  /**
   * Ends the stream: its request is cancelled at TWS, or only taken out of the queue when it has not left yet.
   * With `freed`, the caller counts what the stream held at TWS (a market-data line) as taken until `freed` runs
   * (the cancel written, or nothing was ever sent), so the cancel may wait behind requests queued after it.
   */
  close(freed?: () => void): void;
  /** Re-sends the request with a fresh id (e.g. to switch it to delayed data). */
  restart(): void;
  info(): StreamInfo;
}

export type TwsNotice = { code: number; message: string; reqId: number };

/** Whoever holds a request id: gets the messages routed to it, its errors, and the loss of its connection. */
export type Owner = {
  onEvent(name: string, args: readonly unknown[]): void;
  onError(code: number, message: string): void;
  onLost(reason: string): void;
};

/** What requests and streams share of the connection: ids, the pacer, the pacing queue, the socket's generation. */
export type Channel = {
  send(job: SendJob): () => void;
  canSend(): boolean;
  /** The current socket's number: ids are allocated for it and die with it. */
  generation(): number;
  allocate(owner: Owner): number;
  release(reqId: number): void;
  history: HistoryQueue;
};

export interface Link {
  status(): LinkStatus;
  onStatus(listener: (s: LinkStatus) => void): () => void;
  connect(endpoint: Endpoint): void;
  disconnect(reason: string): void;
  reconnectNow(): void;
  /** Ready or degraded: requests may be sent (orders need `ready`). */
  canSend(): boolean;
  isReady(): boolean;
  /** Called once the session is ready, after the market data type was queued and the streams replayed. */
  onReady(listener: (info: { reconnect: boolean }) => void): () => void;
  /** Every TWS error/info message that was not consumed by a request (for the log and the orders service). */
  onMessage(listener: (m: TwsNotice) => void): () => void;
  onGlobal(listener: (name: GlobalEventName, args: readonly unknown[]) => void): () => void;
  /** Streams that did not deliver again within `confirmMs` after a replay. */
  onSilentStreams(listener: (streams: StreamInfo[]) => void): () => void;
  onNextValidId(listener: (id: number) => void): () => void;
  send(job: SendJob): () => void;
  request<T>(spec: RequestSpec<T>): Promise<T>;
  stream(spec: StreamSpec): StreamHandle;
  streams(): StreamInfo[];
  setMarketDataType(type: 1 | 2 | 3 | 4): void;
  marketDataType(): 1 | 2 | 3 | 4;
  /** Lets a recorder see every message both ways (null: nobody records). Trading never waits for it. */
  setTap(tap: WireTap | null): void;
  history(): HistoryQueue;
  /** Outgoing messages in the last second. */
  rate(): number;
  queued(): number;
  stop(): void;
}
