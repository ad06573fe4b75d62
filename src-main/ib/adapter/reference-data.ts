// The TWS adapter's one-shot requests: symbol search, contract details, the scanner parameters, one page of
// history (through the connection's historical pacing queue) and a quote snapshot. Each resolves with the app's own
// types or rejects with a typed error.
import { EventName } from '../stoqey';
import type { ContractDescription, ContractDetails } from '@stoqey/ib';
import type { Bar } from '../../../src-shared/domain/bar';
import type { ContractRef, Instrument, SymbolMatch } from '../../../src-shared/domain/instrument';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import type { Link } from '../connection';
import {
  formatTwsUtc,
  numberOrNull as num,
  toBar,
  toIbContract,
  toInstrument,
  toSymbolMatch,
  type ResolvedContract,
} from './convert';
import { historyContractKey, historySignature, requestHistory, type HistorySpec } from './history-request';
import { TICKS, type TickField } from './ticks';
import { askGlobal } from './global-request';
import { rejectedBy } from './tws-errors';

export type SnapshotFields = Partial<Record<TickField, number>> & { delayed: boolean };

/** One row of reqSecDefOptParams: an exchange × trading class with its expirations and (union) strikes. */
export type OptionParamsRow = {
  exchange: string;
  tradingClass: string;
  multiplier: number | null;
  expirations: string[];
  strikes: number[];
};

export interface ReferenceData {
  matchingSymbols(pattern: string): Promise<SymbolMatch[]>;
  contractDetails(ref: Partial<ContractRef> & { conId?: number | undefined }): Promise<Instrument[]>;
  scannerParameters(): Promise<string>;
  /** One page of bars, through the historical pacing queue (waits for a reconnect rather than failing). */
  history(spec: HistorySpec): Promise<Bar[]>;
  /** reqSecDefOptParams of a stock or index: a row per exchange × trading class (none for an unknown one). */
  optionParams(underlying: { symbol: string; conId: number; secType?: string }): Promise<OptionParamsRow[]>;
  /** A one-shot quote (reqMktData snapshot). */
  snapshot(contract: ResolvedContract, timeoutMs?: number): Promise<SnapshotFields>;
}

export function createReferenceData(link: Link): ReferenceData {
  return {
    matchingSymbols(pattern) {
      return link.request<SymbolMatch[]>({
        label: `symbol search "${pattern}"`,
        timeoutMs: 15_000,
        send: (api, id) => api.reqMatchingSymbols(id, pattern),
        onEvent: (name, args, done) => {
          if (name !== EventName.symbolSamples) return;
          const list = (args[1] as ContractDescription[] | undefined) ?? [];
          done(list.map(toSymbolMatch).filter((m): m is SymbolMatch => m !== null));
        },
        onError: rejectedBy,
      });
    },

    contractDetails(ref) {
      const found: Instrument[] = [];
      const label = `contract details for ${ref.conId ? `conId ${ref.conId}` : (ref.symbol ?? '?')}`;
      return link.request<Instrument[]>({
        label,
        timeoutMs: 20_000,
        send: (api, id) => api.reqContractDetails(id, toIbContract(ref)),
        onEvent: (name, args, done) => {
          if (name === EventName.contractDetails) {
            const i = toInstrument(args[1] as ContractDetails);
            if (i) found.push(i);
          } else if (name === EventName.contractDetailsEnd) done(found);
        },
        onError: (code, message) =>
          code === 200
            ? new AppError('NOT_FOUND', `TWS knows no instrument matching ${ref.symbol ?? ref.conId}`, {
                twsCode: 200,
              })
            : rejectedBy(code, message),
      });
    },

    optionParams(underlying) {
      const rows: OptionParamsRow[] = [];
      return link.request<OptionParamsRow[]>({
        label: `option chain of ${underlying.symbol}`,
        timeoutMs: 20_000,
        send: (api, id) =>
          api.reqSecDefOptParams(id, underlying.symbol, '', underlying.secType ?? 'STK', underlying.conId),
        onEvent: (name, args, done) => {
          if (name === EventName.securityDefinitionOptionParameter)
            rows.push({
              exchange: String(args[1] ?? ''),
              tradingClass: String(args[3] ?? ''),
              multiplier: num(args[4]),
              expirations: ((args[5] as unknown[] | undefined) ?? []).map(String),
              strikes: ((args[6] as unknown[] | undefined) ?? [])
                .map(num)
                .filter((k): k is number => k !== null && k > 0),
            });
          else if (name === EventName.securityDefinitionOptionParameterEnd) done(rows);
        },
        onError: rejectedBy,
      });
    },

    scannerParameters() {
      return askGlobal(link, {
        what: 'the scanner parameters',
        label: 'reqScannerParameters',
        run: (api) => api.reqScannerParameters(),
        answer: EventName.scannerParameters,
        read: (args) => String(args[0] ?? ''),
        timeoutMs: 30_000,
      });
    },

    history(spec) {
      const bars: Bar[] = [];
      const end = spec.endTime ? formatTwsUtc(spec.endTime) : '';
      return link.request<Bar[]>({
        label: `history ${spec.contract.symbol} ${spec.duration} of ${spec.barSize}`,
        timeoutMs: 60_000,
        history: { signature: historySignature(spec, false), contractKey: historyContractKey(spec) },
        retryOnReconnect: true,
        send: (api, id) => requestHistory(api, id, spec, end, false),
        cancel: (api, id) => api.cancelHistoricalData(id),
        onEvent: (name, args, done) => {
          if (name !== EventName.historicalData) return;
          const time = String(args[1] ?? '');
          if (time.startsWith('finished')) {
            done(bars);
            return;
          }
          const bar = toBar(time, args[2], args[3], args[4], args[5], args[6], args[7], args[8]);
          if (bar) bars.push(bar);
        },
        onError: (code, message) => {
          if (code === 162 && /no data|returned no data|HMDS query returned no data/i.test(message))
            return new AppError('NOT_FOUND', plainTwsMessage(code, message), { twsCode: code });
          if (describeTwsCode(code).severity !== 'error' && code !== 162) return null;
          return rejectedBy(code, message);
        },
      });
    },

    async snapshot(contract, timeoutMs = 11_000) {
      // 354/10089/10186 end a live request of an account without the subscription, with no snapshot end: ask
      // again for delayed data, as the quote lines do (10167/10090 already come with delayed ticks: keep those).
      const once = (delayed: boolean): Promise<SnapshotFields> => {
        const fields: SnapshotFields = { delayed };
        return link.request<SnapshotFields>({
          label: `snapshot ${contract.symbol}${delayed ? ' (delayed)' : ''}`,
          timeoutMs,
          cost: delayed && link.marketDataType() < 3 ? 3 : 1,
          send: (api, id) => {
            const c = toIbContract(contract);
            const current = link.marketDataType();
            if (delayed && current < 3) {
              api.reqMarketDataType(3);
              api.reqMktData(id, c, '', true, false);
              api.reqMarketDataType(current);
            } else api.reqMktData(id, c, '', true, false);
          },
          onEvent: (name, args, done) => {
            if (
              name === EventName.tickPrice ||
              name === EventName.tickSize ||
              name === EventName.tickGeneric
            ) {
              const t = TICKS[Number(args[1])];
              const v = num(args[2]);
              if (t && v !== null && v >= 0) {
                fields[t[0]] = v;
                if (t[1]) fields.delayed = true;
              }
            } else if (name === EventName.marketDataType) {
              if (Number(args[1]) >= 3) fields.delayed = true;
            } else if (name === EventName.tickSnapshotEnd) done(fields);
          },
          onError: (code, message) => {
            const info = describeTwsCode(code);
            if (info.reaction === 'delayed-data') {
              if (code === 10167 || code === 10090) {
                fields.delayed = true;
                return null;
              }
              return new AppError('IB_REJECTED', plainTwsMessage(code, message), { twsCode: code });
            }
            if (info.severity !== 'error') return null;
            return rejectedBy(code, message);
          },
        });
      };
      try {
        return await once(false);
      } catch (err) {
        const code = err instanceof AppError ? err.twsCode : undefined;
        if (code === undefined || describeTwsCode(code).reaction !== 'delayed-data') throw err;
        return once(true);
      }
    },
  };
}
