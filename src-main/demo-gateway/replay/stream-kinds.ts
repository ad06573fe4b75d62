// How a recording's messages belong to the requests that asked for them, generically: every message that answers a
// request carries that request's id in a fixed field (by message id), and the request record says what kind of
// stream it opened (reqMktData, reqHistoricalData, reqMktDepth …) and which request kind ends it. A new request
// kind works in replay once it is listed here; its messages need no code of their own.
import { MIN_SERVER_VER_SIZE_RULES } from '../wire/server-versions';

/** What a request kind opens. `live` streams flow until cancelled; `answer` requests get a finite reply. */
export interface StreamKind {
  readonly mode: 'live' | 'answer';
  /** The request kind that ends a live stream of this kind (same request id). */
  readonly cancel?: string;
  /** Request parameters that must agree for a new request to get this stream (besides kind and contract). */
  readonly params: readonly string[];
  /** Whether the request names a contract (a scanner or bulletins do not). */
  readonly contract: boolean;
  /** A part of the key read from the parameters when equality of one is too strict (see reqMktData). */
  readonly variant?: (params: Readonly<Record<string, unknown>> | undefined) => string;
}

/**
 * A market-data line with "mdoff" among its generic ticks carries no quotes (the app's news line: "mdoff,292:…"):
 * a stream of its own, or a quote line asked for later would be given it. The rest of the list need not agree.
 */
const quotesOff = (params: Readonly<Record<string, unknown>> | undefined): string =>
  /(^|,)\s*mdoff\s*(,|$)/i.test(String(params?.genericTickList ?? '')) ? 'MDOFF' : '';

const live = (cancel: string, params: readonly string[] = [], contract = true): StreamKind => ({
  mode: 'live',
  cancel,
  params,
  contract,
});
const answer = (params: readonly string[] = [], contract = true): StreamKind => ({
  mode: 'answer',
  params,
  contract,
});

export const STREAM_KINDS: Readonly<Record<string, StreamKind>> = {
  reqMktData: { ...live('cancelMktData'), variant: quotesOff },
  // The bar size is not part of the match: finer recorded bars make coarser ones (replay/replay-history.ts).
  reqHistoricalData: live('cancelHistoricalData', ['whatToShow']),
  reqRealTimeBars: live('cancelRealTimeBars', ['whatToShow']),
  reqScannerSubscription: live(
    'cancelScannerSubscription',
    ['subscription.scanCode', 'subscription.instrument', 'subscription.locationCode'],
    false,
  ),
  reqMktDepth: live('cancelMktDepth', ['isSmartDepth']),
  reqTickByTickData: live('cancelTickByTickData', ['tickType']),
  reqNewsBulletins: live('cancelNewsBulletins', [], false),
  reqContractDetails: answer(),
  reqHeadTimestamp: answer(['whatToShow']),
  reqHistoricalTicks: answer(['whatToShow']),
  reqHistoricalNews: answer(['conId', 'providerCodes'], false),
  reqNewsArticle: answer(['providerCode', 'articleId'], false),
};

/** Request kinds that end a live stream. */
export const CANCEL_KINDS: ReadonlySet<string> = new Set(
  Object.values(STREAM_KINDS).flatMap((k) => (k.cancel ? [k.cancel] : [])),
);

/** The request kind of a recording's checkpoint record (see replay/checkpoint.ts). */
export const CHECKPOINT_KIND = 'checkpoint';

/**
 * Index of the request id among a message's fields (field 0 is the message id), for the messages that answer a
 * request, at server version v; undefined for messages that belong to no request (orders, account, time …).
 */
export function reqIdField(msgId: number, v: number): number | undefined {
  switch (msgId) {
    case 1: // tickPrice: id, version, reqId
    case 2: // tickSize
    case 4: // error: id, version, reqId (the request it is about, or -1)
    case 12: // updateMktDepth
    case 13: // updateMktDepthL2
    case 20: // scannerData
    case 45: // tickGeneric
    case 46: // tickString
    case 47: // tickEFP
    case 50: // realtimeBar
    case 52: // contractDataEnd
    case 57: // tickSnapshotEnd
    case 58: // marketDataType
      return 2;
    case 10: // contractData: the version field went at SIZE_RULES (164)
      return v < MIN_SERVER_VER_SIZE_RULES ? 2 : 1;
    case 17: // historicalData (no version from SYNT_REALTIME_BARS, 124)
    case 21: // tickOptionComputation (no version from PRICE_BASED_VOLATILITY, 156)
    case 79: // symbolSamples
    case 81: // tickReqParams
    case 83: // newsArticle
    case 84: // tickNews
    case 86: // historicalNews
    case 87: // historicalNewsEnd
    case 88: // headTimestamp
    case 90: // historicalDataUpdate
    case 96: // historicalTicks
    case 97: // historicalTicksBidAsk
    case 98: // historicalTicksLast
    case 99: // tickByTick
      return 1;
    default:
      return undefined;
  }
}

/** Messages that finish an answer (the request gets nothing after them). */
export function endsAnswer(msgId: number, fields: readonly string[]): boolean {
  switch (msgId) {
    case 52: // contractDataEnd
    case 83: // newsArticle
    case 87: // historicalNewsEnd
    case 88: // headTimestamp
      return true;
    case 96:
    case 97:
    case 98: // historical ticks: the last field says done
      return fields[fields.length - 1] === '1';
    default:
      return false;
  }
}

/** NEWS_BULLETINS (14) carry no request id: they belong to the session's bulletin subscription. */
export const BULLETINS_MSG = 14;
