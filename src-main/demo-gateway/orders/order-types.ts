// What a client sends in placeOrder (the fields the gateway uses or echoes back) and the order as the gateway
// keeps it.
import type { Instrument } from '../model/instrument';

/** The contract part of a request, as the client spelled it. */
export interface ContractRequest {
  conId: number;
  symbol: string;
  secType: string;
  lastTradeDateOrContractMonth: string;
  strike: number;
  right: string;
  multiplier: string;
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
  includeExpired: boolean;
  secIdType: string;
  secId: string;
  issuerId: string;
}

export function emptyContractRequest(): ContractRequest {
  return {
    conId: 0,
    symbol: '',
    secType: '',
    lastTradeDateOrContractMonth: '',
    strike: 0,
    right: '',
    multiplier: '',
    exchange: '',
    primaryExchange: '',
    currency: '',
    localSymbol: '',
    tradingClass: '',
    includeExpired: false,
    secIdType: '',
    secId: '',
    issuerId: '',
  };
}

export interface OrderTicket {
  action: string;
  totalQuantity: number;
  orderType: string;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  tif: string;
  ocaGroup: string;
  ocaType: number;
  account: string;
  openClose: string;
  origin: number;
  orderRef: string;
  transmit: boolean;
  parentId: number;
  blockOrder: boolean;
  sweepToFill: boolean;
  displaySize: number | undefined;
  triggerMethod: number;
  outsideRth: boolean;
  hidden: boolean;
  discretionaryAmt: number;
  goodAfterTime: string;
  goodTillDate: string;
  faGroup: string;
  faMethod: string;
  faPercentage: string;
  modelCode: string;
  shortSaleSlot: number;
  designatedLocation: string;
  exemptCode: number;
  rule80A: string;
  settlingFirm: string;
  allOrNone: boolean;
  minQty: number | undefined;
  percentOffset: number | undefined;
  trailStopPrice: number | undefined;
  trailingPercent: number | undefined;
  algoStrategy: string;
  whatIf: boolean;
  conditionsCount: number;
  cashQty: number | undefined;
  notHeld: boolean;
  hedgeType: string;
  autoCancelParent: boolean;
  /** True when the BAG/delta-neutral/scale/combo parts were present (the demo rejects those orders). */
  unsupportedFeature: string;
}

export function defaultTicket(): OrderTicket {
  return {
    action: '',
    totalQuantity: 0,
    orderType: '',
    lmtPrice: undefined,
    auxPrice: undefined,
    tif: '',
    ocaGroup: '',
    ocaType: 0,
    account: '',
    openClose: '',
    origin: 0,
    orderRef: '',
    transmit: true,
    parentId: 0,
    blockOrder: false,
    sweepToFill: false,
    displaySize: undefined,
    triggerMethod: 0,
    outsideRth: false,
    hidden: false,
    discretionaryAmt: 0,
    goodAfterTime: '',
    goodTillDate: '',
    faGroup: '',
    faMethod: '',
    faPercentage: '',
    modelCode: '',
    shortSaleSlot: 0,
    designatedLocation: '',
    exemptCode: -1,
    rule80A: '',
    settlingFirm: '',
    allOrNone: false,
    minQty: undefined,
    percentOffset: undefined,
    trailStopPrice: undefined,
    trailingPercent: undefined,
    algoStrategy: '',
    whatIf: false,
    conditionsCount: 0,
    cashQty: undefined,
    notHeld: false,
    hedgeType: '',
    autoCancelParent: false,
    unsupportedFeature: '',
  };
}

/** Order statuses as TWS spells them. */
export type OrderStatusText =
  | 'PendingSubmit'
  | 'PendingCancel'
  | 'PreSubmitted'
  | 'Submitted'
  | 'ApiCancelled'
  | 'Cancelled'
  | 'Filled'
  | 'Inactive';

export interface OrderRecord {
  orderId: number;
  clientId: number;
  permId: number;
  account: string;
  inst: Instrument;
  ticket: OrderTicket;
  status: OrderStatusText;
  filled: number;
  avgFillPrice: number;
  lastFillPrice: number;
  whyHeld: string;
  /** Commission charged so far. */
  commission: number;
  /** False until the order (or, for an untransmitted parent, its last child) is transmitted. */
  transmitted: boolean;
  /** STP / STP LMT / TRAIL: the stop has been elected. */
  triggered: boolean;
  /** TRAIL: the current stop price. */
  trailStop: number | undefined;
  /** Bracket children wait until their parent fills. */
  waitingForParent: boolean;
  createdAt: number;
  completedAt: number;
  /** Text of completedOrder's completedStatus ("Filled Size: …", "Cancelled by Trader"). */
  completedStatus: string;
}

/** What a new order is made of; the rest of its record starts empty (see newOrderRecord). */
export type NewOrder = Pick<OrderRecord, 'orderId' | 'clientId' | 'permId' | 'account' | 'inst' | 'ticket'> &
  Partial<OrderRecord>;

/** An order as the engine books it on arrival: pending, nothing filled, not transmitted, not completed. */
export function newOrderRecord(o: NewOrder): OrderRecord {
  const { orderId, clientId, permId, account, inst, ticket, ...rest } = o;
  return {
    orderId,
    clientId,
    permId,
    account,
    inst,
    ticket,
    status: 'PendingSubmit',
    filled: 0,
    avgFillPrice: 0,
    lastFillPrice: 0,
    whyHeld: '',
    commission: 0,
    transmitted: false,
    triggered: false,
    trailStop: undefined,
    waitingForParent: false,
    createdAt: 0,
    completedAt: 0,
    completedStatus: '',
    ...rest,
  };
}

export function remaining(o: OrderRecord): number {
  return Math.max(0, o.ticket.totalQuantity - o.filled);
}

export function isOpen(o: OrderRecord): boolean {
  return (
    o.status !== 'Filled' &&
    o.status !== 'Cancelled' &&
    o.status !== 'ApiCancelled' &&
    o.status !== 'Inactive'
  );
}
