// Incoming requests, decoded field by field in the layout the client uses at the negotiated server version `v`
// (as ibapi's EClient writes them). Throws DecodeError on a field that does not parse.
import { FieldReader, DecodeError, parseTagValues } from './field-reader';
import { Incoming as I } from './message-ids';
import {
  MIN_SERVER_VER_BOND_ISSUERID,
  MIN_SERVER_VER_CME_TAGGING_FIELDS,
  MIN_SERVER_VER_MANUAL_ORDER_TIME,
  MIN_SERVER_VER_RFQ_FIELDS,
  MIN_SERVER_VER_SCANNER_GENERIC_OPTS,
  MIN_SERVER_VER_SYNT_REALTIME_BARS,
  MIN_SERVER_VER_UNDO_RFQ_FIELDS,
} from './server-versions';
import { decodePlaceOrder } from './decode-order';
import { readContract } from './decode-contract';
import { decodeCalculation, decodeSecDefOptParams } from './decode-options';
import { decodeDepthRequest } from './decode-depth';
import { decodeNewsRequest } from './decode-news';
import type { Request, ScannerSubscription } from './requests';

/** Requests that are a version field and a request id. */
const ID_AFTER_VERSION = {
  [I.CANCEL_MKT_DATA]: 'cancelMktData',
  [I.CANCEL_SCANNER_SUBSCRIPTION]: 'cancelScannerSubscription',
  [I.CANCEL_HISTORICAL_DATA]: 'cancelHistoricalData',
  [I.CANCEL_REAL_TIME_BARS]: 'cancelRealTimeBars',
  [I.CANCEL_ACCOUNT_SUMMARY]: 'cancelAccountSummary',
  [I.CANCEL_POSITIONS_MULTI]: 'cancelPositionsMulti',
  [I.CANCEL_ACCOUNT_UPDATES_MULTI]: 'cancelAccountUpdatesMulti',
  [I.QUERY_DISPLAY_GROUPS]: 'queryDisplayGroups',
  [I.CANCEL_CALC_IMPLIED_VOLAT]: 'cancelCalculateImpliedVolatility',
  [I.CANCEL_CALC_OPTION_PRICE]: 'cancelCalculateOptionPrice',
} as const;

/** Requests that are a request id alone (messages newer than version fields). */
const ID_ONLY = {
  [I.CANCEL_HEAD_TIMESTAMP]: 'cancelHeadTimestamp',
  [I.CANCEL_PNL]: 'cancelPnL',
  [I.CANCEL_PNL_SINGLE]: 'cancelPnLSingle',
  [I.REQ_SOFT_DOLLAR_TIERS]: 'reqSoftDollarTiers',
  [I.REQ_SMART_COMPONENTS]: 'reqSmartComponents',
  [I.REQ_USER_INFO]: 'reqUserInfo',
} as const;

/** Requests with no fields but a version that some clients leave out. */
const BARE_AFTER_OPTIONAL_VERSION = {
  [I.REQ_OPEN_ORDERS]: 'reqOpenOrders',
  [I.REQ_ALL_OPEN_ORDERS]: 'reqAllOpenOrders',
  [I.REQ_MANAGED_ACCTS]: 'reqManagedAccts',
  [I.REQ_POSITIONS]: 'reqPositions',
  [I.CANCEL_POSITIONS]: 'cancelPositions',
  [I.REQ_SCANNER_PARAMETERS]: 'reqScannerParameters',
  [I.REQ_CURRENT_TIME]: 'reqCurrentTime',
} as const;

/** Requests with no fields at all. */
const BARE = {
  [I.REQ_FAMILY_CODES]: 'reqFamilyCodes',
  [I.REQ_MKT_DEPTH_EXCHANGES]: 'reqMktDepthExchanges',
  [I.REQ_NEWS_PROVIDERS]: 'reqNewsProviders',
} as const;

type SimpleRequest = Extract<
  Request,
  {
    kind:
      | (typeof ID_AFTER_VERSION)[keyof typeof ID_AFTER_VERSION]
      | (typeof ID_ONLY)[keyof typeof ID_ONLY]
      | (typeof BARE_AFTER_OPTIONAL_VERSION)[keyof typeof BARE_AFTER_OPTIONAL_VERSION]
      | (typeof BARE)[keyof typeof BARE];
  }
>;
type ById<R> = Partial<Record<number, R>>;
type IdKind = ById<Extract<SimpleRequest, { reqId: number }>['kind']>;
type BareKind = ById<Exclude<SimpleRequest, { reqId: number }>['kind']>;
const idAfterVersion: IdKind = ID_AFTER_VERSION;
const idOnly: IdKind = ID_ONLY;
const bareAfterOptionalVersion: BareKind = BARE_AFTER_OPTIONAL_VERSION;
const bare: BareKind = BARE;

/** The requests of the tables above, or undefined for any other message id. */
function decodeSimple(r: FieldReader, id: number): SimpleRequest | undefined {
  const versioned = idAfterVersion[id];
  if (versioned) {
    r.int();
    return { kind: versioned, reqId: r.int() };
  }
  const withId = idOnly[id];
  if (withId) return { kind: withId, reqId: r.int() };
  const optional = bareAfterOptionalVersion[id];
  if (optional) {
    r.skipOpt();
    return { kind: optional };
  }
  const none = bare[id];
  return none ? { kind: none } : undefined;
}

/** Decodes one request; `fields[0]` is the message id. */
export function decodeRequest(fields: readonly string[], v: number): Request {
  return decodeRequestChecked(fields, v).req;
}

/** Decodes one request and reports how many fields were left unread (tests check it is zero). */
export function decodeRequestChecked(
  fields: readonly string[],
  v: number,
): { req: Request; leftover: number } {
  const r = new FieldReader(fields);
  const req = decodeFields(r, v);
  return { req, leftover: r.remaining };
}

function decodeFields(r: FieldReader, v: number): Request {
  const idText = r.msgId.trim();
  if (!/^\d+$/.test(idText)) throw new DecodeError(`For input string: "${idText}"`, 0);
  const id = Number(idText);
  const simple = decodeSimple(r, id) ?? decodeNewsRequest(r, id);
  if (simple) return simple;
  const depth = decodeDepthRequest(r, id);
  if (depth) return depth;
  switch (id) {
    case I.START_API: {
      r.int(); // version 2
      const clientId = r.int();
      return { kind: 'startApi', clientId, optionalCapabilities: r.strOpt() };
    }
    case I.REQ_MKT_DATA: {
      r.int(); // version 11
      const reqId = r.int();
      const contract = readContract(r);
      if (contract.secType === 'BAG') {
        const n = r.int();
        r.skip(4 * n);
      }
      if (r.bool()) r.skip(3); // delta-neutral contract
      const genericTickList = r.str();
      const snapshot = r.bool();
      const regulatorySnapshot = r.bool(); // REQ_SMART_COMPONENTS (114)
      r.strOpt(); // mktDataOptions (LINKING, 70)
      return { kind: 'reqMktData', reqId, contract, genericTickList, snapshot, regulatorySnapshot };
    }
    case I.PLACE_ORDER:
      return decodePlaceOrder(r, v);
    case I.CANCEL_ORDER: {
      // The version field was dropped at CME_TAGGING_FIELDS (192).
      if (v < MIN_SERVER_VER_CME_TAGGING_FIELDS) r.int();
      const orderId = r.int();
      const manualOrderCancelTime = v >= MIN_SERVER_VER_MANUAL_ORDER_TIME ? r.strOpt() : '';
      if (v >= MIN_SERVER_VER_RFQ_FIELDS && v < MIN_SERVER_VER_UNDO_RFQ_FIELDS) r.skipOpt(3);
      if (v >= MIN_SERVER_VER_CME_TAGGING_FIELDS) r.skipOpt(2);
      return { kind: 'cancelOrder', orderId, manualOrderCancelTime };
    }
    case I.REQ_ACCT_DATA: {
      r.int();
      const subscribe = r.bool();
      return { kind: 'reqAccountUpdates', subscribe, account: r.strOpt() };
    }
    case I.REQ_EXECUTIONS: {
      r.int(); // version 3
      const reqId = r.int();
      const filter = {
        clientId: r.int(),
        acctCode: r.str(),
        time: r.str(),
        symbol: r.str(),
        secType: r.str(),
        exchange: r.str(),
        side: r.str(),
      };
      return { kind: 'reqExecutions', reqId, filter };
    }
    case I.REQ_IDS:
      r.int();
      return { kind: 'reqIds', numIds: r.int() };
    case I.REQ_CONTRACT_DATA: {
      r.int(); // version 8
      const reqId = r.int();
      const c = readContract(r);
      c.includeExpired = r.bool();
      c.secIdType = r.str();
      c.secId = r.str();
      if (v >= MIN_SERVER_VER_BOND_ISSUERID) c.issuerId = r.strOpt();
      return { kind: 'reqContractDetails', reqId, contract: c };
    }
    case I.REQ_AUTO_OPEN_ORDERS:
      r.int();
      return { kind: 'reqAutoOpenOrders', autoBind: r.bool() };
    case I.REQ_HISTORICAL_DATA: {
      // No version field from SYNT_REALTIME_BARS (124), which also added keepUpToDate.
      if (v < MIN_SERVER_VER_SYNT_REALTIME_BARS) r.int();
      const reqId = r.int();
      const contract = readContract(r);
      contract.includeExpired = r.bool();
      const endDateTime = r.str();
      const barSize = r.str();
      const duration = r.str();
      const useRth = r.bool();
      const whatToShow = r.str();
      const formatDate = r.int();
      if (contract.secType === 'BAG') {
        const n = r.int();
        r.skip(4 * n);
      }
      const keepUpToDate = r.bool();
      r.strOpt(); // chartOptions
      return {
        kind: 'reqHistoricalData',
        reqId,
        contract,
        endDateTime,
        barSize,
        duration,
        useRth,
        whatToShow,
        formatDate,
        keepUpToDate,
      };
    }
    case I.REQ_SCANNER_SUBSCRIPTION: {
      if (v < MIN_SERVER_VER_SCANNER_GENERIC_OPTS) r.int(); // version 4
      const reqId = r.int();
      const subscription: ScannerSubscription = {
        numberOfRows: r.intMax(),
        instrument: r.str(),
        locationCode: r.str(),
        scanCode: r.str(),
        abovePrice: r.floatMax(),
        belowPrice: r.floatMax(),
        aboveVolume: r.intMax(),
        marketCapAbove: r.floatMax(),
        marketCapBelow: r.floatMax(),
        averageOptionVolumeAbove: undefined,
        scannerSettingPairs: '',
        stockTypeFilter: '',
      };
      r.skip(4); // moody/sp ratings above/below
      r.skip(2); // maturity dates
      r.skip(2); // coupon rates
      r.strOpt(); // excludeConvertible (sent as an int or empty)
      subscription.averageOptionVolumeAbove = r.floatMax();
      subscription.scannerSettingPairs = r.str();
      subscription.stockTypeFilter = r.str();
      // Filter options come before the subscription options on the wire (SCANNER_GENERIC_OPTS, 143).
      const filterOptions = parseTagValues(r.strOpt());
      const options = parseTagValues(r.strOpt());
      return { kind: 'reqScannerSubscription', reqId, subscription, filterOptions, options };
    }
    case I.REQ_REAL_TIME_BARS: {
      r.int(); // version 3
      const reqId = r.int();
      const contract = readContract(r);
      const barSize = r.int();
      const whatToShow = r.str();
      const useRth = r.bool();
      r.strOpt(); // realTimeBarsOptions
      return { kind: 'reqRealTimeBars', reqId, contract, barSize, whatToShow, useRth };
    }
    case I.REQ_GLOBAL_CANCEL:
      // Version field until CME_TAGGING_FIELDS (192), then extOperator and manualOrderIndicator.
      r.skipOpt(v < MIN_SERVER_VER_CME_TAGGING_FIELDS ? 1 : 2);
      return { kind: 'reqGlobalCancel' };
    case I.REQ_MARKET_DATA_TYPE:
      r.int();
      return { kind: 'reqMarketDataType', marketDataType: r.int() };
    case I.REQ_ACCOUNT_SUMMARY: {
      r.int();
      const reqId = r.int();
      const group = r.str();
      return { kind: 'reqAccountSummary', reqId, group, tags: r.str() };
    }
    // The *_MULTI requests (MODELS_SUPPORT, 103): version 1 from ibapi (@stoqey/ib writes 2 for the account
    // updates pair), reqId, account, modelCode, and ledgerAndNLV for account updates.
    case I.REQ_POSITIONS_MULTI: {
      r.int();
      const reqId = r.int();
      const account = r.str();
      return { kind: 'reqPositionsMulti', reqId, account, modelCode: r.str() };
    }
    case I.REQ_ACCOUNT_UPDATES_MULTI: {
      r.int();
      const reqId = r.int();
      const account = r.str();
      const modelCode = r.str();
      return { kind: 'reqAccountUpdatesMulti', reqId, account, modelCode, ledgerAndNLV: r.bool() };
    }
    case I.REQ_MATCHING_SYMBOLS: {
      const reqId = r.int();
      return { kind: 'reqMatchingSymbols', reqId, pattern: r.str() };
    }
    case I.REQ_HEAD_TIMESTAMP: {
      const reqId = r.int();
      const contract = readContract(r);
      contract.includeExpired = r.bool();
      const useRth = r.bool();
      const whatToShow = r.str();
      return { kind: 'reqHeadTimestamp', reqId, contract, whatToShow, useRth, formatDate: r.int() };
    }
    case I.REQ_PNL: {
      const reqId = r.int();
      const account = r.str();
      return { kind: 'reqPnL', reqId, account, modelCode: r.strOpt() };
    }
    case I.REQ_PNL_SINGLE: {
      const reqId = r.int();
      const account = r.str();
      const modelCode = r.str();
      return { kind: 'reqPnLSingle', reqId, account, modelCode, conId: r.int() };
    }
    case I.REQ_COMPLETED_ORDERS:
      return { kind: 'reqCompletedOrders', apiOnly: r.bool() };
    case I.SET_SERVER_LOGLEVEL:
      r.int();
      return { kind: 'setServerLogLevel', level: r.int() };
    case I.REQ_MARKET_RULE:
      return { kind: 'reqMarketRule', marketRuleId: r.int() };
    case I.CANCEL_FUNDAMENTAL_DATA:
    case I.SUBSCRIBE_TO_GROUP_EVENTS:
    case I.UPDATE_DISPLAY_GROUP:
    case I.UNSUBSCRIBE_FROM_GROUP_EVENTS:
    case I.CANCEL_HISTOGRAM_DATA:
    case I.CANCEL_WSH_META_DATA:
    case I.CANCEL_WSH_EVENT_DATA:
      return { kind: 'ignored', msgId: id };
    case I.REQ_FA:
    case I.REPLACE_FA:
      return unsupported(
        id,
        -1,
        'FA configuration',
        321,
        "Error validating request.-'bB' : cause - FA data operations ignored for non FA customers.",
      );
    case I.REQ_FUNDAMENTAL_DATA:
      r.int();
      return unsupported(
        id,
        r.int(),
        'fundamental data',
        430,
        'We are sorry, but fundamentals data for the security specified is not available.',
      );
    case I.REQ_SEC_DEF_OPT_PARAMS:
      return decodeSecDefOptParams(r);
    case I.REQ_CALC_IMPLIED_VOLAT:
    case I.REQ_CALC_OPTION_PRICE:
      return decodeCalculation(r, id === I.REQ_CALC_IMPLIED_VOLAT);
    case I.EXERCISE_OPTIONS:
      r.int();
      return notServed(id, r.int(), 'option exercise');
    case I.REQ_HISTOGRAM_DATA:
      return notServed(id, r.int(), 'histogram data');
    case I.REQ_WSH_META_DATA:
    case I.REQ_WSH_EVENT_DATA:
      return notServed(id, r.int(), 'Wall Street Horizon data');
    case I.VERIFY_REQUEST:
    case I.VERIFY_MESSAGE:
    case I.VERIFY_AND_AUTH_REQUEST:
    case I.VERIFY_AND_AUTH_MESSAGE:
      return unsupported(
        id,
        -1,
        'API verification',
        321,
        "Error validating request.-'a0' : cause - Verification is not required.",
      );
    default:
      throw new DecodeError(`unknown message id ${id}`, 0);
  }
}

function unsupported(msgId: number, id: number, what: string, code: number, text: string): Request {
  return { kind: 'unsupported', msgId, id, what, code, text };
}

function notServed(msgId: number, id: number, what: string): Request {
  return unsupported(
    msgId,
    id,
    what,
    321,
    `Error validating request.-'a${msgId}' : cause - The demo gateway does not serve ${what}.`,
  );
}
