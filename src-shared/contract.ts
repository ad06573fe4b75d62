// THE contract between main and every window: requests (params schema → result schema) and pushed events.
// One dispatcher in main serves it over Electron IPC and over the web host's WebSocket (ARCHITECTURE.md §3).
import { z } from 'zod';
import { REQUEST_NAMES, type EVENT_NAMES } from './contract-names';
import type { AppErrorData } from './result';
import { AlertFired, AlertView } from './domain/alerts';
import { Bar, BarSize, Duration, WhatToShow } from './domain/bar';
import { ConnectionStatus, Gauges } from './domain/connection';
import { RecordingStatus } from './domain/recording';
import { DepthBook, DepthEvent } from './domain/depth';
import { Print, TapeBatch } from './domain/tape';
import { ContractRef, Instrument, SymbolMatch } from './domain/instrument';
import { LogEntry } from './domain/log';
import { Expiry, OptionChain, OptionExpiry } from './domain/option';
import { ArticleId, Headline, NewsArticle, NewsProvider } from './domain/news';
import { Execution, Order, OrderModify, OrderTicket, PlaceResult } from './domain/order';
import { PortfolioSnapshot } from './domain/portfolio';
import { Quote, QuoteBatch } from './domain/quote';
import { ScannerParams, ScannerStartParams, ScanSnapshot } from './domain/scanner';
import { Keymap } from './domain/hotkeys';
import { Preferences, Profile, ProfileInput, Settings } from './domain/settings';
import { LayoutDoc, Watchlist } from './domain/workspace';
import { RecordingList, ReplaySpeed, ReplayStatus } from './domain/replay';

const None = z.strictObject({});

export const SetupCheck = z.object({
  outcome: z.enum([
    'ok',
    'nothing-listening',
    'no-handshake',
    'client-id-in-use',
    'read-only',
    'no-market-data',
    'error',
  ]),
  /** What was found, in plain words. */
  message: z.string(),
  /** What to do about it, in TWS's own menu words (empty when all is well). */
  fix: z.string(),
  serverVersion: z.number().int().nullable(),
  accounts: z.array(z.string()),
});
export type SetupCheck = z.infer<typeof SetupCheck>;

export const UiCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openPane'), pane: z.string() }),
  z.object({ type: z.literal('showProfiles') }),
  z.object({ type: z.literal('symbolSearch') }),
  z.object({ type: z.literal('resetLayout') }),
  z.object({ type: z.literal('setTheme'), theme: z.enum(['dark', 'light']) }),
  z.object({ type: z.literal('about') }),
  z.object({ type: z.literal('hotkeys') }),
]);
export type UiCommand = z.infer<typeof UiCommand>;
const Null = z.null();
const ResolvedRef = ContractRef.extend({ conId: z.number().int().positive() });
const AlertId = z.string().min(1).max(64);
const AlertDraft = z.record(z.string(), z.unknown());

export const requests = {
  'app.info': {
    params: None,
    result: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      node: z.string(),
      electron: z.string().nullable(),
      chrome: z.string().nullable(),
      dataDir: z.string(),
    }),
  },

  /** Versions, profile (no secrets) and the last log lines, for "Copy diagnostics". */
  'app.diagnostics': { params: None, result: z.object({ text: z.string() }) },

  'settings.get': { params: None, result: Settings },
  'settings.set': { params: Preferences.partial(), result: Settings },

  'profiles.list': { params: None, result: z.object({ profiles: z.array(Profile), activeId: z.string() }) },
  'profiles.save': { params: ProfileInput, result: Profile },
  'profiles.delete': { params: z.strictObject({ id: z.string().min(1) }), result: Null },
  /** Makes a profile active and (re)connects to it. */
  'profiles.select': { params: z.strictObject({ id: z.string().min(1) }), result: ConnectionStatus },

  'connection.status': { params: None, result: ConnectionStatus },
  'connection.connect': {
    params: z.strictObject({ clientId: z.number().int().min(0).max(999_999_999).optional() }),
    result: ConnectionStatus,
  },
  'connection.disconnect': { params: None, result: ConnectionStatus },
  /** Skips the back-off countdown and tries now. */
  'connection.reconnectNow': { params: None, result: ConnectionStatus },
  'gauges.get': { params: None, result: Gauges },
  /** Setup checker: probes a host/port/client id and tells what is wrong, with the fix in TWS's menu words. */
  'connection.test': {
    params: z.strictObject({
      host: z.string().trim().min(1).max(253),
      port: z.number().int().min(1).max(65535),
      clientId: z.number().int().min(0).max(999_999_999),
    }),
    result: SetupCheck,
  },

  'log.list': {
    params: z.strictObject({ limit: z.number().int().min(1).max(5000).default(500) }),
    result: z.array(LogEntry),
  },

  'contracts.search': {
    params: z.strictObject({ pattern: z.string().trim().min(1).max(32) }),
    result: z.array(SymbolMatch),
  },
  'contracts.details': {
    params: z.union([z.strictObject({ conId: z.number().int().positive() }), ContractRef]),
    result: z.array(Instrument),
  },

  'quotes.subscribe': {
    params: z.strictObject({ contracts: z.array(ResolvedRef).min(1).max(1000) }),
    result: z.object({ quotes: z.array(Quote) }),
  },
  'quotes.unsubscribe': {
    params: z.strictObject({ conIds: z.array(z.number().int().positive()).min(1).max(1000) }),
    result: Null,
  },
  /**
   * The instruments this window shows now (rows in view), replacing the last list: when a frame cannot carry every
   * changed quote, theirs go first. Empty: none preferred.
   */
  'quotes.focus': {
    params: z.strictObject({ conIds: z.array(z.number().int().positive()).max(1000) }),
    result: Null,
  },

  'history.get': {
    params: z.strictObject({
      contract: ResolvedRef,
      barSize: BarSize,
      duration: Duration,
      /** Bars ending before this unix time (seconds); omitted = now. Used to page back. */
      endTime: z.number().int().positive().optional(),
      whatToShow: WhatToShow.default('TRADES'),
      useRTH: z.boolean().default(false),
    }),
    result: z.object({ bars: z.array(Bar), fromCache: z.boolean() }),
  },
  /** History plus a live last bar (keepUpToDate); updates arrive as `bars` events. */
  'history.subscribe': {
    params: z.strictObject({
      contract: ResolvedRef,
      barSize: BarSize,
      duration: Duration,
      whatToShow: WhatToShow.default('TRADES'),
      useRTH: z.boolean().default(false),
    }),
    result: z.object({ subId: z.string(), bars: z.array(Bar) }),
  },
  'history.unsubscribe': { params: z.strictObject({ subId: z.string().min(1) }), result: Null },

  'scanner.params': { params: None, result: ScannerParams },
  'scanner.start': { params: ScannerStartParams, result: z.object({ scanId: z.string() }) },
  'scanner.stop': { params: z.strictObject({ scanId: z.string().min(1) }), result: Null },

  'orders.place': { params: OrderTicket, result: PlaceResult },
  'orders.modify': { params: OrderModify, result: Null },
  'orders.cancel': { params: z.strictObject({ orderId: z.number().int().positive() }), result: Null },
  'orders.cancelAll': { params: None, result: Null },
  'orders.list': { params: None, result: z.array(Order) },
  /** The typed confirmation a live profile needs before its first order of the session. */
  'orders.confirmLive': { params: z.strictObject({ typed: z.string().max(64) }), result: Null },
  'executions.list': { params: None, result: z.array(Execution) },

  'portfolio.get': { params: None, result: PortfolioSnapshot },

  // ---- options: the chain of an underlying and the contracts of one expiry (their lines are quote lines) ----
  'options.chain': {
    params: z.strictObject({ conId: z.number().int().positive(), symbol: ContractRef.shape.symbol }),
    result: OptionChain,
  },
  'options.expiry': {
    params: z.strictObject({
      conId: z.number().int().positive(),
      symbol: ContractRef.shape.symbol,
      expiry: Expiry,
      tradingClass: z.string().max(32).optional(),
    }),
    result: OptionExpiry,
  },

  'watchlists.get': { params: None, result: z.array(Watchlist) },
  'watchlists.save': { params: z.strictObject({ lists: z.array(Watchlist).max(100) }), result: Null },

  'layout.get': { params: None, result: LayoutDoc.nullable() },
  'layout.save': { params: z.strictObject({ layout: LayoutDoc }), result: Null },
  'layout.reset': { params: None, result: Null },

  /** Opens a pane in its own window (Electron); the web host answers UNAVAILABLE and the page opens a tab. */
  'windows.open': {
    params: z.strictObject({ pane: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/) }),
    result: Null,
  },

  /** The news providers the account can read. */
  'news.providers': { params: None, result: z.array(NewsProvider) },
  /** A symbol's headlines: the recent history now, then live ones as `news` events (kept across reconnects). */
  'news.subscribe': {
    params: z.strictObject({ contract: ResolvedRef, limit: z.number().int().min(1).max(300).default(50) }),
    result: z.object({ subId: z.string(), headlines: z.array(Headline), hasMore: z.boolean() }),
  },
  'news.unsubscribe': { params: z.strictObject({ subId: z.string().min(1) }), result: Null },
  /** One article, as the provider wrote it (HTML is sanitized by the window that shows it). */
  'news.article': { params: z.strictObject({ articleId: ArticleId }), result: NewsArticle },
  // ---- market depth (F14) ----
  /** Holds the instrument's book for this window (one TWS depth request per instrument); changes arrive as `depth`. */
  'depth.subscribe': { params: z.strictObject({ contract: ResolvedRef }), result: DepthBook },
  'depth.unsubscribe': { params: z.strictObject({ conId: z.number().int().positive() }), result: Null },

  // ---- time and sales (F14) ----
  /** Holds the instrument's tape for this window: the trades so far (history first); new ones arrive as `tape`. */
  'tape.subscribe': {
    params: z.strictObject({ contract: ResolvedRef }),
    result: z.object({ prints: z.array(Print) }),
  },
  'tape.unsubscribe': { params: z.strictObject({ conId: z.number().int().positive() }), result: Null },
  // ---- alerts (evaluated in main; see src-main/services/alerts) ----
  'alerts.list': { params: None, result: z.array(AlertView) },
  /** The alert's own fields (kind, symbol, level…): main parses them with the Alert schema, so a bad field comes
   * back as a VALIDATION error whose issues name the alert's fields; id and createdAt are main's. */
  'alerts.create': { params: z.strictObject({ alert: AlertDraft }), result: AlertView },
  /** Replaces an alert's fields; the edited alert arms afresh. */
  'alerts.update': { params: z.strictObject({ id: AlertId, alert: AlertDraft }), result: AlertView },
  'alerts.pause': { params: z.strictObject({ id: AlertId, paused: z.boolean() }), result: AlertView },
  'alerts.delete': { params: z.strictObject({ id: AlertId }), result: Null },
  /** The newest firings first. */
  'alerts.history': {
    params: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    result: z.array(AlertFired),
  },
  // ---- replay (F16): the Replay profile's transport ----
  /** Points the Replay profile at a recording (.ibdrec, a path on main's machine, or a name in the data folder's
   * recordings/), makes it active and connects. A file that cannot be replayed is refused (VALIDATION, NOT_FOUND)
   * and nothing changes. */
  'replay.open': { params: z.strictObject({ file: z.string().min(1).max(4096) }), result: ConnectionStatus },
  /** The replay of the active Replay profile, or null when no replay runs. */
  'replay.status': { params: None, result: ReplayStatus.nullable() },
  'replay.play': { params: None, result: ReplayStatus },
  'replay.pause': { params: None, result: ReplayStatus },
  'replay.speed': { params: z.strictObject({ speed: ReplaySpeed }), result: ReplayStatus },
  /** Pauses and moves the clock `ms` on (default 1 s), playing what falls in between. */
  'replay.step': {
    params: z.strictObject({ ms: z.number().int().min(1).max(3_600_000).default(1000) }),
    result: ReplayStatus,
  },
  /** Moves the clock to a time of the recording (epoch ms), every stream rebuilt there. */
  'replay.seek': { params: z.strictObject({ time: z.number().int().nonnegative() }), result: ReplayStatus },
  // ---- hotkeys (F14) ----
  /** Replaces the active profile's hotkeys (a keymap with a conflict is refused whole); `settings` follows. */
  'hotkeys.set': { params: z.strictObject({ hotkeys: Keymap }), result: Settings },
  /** "Record this session": the recorder's state (recording / size / stopped and why). */
  'recording.status': { params: None, result: RecordingStatus },
  /** The recordings in the data folder's recordings/, read from their headers (the Replay profile's choice). */
  'recording.list': { params: None, result: RecordingList },
} as const satisfies { [K in (typeof REQUEST_NAMES)[number]]: { params: z.ZodType; result: z.ZodType } };

export const events = {
  connection: ConnectionStatus,
  log: LogEntry,
  gauges: Gauges,
  quotes: QuoteBatch,
  scan: ScanSnapshot,
  bars: z.object({ subId: z.string(), bars: z.array(Bar) }),
  orders: z.object({ orders: z.array(Order) }),
  executions: z.object({ executions: z.array(Execution) }),
  portfolio: PortfolioSnapshot,
  settings: Settings,
  /** Something the user must know about that is not a TWS message (a corrupt file set aside, a journal difference…). */
  notice: z.object({ level: z.enum(['info', 'warn', 'error']), title: z.string(), message: z.string() }),
  /** A command from the native menu, tray or a shortcut handled by main, for the window to carry out. */
  command: UiCommand,
  /** New headlines of a `news.subscribe` subscription. */
  news: z.object({ subId: z.string(), headlines: z.array(Headline) }),
  /** The whole book of an instrument a window holds, at most once per frame. */
  depth: DepthEvent,
  /** New prints of a tape a window holds (and the gap a reconnect left). */
  tape: TapeBatch,
  /** The alerts of the active profile, whenever one is added, edited, fired, or its line comes or goes. */
  alerts: z.object({ alerts: z.array(AlertView) }),
  'alerts.fired': AlertFired,
  /** The replay's clock and state: on every change, and a few times a second while it plays. */
  replay: ReplayStatus.nullable(),
  /** The recorder's state, when it starts or stops and about once a second while it records. */
  recording: RecordingStatus,
} as const satisfies { [E in (typeof EVENT_NAMES)[number]]: z.ZodType };

type Requests = typeof requests;
/** The names are listed once, in contract-names.ts; the `satisfies` above holds the schemas to exactly them. */
export type RequestName = (typeof REQUEST_NAMES)[number];
export type Params<K extends RequestName> = z.input<Requests[K]['params']>;
export type ParsedParams<K extends RequestName> = z.output<Requests[K]['params']>;
export type ResultOf<K extends RequestName> = z.output<Requests[K]['result']>;

export type EventMap = { [E in (typeof EVENT_NAMES)[number]]: z.output<(typeof events)[E]> };
export type EventName = keyof EventMap;

export const requestNames: readonly RequestName[] = REQUEST_NAMES;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

/** An event as it travels: a window receives an array of these per frame. */
export type EventEnvelope = { [E in EventName]: { event: E; payload: EventMap[E] } }[EventName];

/** A response frame of the web host's WebSocket (`/api`) to a request `{ id, method, params }`. */
export type WireResponse = { id: number } & (
  { ok: true; value: unknown } | { ok: false; error: AppErrorData }
);
