// The market depth and tick requests (reqMktDepth 10, cancelMktDepth 11, reqHistoricalTicks 96,
// reqTickByTickData 97, cancelTickByTickData 98), decoded as ibapi's EClient writes them. Their layouts do not
// change inside 157…193: every gate is older (TRADING_CLASS 68, LINKING 70, HISTORICAL_TICKS 130,
// TICK_BY_TICK_IGNORE_SIZE 140, SMART_DEPTH 146, MKT_DEPTH_PRIM_EXCHANGE 149). @stoqey/ib sends "" for an unset
// isSmartDepth and mktDepthOptions as "tag=value;" text where the official client sends 0 and "": both are read.
import type { FieldReader } from './field-reader';
import { Incoming as I } from './message-ids';
import { readContract } from './decode-contract';
import type { ContractRequest } from '../orders/order-types';

export type DepthRequest =
  | {
      kind: 'reqMktDepth';
      reqId: number;
      contract: ContractRequest;
      numRows: number;
      isSmartDepth: boolean;
      /** mktDepthOptions (LINKING, 70): "" from ibapi, tag=value text from @stoqey/ib. */
      options: { tag: string; value: string }[];
    }
  | { kind: 'cancelMktDepth'; reqId: number; isSmartDepth: boolean }
  | {
      kind: 'reqTickByTickData';
      reqId: number;
      contract: ContractRequest;
      /** As sent: Last, AllLast, BidAsk or MidPoint (case-sensitive, checked by the handler). */
      tickType: string;
      numberOfTicks: number;
      ignoreSize: boolean;
    }
  | { kind: 'cancelTickByTickData'; reqId: number }
  | {
      kind: 'reqHistoricalTicks';
      reqId: number;
      contract: ContractRequest;
      startDateTime: string;
      endDateTime: string;
      numberOfTicks: number;
      whatToShow: string;
      useRth: boolean;
      ignoreSize: boolean;
    };

/** One of the requests above, or undefined for any other message id. */
export function decodeDepthRequest(r: FieldReader, id: number): DepthRequest | undefined {
  switch (id) {
    case I.REQ_MKT_DEPTH: {
      r.int(); // version 5
      const reqId = r.int();
      const contract = readContract(r);
      const numRows = r.int();
      const isSmartDepth = r.bool();
      return { kind: 'reqMktDepth', reqId, contract, numRows, isSmartDepth, options: r.tagValues() };
    }
    case I.CANCEL_MKT_DEPTH: {
      r.int(); // version 1
      const reqId = r.int();
      return { kind: 'cancelMktDepth', reqId, isSmartDepth: r.bool() };
    }
    case I.REQ_TICK_BY_TICK_DATA: {
      const reqId = r.int();
      const contract = readContract(r);
      const tickType = r.str();
      const numberOfTicks = r.int();
      return { kind: 'reqTickByTickData', reqId, contract, tickType, numberOfTicks, ignoreSize: r.bool() };
    }
    case I.CANCEL_TICK_BY_TICK_DATA:
      return { kind: 'cancelTickByTickData', reqId: r.int() };
    case I.REQ_HISTORICAL_TICKS: {
      const reqId = r.int();
      const contract = readContract(r);
      contract.includeExpired = r.bool();
      const startDateTime = r.str();
      const endDateTime = r.str();
      const numberOfTicks = r.int();
      const whatToShow = r.str();
      const useRth = r.bool();
      const ignoreSize = r.bool();
      r.str(); // miscOptions
      return {
        kind: 'reqHistoricalTicks',
        reqId,
        contract,
        startDateTime,
        endDateTime,
        numberOfTicks,
        whatToShow,
        useRth,
        ignoreSize,
      };
    }
    default:
      return undefined;
  }
}
