// The requests the gateway understands, decoded from the client's fields into plain objects.
import type { ContractRequest, OrderTicket } from '../orders/order-types';
import type { DepthRequest } from './decode-depth';

export interface TagValue {
  tag: string;
  value: string;
}

export interface ExecutionFilter {
  clientId: number;
  acctCode: string;
  time: string;
  symbol: string;
  secType: string;
  exchange: string;
  side: string;
}

export interface ScannerSubscription {
  numberOfRows: number | undefined;
  instrument: string;
  locationCode: string;
  scanCode: string;
  abovePrice: number | undefined;
  belowPrice: number | undefined;
  aboveVolume: number | undefined;
  marketCapAbove: number | undefined;
  marketCapBelow: number | undefined;
  averageOptionVolumeAbove: number | undefined;
  scannerSettingPairs: string;
  stockTypeFilter: string;
}

export type Request =
  | { kind: 'startApi'; clientId: number; optionalCapabilities: string }
  | {
      kind: 'reqMktData';
      reqId: number;
      contract: ContractRequest;
      genericTickList: string;
      snapshot: boolean;
      regulatorySnapshot: boolean;
    }
  | { kind: 'cancelMktData'; reqId: number }
  | {
      kind: 'placeOrder';
      orderId: number;
      contract: ContractRequest;
      ticket: OrderTicket;
      warnings: string[];
    }
  | { kind: 'cancelOrder'; orderId: number; manualOrderCancelTime: string }
  | { kind: 'reqOpenOrders' }
  | { kind: 'reqAccountUpdates'; subscribe: boolean; account: string }
  | { kind: 'reqExecutions'; reqId: number; filter: ExecutionFilter }
  | { kind: 'reqIds'; numIds: number }
  | { kind: 'reqContractDetails'; reqId: number; contract: ContractRequest }
  | { kind: 'reqAutoOpenOrders'; autoBind: boolean }
  | { kind: 'reqAllOpenOrders' }
  | { kind: 'reqManagedAccts' }
  | {
      kind: 'reqHistoricalData';
      reqId: number;
      contract: ContractRequest;
      endDateTime: string;
      barSize: string;
      duration: string;
      useRth: boolean;
      whatToShow: string;
      formatDate: number;
      keepUpToDate: boolean;
    }
  | {
      kind: 'reqScannerSubscription';
      reqId: number;
      subscription: ScannerSubscription;
      filterOptions: TagValue[];
      options: TagValue[];
    }
  | { kind: 'cancelScannerSubscription'; reqId: number }
  | { kind: 'reqScannerParameters' }
  | { kind: 'cancelHistoricalData'; reqId: number }
  | { kind: 'reqCurrentTime' }
  | {
      kind: 'reqRealTimeBars';
      reqId: number;
      contract: ContractRequest;
      barSize: number;
      whatToShow: string;
      useRth: boolean;
    }
  | { kind: 'cancelRealTimeBars'; reqId: number }
  | { kind: 'reqGlobalCancel' }
  | { kind: 'reqMarketDataType'; marketDataType: number }
  | { kind: 'reqPositions' }
  | { kind: 'cancelPositions' }
  | { kind: 'reqAccountSummary'; reqId: number; group: string; tags: string }
  | { kind: 'cancelAccountSummary'; reqId: number }
  | { kind: 'reqPositionsMulti'; reqId: number; account: string; modelCode: string }
  | { kind: 'cancelPositionsMulti'; reqId: number }
  | {
      kind: 'reqAccountUpdatesMulti';
      reqId: number;
      account: string;
      modelCode: string;
      ledgerAndNLV: boolean;
    }
  | { kind: 'cancelAccountUpdatesMulti'; reqId: number }
  | { kind: 'reqMatchingSymbols'; reqId: number; pattern: string }
  | {
      kind: 'reqHeadTimestamp';
      reqId: number;
      contract: ContractRequest;
      whatToShow: string;
      useRth: boolean;
      formatDate: number;
    }
  | { kind: 'cancelHeadTimestamp'; reqId: number }
  | { kind: 'reqPnL'; reqId: number; account: string; modelCode: string }
  | { kind: 'cancelPnL'; reqId: number }
  | { kind: 'reqPnLSingle'; reqId: number; account: string; modelCode: string; conId: number }
  | { kind: 'cancelPnLSingle'; reqId: number }
  | { kind: 'reqCompletedOrders'; apiOnly: boolean }
  | { kind: 'setServerLogLevel'; level: number }
  | { kind: 'reqFamilyCodes' }
  | { kind: 'reqSoftDollarTiers'; reqId: number }
  | { kind: 'reqMktDepthExchanges' }
  | { kind: 'reqSmartComponents'; reqId: number }
  | { kind: 'reqNewsProviders' }
  | { kind: 'reqNewsArticle'; reqId: number; providerCode: string; articleId: string }
  | {
      kind: 'reqHistoricalNews';
      reqId: number;
      conId: number;
      providerCodes: string;
      startDateTime: string;
      endDateTime: string;
      totalResults: number;
    }
  | { kind: 'reqNewsBulletins'; allMessages: boolean }
  | { kind: 'cancelNewsBulletins' }
  | { kind: 'reqUserInfo'; reqId: number }
  | { kind: 'reqMarketRule'; marketRuleId: number }
  | {
      kind: 'reqSecDefOptParams';
      reqId: number;
      underlyingSymbol: string;
      /** "" for stock underlyings ("all exchanges"); an exchange narrows the rows to it. */
      futFopExchange: string;
      underlyingSecType: string;
      underlyingConId: number;
    }
  | {
      kind: 'calculateImpliedVolatility' | 'calculateOptionPrice';
      reqId: number;
      contract: ContractRequest;
      /** The option price (54) or the volatility (55). */
      value: number;
      underPrice: number;
    }
  | { kind: 'cancelCalculateImpliedVolatility'; reqId: number }
  | { kind: 'cancelCalculateOptionPrice'; reqId: number }
  | { kind: 'queryDisplayGroups'; reqId: number }
  | DepthRequest
  /** A request TWS accepts without answering (display-group events, cancels of unsupported requests). */
  | { kind: 'ignored'; msgId: number }
  /** A real TWS request the demo does not serve: answered with an error for `id`. */
  | { kind: 'unsupported'; msgId: number; id: number; what: string; code: number; text: string };
