// The TWS adapter's tape: tick-by-tick AllLast trades as a stream of the connection (replayed with a fresh id
// after a reconnect), and the last trades before now from reqHistoricalTicks. @stoqey/ib hands tick-by-tick times
// over as strings (the official client: ints), historical ones as numbers: both become epoch ms here.
import { EventName, TickByTickDataType, WhatToShow } from '../stoqey';
import type { HistoricalTickLast } from '@stoqey/ib';
import { AppError } from '../../../src-shared/result';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import type { Link, StreamHandle } from '../connection';
import { numberOrNull as num, toIbContract, type ResolvedContract } from './convert';

export type Trade = { time: number; price: number; size: number; exchange: string };

export type TapeSink = {
  starting(replay: boolean): void;
  trade(t: Trade): void;
  error(code: number, message: string): 'keep' | 'end' | 'restart';
};

export interface TapeStreams {
  tape(contract: ResolvedContract, sink: TapeSink): StreamHandle;
  /** Up to `count` (≤ 1,000) trades up to `endMs`, oldest first (TWS never spans sessions in one answer). */
  recentTrades(contract: ResolvedContract, count: number, endMs: number): Promise<Trade[]>;
}

/** TWS's UTC form of a date-time: yyyyMMdd-HH:mm:ss. */
export function twsUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 19)}`;
}

/** One trade from TWS's fields, or null when its price or time cannot be read. */
function tradeOf(time: unknown, price: unknown, size: unknown, exchange: unknown): Trade | null {
  const t = num(time);
  const p = num(price);
  if (t === null || p === null) return null;
  return {
    time: t * 1000,
    price: p,
    size: num(size) ?? 0,
    exchange: typeof exchange === 'string' ? exchange : '',
  };
}

export function createTapeStreams(link: Link): TapeStreams {
  return {
    tape(contract, sink) {
      return link.stream({
        kind: 'tape',
        label: `tape ${contract.symbol}`,
        onStart: (replay) => sink.starting(replay),
        open: (api, id) =>
          api.reqTickByTickData(id, toIbContract(contract), TickByTickDataType.AllLast, 0, false),
        close: (api, id) => api.cancelTickByTickData(id),
        onEvent: (name, args) => {
          // tickByTickAllLast: (reqId, tickType, time, price, size, tickAttribLast, exchange, specialConditions)
          if (name !== EventName.tickByTickAllLast) return;
          const t = tradeOf(args[2], args[3], args[4], args[6]);
          if (t) sink.trade(t);
        },
        onError: (code, message) => sink.error(code, message),
      });
    },
    recentTrades(contract, count, endMs) {
      const trades: Trade[] = [];
      return link.request<Trade[]>({
        label: `historical ticks ${contract.symbol}`,
        timeoutMs: 20_000,
        send: (api, id) =>
          api.reqHistoricalTicks(
            id,
            toIbContract(contract),
            '',
            twsUtc(endMs),
            count,
            WhatToShow.TRADES,
            0,
            false,
          ),
        onEvent: (name, args, done) => {
          if (name !== EventName.historicalTicksLast) return;
          for (const h of (args[1] as HistoricalTickLast[] | undefined) ?? []) {
            const t = tradeOf(h.time, h.price, h.size, h.exchange);
            if (t) trades.push(t);
          }
          if (args[2] === true) done(trades);
        },
        onError: (code, message) => {
          if (describeTwsCode(code).severity !== 'error') return null;
          return new AppError('IB_REJECTED', plainTwsMessage(code, message), { twsCode: code });
        },
      });
    },
  };
}
