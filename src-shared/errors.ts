// TWS error and information codes that can reach the user: severity, category, a plain-language sentence and what
// the app does about it. Pure and shared: main classifies with it, the renderer's Log pane shows the same words.
// Codes from IB's "Message Codes" reference (TWS API), the ones IB Gateway/TWS 10.x actually send to API clients.

type TwsSeverity = 'info' | 'warn' | 'error';

type TwsCategory =
  | 'connection' // the socket, the handshake, TWS ↔ IB servers
  | 'farm' // market-data / HMDS / security-definition farm status
  | 'market-data'
  | 'history'
  | 'scanner'
  | 'contract'
  | 'order'
  | 'account'
  | 'pacing'
  | 'client' // raised by the API client library itself (5xx)
  | 'other';

/** What the app does when the code arrives; the driver and services branch on this, the Log pane shows `action`. */
type TwsReaction =
  | 'none' // informational: shown in the log only
  | 'reconnect' // the socket is unusable: reconnect with back-off
  | 'stop-retrying' // retrying cannot help (client id in use, unsupported version)
  | 'degrade' // TWS lost its link to IB: data paused, orders refused until restored
  | 'resubscribe' // link restored, data lost: every subscription is replayed
  | 'restore' // link restored, data kept
  | 'delayed-data' // no live subscription: the instrument switches to delayed data
  | 'queue' // a pacing rule: the request waits in our queue and is sent later
  | 'reject' // the request (order, subscription) failed; the pane shows the reason
  | 'warn-order'; // the order went through, with a warning from TWS

export type TwsCodeInfo = {
  readonly code: number;
  readonly severity: TwsSeverity;
  readonly category: TwsCategory;
  /** What happened, in plain words. */
  readonly text: string;
  readonly reaction: TwsReaction;
  /** What the app does about it, in plain words (the Log pane's "action" column). */
  readonly action: string;
};

type Row = [code: number, severity: TwsSeverity, category: TwsCategory, reaction: TwsReaction, text: string];

const ACTION: Record<TwsReaction, string> = {
  none: 'nothing to do',
  reconnect: 'reconnecting with back-off',
  'stop-retrying': 'stopped retrying; needs your action',
  degrade: 'data paused and order entry disabled until TWS reconnects to IB',
  resubscribe: 'resubscribing every stream',
  restore: 'streams kept; order entry enabled again',
  'delayed-data': 'switched this instrument to delayed data',
  queue: 'request queued and sent when the pacing rules allow',
  reject: 'request stopped; see the reason',
  'warn-order': 'order kept; warning shown',
};

const ROWS: readonly Row[] = [
  // Order rejections and order warnings (100-series and friends).
  [
    100,
    'error',
    'pacing',
    'reconnect',
    'Too many messages were sent to TWS (over 50 per second); TWS closes such connections.',
  ],
  [101, 'error', 'market-data', 'reject', 'Too many market data requests at once (max tickers reached).'],
  [102, 'error', 'market-data', 'reject', 'A request id was used twice.'],
  [103, 'error', 'order', 'reject', 'An order id was used twice.'],
  [104, 'error', 'order', 'reject', 'A filled order cannot be modified.'],
  [105, 'error', 'order', 'reject', 'The order being modified does not match the original order.'],
  [106, 'error', 'order', 'reject', 'The order could not be transmitted.'],
  [107, 'error', 'order', 'reject', 'The order could not be transmitted.'],
  [109, 'warn', 'order', 'warn-order', 'The price is outside the allowed range for this instrument.'],
  [
    110,
    'error',
    'order',
    'reject',
    'The price does not fit the minimum price variation (tick size) of this instrument.',
  ],
  [111, 'error', 'order', 'reject', 'The time in force is not valid for this order type.'],
  [113, 'error', 'order', 'reject', 'The time in force must be DAY for this order.'],
  [116, 'error', 'order', 'reject', 'The exchange does not accept this instrument.'],
  [117, 'error', 'order', 'reject', 'A block order needs at least 50 contracts.'],
  [135, 'error', 'order', 'reject', 'TWS cannot find the order to cancel or modify.'],
  [136, 'error', 'order', 'reject', 'This order cannot be cancelled.'],
  [161, 'error', 'order', 'reject', 'The order cannot be cancelled in its current state.'],
  [
    200,
    'error',
    'contract',
    'reject',
    'No security definition was found for this request (unknown or ambiguous contract).',
  ],
  [201, 'error', 'order', 'reject', 'TWS rejected the order.'],
  [202, 'info', 'order', 'none', 'The order was cancelled.'],
  [203, 'error', 'order', 'reject', 'This security is not available or not allowed for this account.'],
  [
    300,
    'warn',
    'market-data',
    'none',
    'TWS could not find the market data request to cancel (it had already ended).',
  ],
  [309, 'error', 'market-data', 'reject', 'Too many market depth requests.'],
  [310, 'warn', 'market-data', 'none', 'TWS could not find the market depth request to cancel.'],
  [317, 'info', 'market-data', 'none', 'The market depth data was reset.'],
  [321, 'error', 'other', 'reject', 'TWS could not validate the request (a field is wrong or missing).'],
  [322, 'error', 'other', 'reject', 'TWS could not process the request (duplicate id or too many requests).'],
  [324, 'error', 'scanner', 'reject', 'The scanner request could not be processed.'],
  [
    326,
    'error',
    'connection',
    'stop-retrying',
    'The client id is already in use by another API client of this TWS.',
  ],
  [
    354,
    'warn',
    'market-data',
    'delayed-data',
    'The account has no market data subscription for this instrument.',
  ],
  [366, 'warn', 'history', 'none', 'TWS has no such historical data query (it had already ended).'],
  [
    399,
    'warn',
    'order',
    'warn-order',
    'TWS accepted the order with a warning (for example, it will wait for the market to open).',
  ],
  [
    404,
    'warn',
    'order',
    'warn-order',
    'Shares for this short sale are not available yet; the order is held.',
  ],
  [
    420,
    'error',
    'market-data',
    'reject',
    'This market data request is not valid for this account (no permission).',
  ],
  [421, 'error', 'contract', 'reject', 'The security type is not valid for this request.'],
  [434, 'error', 'order', 'reject', 'The order size cannot be zero.'],
  [435, 'error', 'order', 'reject', 'An account must be given for this order.'],
  [
    478,
    'warn',
    'order',
    'warn-order',
    'The order price or size conflicts with a precautionary setting in TWS.',
  ],
  [492, 'warn', 'other', 'none', 'TWS could not find the subscription to update.'],
  [10147, 'warn', 'order', 'none', 'TWS cannot find the order to cancel (it may already be done).'],
  [
    10148,
    'warn',
    'order',
    'none',
    'The order cannot be cancelled any more (it is being filled or already done).',
  ],
  [10149, 'error', 'order', 'reject', 'The order id for the cancel is invalid.'],
  [
    10268,
    'error',
    'order',
    'reject',
    'The order was rejected because it would change an existing order in a way TWS does not allow.',
  ],

  // Client-side errors raised by the API library itself.
  [501, 'error', 'client', 'reconnect', 'Already connected.'],
  [
    502,
    'error',
    'connection',
    'reconnect',
    'Could not connect to TWS: nothing is listening on that port, or the API is not enabled in TWS.',
  ],
  [
    503,
    'error',
    'connection',
    'stop-retrying',
    'This TWS is too old for the API; upgrade TWS or IB Gateway.',
  ],
  [504, 'warn', 'connection', 'reconnect', 'Not connected to TWS.'],
  [505, 'error', 'client', 'reconnect', 'A message from TWS could not be decoded.'],
  [506, 'error', 'connection', 'stop-retrying', 'TWS announced an API version this app does not support.'],
  [507, 'error', 'connection', 'reconnect', 'A message from TWS was malformed (bad message length).'],
  [509, 'error', 'connection', 'reconnect', 'The connection to TWS failed while reading or writing.'],
  [520, 'error', 'connection', 'reconnect', 'The connection to TWS failed.'],
  [584, 'error', 'client', 'reject', 'A request could not be encoded.'],

  // TWS ↔ IB connectivity.
  [1100, 'warn', 'connection', 'degrade', 'TWS lost its connection to IB servers.'],
  [1101, 'warn', 'connection', 'resubscribe', 'TWS reconnected to IB servers, but market data was lost.'],
  [1102, 'info', 'connection', 'restore', 'TWS reconnected to IB servers and kept market data.'],
  [1300, 'warn', 'connection', 'reconnect', 'TWS changed its API socket port; reconnect on the new port.'],

  // Farm status (system messages 2100-range).
  [
    2100,
    'info',
    'account',
    'none',
    'New account data was requested; the previous subscription was cancelled.',
  ],
  [2101, 'warn', 'account', 'none', 'TWS cannot subscribe to account data for another account.'],
  [2102, 'warn', 'order', 'none', 'An order cannot be modified while it is being changed.'],
  [2103, 'warn', 'farm', 'none', 'A market data farm is disconnected; quotes from it are paused.'],
  [2104, 'info', 'farm', 'none', 'A market data farm connection is OK.'],
  [2105, 'warn', 'farm', 'none', 'A historical data farm is disconnected; chart requests may wait.'],
  [2106, 'info', 'farm', 'none', 'A historical data farm is connected.'],
  [2107, 'info', 'farm', 'none', 'A historical data farm is inactive but available on demand.'],
  [2108, 'info', 'farm', 'none', 'A market data farm is inactive but available on demand.'],
  [2109, 'warn', 'order', 'warn-order', 'The outside-regular-hours setting was ignored for this order.'],
  [2110, 'warn', 'connection', 'degrade', 'TWS lost its connection to IB servers (connectivity broken).'],
  [2119, 'info', 'farm', 'none', 'A market data farm is connecting.'],
  [2137, 'warn', 'order', 'warn-order', 'The order may cross a closing position (TWS warning).'],
  [2148, 'warn', 'account', 'none', 'The account is close to a margin call.'],
  [
    2157,
    'warn',
    'farm',
    'none',
    'The security definition server is disconnected; contract look-ups may fail.',
  ],
  [2158, 'info', 'farm', 'none', 'The security definition server is connected.'],

  // History and pacing.
  [
    162,
    'error',
    'history',
    'reject',
    'The historical data request failed (HMDS error, or a pacing violation).',
  ],
  [165, 'info', 'history', 'none', 'The historical data server sent a notice.'],
  [386, 'warn', 'history', 'none', 'The historical data request was cancelled.'],

  // Market data permissions and delayed data.
  [
    10089,
    'warn',
    'market-data',
    'delayed-data',
    'This instrument needs an additional market data subscription for live data.',
  ],
  [
    10090,
    'warn',
    'market-data',
    'delayed-data',
    'Part of the requested market data is not subscribed; delayed data is shown instead.',
  ],
  [
    10167,
    'info',
    'market-data',
    'delayed-data',
    'Live data is not subscribed for this instrument; TWS sends delayed data.',
  ],
  [10168, 'warn', 'market-data', 'reject', 'Delayed market data is not enabled for this account.'],
  [
    10182,
    'warn',
    'market-data',
    'resubscribe',
    'TWS lost the live market data subscription; it will be requested again.',
  ],
  [
    10186,
    'warn',
    'market-data',
    'delayed-data',
    'Live data is not subscribed; delayed data is available instead.',
  ],
  [
    10197,
    'warn',
    'market-data',
    'none',
    'Live data is in use by another session (competing live session); data may be delayed.',
  ],
  [10225, 'warn', 'market-data', 'none', 'Bust event: a trade was cancelled by the exchange.'],
  [10285, 'warn', 'other', 'none', 'A requested feature needs a newer API version.'],
  [10311, 'warn', 'order', 'warn-order', 'The order is held until it can be routed directly.'],
];

const TABLE: ReadonlyMap<number, TwsCodeInfo> = new Map(
  ROWS.map(([code, severity, category, reaction, text]) => [
    code,
    { code, severity, category, reaction, text, action: ACTION[reaction] },
  ]),
);

/** Every code in the table, for the Log pane's legend and for tests. */
export function knownTwsCodes(): number[] {
  return [...TABLE.keys()].sort((a, b) => a - b);
}

/** IB's code ranges, for codes the table does not list: what kind of message each range holds. */
const RANGES: [from: number, to: number, kind: [TwsSeverity, TwsCategory, TwsReaction, string]][] = [
  [2100, 2200, ['info', 'farm', 'none', 'TWS system notice.']],
  [500, 600, ['error', 'client', 'reject', 'The API client reported an error.']],
  [1100, 1400, ['warn', 'connection', 'none', 'TWS connectivity notice.']],
];

/** The table's entry for a code, or a generic one built from its range. Never throws. */
export function describeTwsCode(code: number): TwsCodeInfo {
  const known = TABLE.get(code);
  if (known) return known;
  const [severity, category, reaction, text] = RANGES.find(
    ([from, to]) => code >= from && code < to,
  )?.[2] ?? ['error', 'other', 'reject', 'TWS reported an error.'];
  return { code, severity, category, reaction, text, action: ACTION[reaction] };
}

/** True for TWS warnings and notices that do not end the request they name (farm status, delayed-data notes…). */
export function isNonFatalTwsCode(code: number): boolean {
  const info = describeTwsCode(code);
  return info.severity !== 'error' || info.reaction === 'none' || info.reaction === 'warn-order';
}

/**
 * The sentence a user sees: our plain words, then TWS's own text when it adds something, then the code.
 * `twsText` is what TWS sent; it is kept because it often names the field or the contract at fault.
 */
export function plainTwsMessage(code: number, twsText?: string): string {
  const info = describeTwsCode(code);
  const extra = twsText?.trim();
  const own = info.text.replace(/\.$/, '');
  return extra && !sameWords(extra, info.text) ? `${own}: ${extra} (TWS ${code})` : `${own} (TWS ${code})`;
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** 162 is both "no data" and "pacing violation": only the latter is queued and retried. */
export function isPacingViolation(code: number, twsText: string): boolean {
  return code === 100 || (code === 162 && /pacing violation/i.test(twsText));
}
