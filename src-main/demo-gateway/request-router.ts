// Every decoded request to the handler that answers it: one switch over Request['kind'] (the compiler checks that
// each kind is routed). Requests TWS answers with a fixed message are answered here; the rest go to the handlers.
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { Session } from './connections/session';
import type { IgnoredOrder } from './connections/received-log';
import type { Request } from './wire/requests';
import type { ContractRequest } from './orders/order-types';
import type { MarketDataService } from './handlers/market-data';
import type { HistoryService } from './handlers/history';
import type { ScannerService } from './handlers/scanner';
import type { AccountService } from './handlers/accounts';
import type { OrderRouter } from './handlers/orders';
import type { DepthService } from './handlers/depth';
import type { TickByTickService } from './handlers/tick-by-tick';
import type { HistoricalTicksService } from './handlers/historical-ticks';
import type { NewsService } from './handlers/news';
import {
  currentTime,
  displayGroupList,
  familyCodes,
  managedAccounts,
  smartComponents,
  softDollarTiers,
  userInfo,
} from './wire/encoder';

interface ContractHandlers {
  details(s: Session, reqId: number, contract: ContractRequest): void;
  matchingSymbols(s: Session, reqId: number, pattern: string): void;
  marketRule(s: Session, marketRuleId: number): void;
}

interface OptionHandlers {
  secDefOptParams(s: Session, req: Extract<Request, { kind: 'reqSecDefOptParams' }>): void;
  calculate(
    s: Session,
    req: Extract<Request, { kind: 'calculateImpliedVolatility' | 'calculateOptionPrice' }>,
  ): void;
}

export interface RouteTargets {
  clock: Clock;
  log: Logger;
  /** The managed account ids (reqManagedAccts). */
  accountIds: readonly string[];
  /** Whether this client already placed this order id (a change to it is never swallowed). */
  isKnownOrder(clientId: number, orderId: number): boolean;
  /** Fault: consumes one armed "swallow the next new order". */
  takeSwallowedOrder(): boolean;
  ignore(order: IgnoredOrder): void;
  contracts: ContractHandlers;
  options: OptionHandlers;
  marketData: Pick<MarketDataService, 'setType' | 'subscribe' | 'cancel'>;
  history: Pick<
    HistoryService,
    'request' | 'cancel' | 'headTimestamp' | 'realTimeBars' | 'cancelRealTimeBars'
  >;
  scanner: Pick<ScannerService, 'parameters' | 'subscribe' | 'cancel'>;
  accounts: Pick<
    AccountService,
    | 'positions'
    | 'cancelPositions'
    | 'summary'
    | 'cancelSummary'
    | 'positionsMultiStart'
    | 'cancelPositionsMulti'
    | 'accountUpdatesMultiStart'
    | 'cancelAccountUpdatesMulti'
    | 'accountUpdates'
    | 'pnl'
    | 'cancelPnl'
  >;
  news: Pick<
    NewsService,
    | 'providers'
    | 'historical'
    | 'article'
    | 'marketData'
    | 'cancelMarketData'
    | 'bulletins'
    | 'cancelBulletins'
  >;
  orders: Pick<
    OrderRouter,
    | 'ids'
    | 'place'
    | 'cancel'
    | 'globalCancel'
    | 'openOrders'
    | 'autoOpenOrders'
    | 'executions'
    | 'completedOrders'
  >;
  depth: Pick<DepthService, 'exchanges' | 'subscribe' | 'cancel'>;
  tickByTick: Pick<TickByTickService, 'subscribe' | 'cancel'>;
  historicalTicks: Pick<HistoricalTicksService, 'request'>;
}

export function createRequestRouter(t: RouteTargets): (s: Session, req: Request) => void {
  const { marketData, history, scanner, accounts, orders, contracts, options, depth, tickByTick, news } = t;
  return (s, req) => {
    const now = t.clock.now();
    switch (req.kind) {
      case 'startApi':
        return;
      case 'reqCurrentTime':
        return s.send(currentTime(Math.floor(now / 1000)));
      case 'reqManagedAccts':
        return s.send(managedAccounts(t.accountIds));
      case 'reqIds':
        return orders.ids(s);
      case 'reqContractDetails':
        return contracts.details(s, req.reqId, req.contract);
      case 'reqMatchingSymbols':
        return contracts.matchingSymbols(s, req.reqId, req.pattern);
      case 'reqMarketRule':
        return contracts.marketRule(s, req.marketRuleId);
      case 'reqMarketDataType':
        return marketData.setType(s, req.marketDataType);
      case 'reqMktData':
        if (news.marketData(s, req)) return;
        return marketData.subscribe(
          s,
          req.reqId,
          req.contract,
          req.genericTickList,
          req.snapshot,
          req.regulatorySnapshot,
        );
      case 'cancelMktData':
        if (news.cancelMarketData(s, req.reqId)) return;
        return marketData.cancel(s, req.reqId);
      case 'reqHistoricalData':
        return history.request(s, req);
      case 'cancelHistoricalData':
        return history.cancel(s, req.reqId);
      case 'reqHeadTimestamp':
        return history.headTimestamp(s, req.reqId, req.contract, req.whatToShow, req.useRth, req.formatDate);
      case 'cancelHeadTimestamp':
        return;
      case 'reqRealTimeBars':
        return history.realTimeBars(s, req.reqId, req.contract, req.whatToShow, req.useRth);
      case 'cancelRealTimeBars':
        return history.cancelRealTimeBars(s, req.reqId);
      case 'reqScannerParameters':
        return scanner.parameters(s);
      case 'reqScannerSubscription':
        return scanner.subscribe(s, req.reqId, req.subscription, req.filterOptions);
      case 'cancelScannerSubscription':
        return scanner.cancel(s, req.reqId);
      case 'placeOrder':
        // Only a new order is lost: a change to one TWS holds goes through (TWS lost an order, not a session).
        if (!t.isKnownOrder(s.clientId, req.orderId) && t.takeSwallowedOrder()) {
          t.ignore({ time: now, clientId: s.clientId, orderId: req.orderId, session: s.seq });
          return;
        }
        return orders.place(s, req.orderId, req.contract, req.ticket, req.warnings);
      case 'cancelOrder':
        return orders.cancel(s, req.orderId);
      case 'reqGlobalCancel':
        return orders.globalCancel();
      case 'reqOpenOrders':
        return orders.openOrders(s, false);
      case 'reqAllOpenOrders':
        return orders.openOrders(s, true);
      case 'reqAutoOpenOrders':
        return orders.autoOpenOrders(s, req.autoBind);
      case 'reqExecutions':
        return orders.executions(s, req.reqId, req.filter);
      case 'reqCompletedOrders':
        return orders.completedOrders(s);
      case 'reqPositions':
        return accounts.positions(s);
      case 'cancelPositions':
        return accounts.cancelPositions(s);
      case 'reqAccountSummary':
        return accounts.summary(s, req.reqId, req.group, req.tags);
      case 'cancelAccountSummary':
        return accounts.cancelSummary(s, req.reqId);
      case 'reqPositionsMulti':
        return accounts.positionsMultiStart(s, req.reqId, req.account, req.modelCode);
      case 'cancelPositionsMulti':
        return accounts.cancelPositionsMulti(s, req.reqId);
      case 'reqAccountUpdatesMulti':
        return accounts.accountUpdatesMultiStart(s, req.reqId, req.account, req.modelCode, req.ledgerAndNLV);
      case 'cancelAccountUpdatesMulti':
        return accounts.cancelAccountUpdatesMulti(s, req.reqId);
      case 'reqAccountUpdates':
        return accounts.accountUpdates(s, req.subscribe, req.account);
      case 'reqPnL':
        return accounts.pnl(s, req.reqId, req.account);
      case 'reqPnLSingle':
        return accounts.pnl(s, req.reqId, req.account, req.conId);
      case 'cancelPnL':
      case 'cancelPnLSingle':
        return accounts.cancelPnl(s, req.reqId);
      case 'setServerLogLevel':
        return;
      case 'reqFamilyCodes':
        return s.send(familyCodes([]));
      case 'reqSoftDollarTiers':
        return s.send(softDollarTiers(req.reqId));
      case 'reqMktDepthExchanges':
        return depth.exchanges(s);
      case 'reqMktDepth':
        return depth.subscribe(s, req);
      case 'cancelMktDepth':
        return depth.cancel(s, req.reqId);
      case 'reqTickByTickData':
        return tickByTick.subscribe(s, req);
      case 'cancelTickByTickData':
        return tickByTick.cancel(s, req.reqId);
      case 'reqHistoricalTicks':
        return t.historicalTicks.request(s, req);
      case 'reqSmartComponents':
        return s.send(smartComponents(req.reqId));
      case 'reqNewsProviders':
        return news.providers(s);
      case 'reqNewsArticle':
        return news.article(s, req.reqId, req.providerCode, req.articleId);
      case 'reqHistoricalNews':
        return news.historical(s, req);
      case 'reqNewsBulletins':
        return news.bulletins(s, req.allMessages);
      case 'cancelNewsBulletins':
        return news.cancelBulletins(s);
      case 'reqUserInfo':
        return s.send(userInfo(req.reqId, ''));
      case 'reqSecDefOptParams':
        return options.secDefOptParams(s, req);
      case 'calculateImpliedVolatility':
      case 'calculateOptionPrice':
        return options.calculate(s, req);
      case 'cancelCalculateImpliedVolatility':
      case 'cancelCalculateOptionPrice':
        // A calculation is answered at once (handlers/options.ts): nothing is left running to stop.
        return;
      case 'queryDisplayGroups':
        return s.send(displayGroupList(req.reqId, '1|2|3|4|5|6|7'));
      case 'ignored':
        return;
      case 'unsupported':
        t.log.debug(`unsupported request: ${req.what}`, { clientId: s.clientId, twsCode: req.code });
        return s.error(req.id, req.code, req.text);
    }
  };
}
