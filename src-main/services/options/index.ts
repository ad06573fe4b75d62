// Options: an underlying's chain (TWS's reqSecDefOptParams, the SMART row of the underlying's own trading class)
// and the option contracts of one expiry, calls and puts paired by strike. The chain's strikes are the union over
// every expiry, so only the contracts TWS lists for the chosen expiry become rows: a strike/expiry pair TWS does
// not list is never asked for (no error-200 storm). The rows' quote and greeks lines are ordinary quote lines of the
// market-data service (its line budget, its replay after a reconnect), held for the strikes a window shows.
import type { Clock } from '../../../src-shared/clock';
import type { Instrument } from '../../../src-shared/domain/instrument';
import {
  daysToExpiry,
  type OptionChain,
  type OptionExpiry,
  type OptionStrikeRow,
} from '../../../src-shared/domain/option';
import type { Logger } from '../../../src-shared/logger';
import { AppError } from '../../../src-shared/result';
import type { OptionParamsRow, Tws } from '../../ib/adapter';

type Underlying = { conId: number; symbol: string };

export interface Options {
  chain(underlying: Underlying): Promise<OptionChain>;
  expiry(q: Underlying & { expiry: string; tradingClass?: string | undefined }): Promise<OptionExpiry>;
}

const CHAIN_TTL_MS = 10 * 60_000;

export function createOptions(deps: {
  tws: Pick<Tws, 'optionParams' | 'contractDetails'>;
  clock: Clock;
  log: Logger;
}): Options {
  const { tws, clock, log } = deps;
  const chains = new Map<number, { at: number; rows: OptionParamsRow[] }>();

  async function paramsOf(u: Underlying): Promise<OptionParamsRow[]> {
    const hit = chains.get(u.conId);
    if (hit && clock.now() - hit.at < CHAIN_TTL_MS) return hit.rows;
    const rows = await tws.optionParams({ symbol: u.symbol, conId: u.conId });
    chains.set(u.conId, { at: clock.now(), rows });
    return rows;
  }

  return {
    async chain(u) {
      const rows = await paramsOf(u);
      const symbol = u.symbol.toUpperCase();
      const own = rows.filter((r) => r.tradingClass === symbol);
      const pick = own.find((r) => r.exchange === 'SMART') ?? own[0] ?? rows[0];
      if (!pick) throw new AppError('NOT_FOUND', `TWS lists no options on ${symbol}`);
      // An expiry that passed during the session is gone from the chain (TWS's list may still carry it).
      const today = clock.now();
      const expirations = [...new Set(pick.expirations)]
        .filter((e) => /^\d{8}$/.test(e) && daysToExpiry(e, today) >= 0)
        .sort();
      const strikes = [...new Set(pick.strikes)].sort((a, b) => a - b);
      log.debug(
        `${symbol}: ${expirations.length} expirations, ${strikes.length} strikes (${pick.tradingClass})`,
      );
      return {
        underlyingConId: u.conId,
        symbol,
        exchange: pick.exchange,
        tradingClass: pick.tradingClass,
        multiplier: pick.multiplier ?? 100,
        expirations,
        strikes,
      };
    },

    async expiry(q) {
      const days = daysToExpiry(q.expiry, clock.now());
      if (days < 0) throw new AppError('NOT_FOUND', `The ${q.symbol} options of ${q.expiry} have expired`);
      let list: Instrument[];
      try {
        list = await tws.contractDetails({
          symbol: q.symbol.toUpperCase(),
          secType: 'OPT',
          exchange: 'SMART',
          currency: 'USD',
          lastTradeDateOrContractMonth: q.expiry,
          ...(q.tradingClass ? { tradingClass: q.tradingClass } : {}),
        });
      } catch (err) {
        // 200 for a whole expiry: TWS lists nothing there (any more); an empty expiry, not a broken chain.
        if (err instanceof AppError && err.code === 'NOT_FOUND') list = [];
        else throw err;
      }
      const rows = new Map<number, OptionStrikeRow>();
      let multiplier: number | undefined;
      for (const i of list) {
        if (i.secType !== 'OPT' || i.strike === undefined || i.right === undefined) continue;
        if (i.lastTradeDateOrContractMonth && i.lastTradeDateOrContractMonth.slice(0, 8) !== q.expiry)
          continue;
        multiplier ??= i.multiplier;
        const row = rows.get(i.strike) ?? { strike: i.strike, call: null, put: null };
        if (i.right === 'C') row.call = i;
        else row.put = i;
        rows.set(i.strike, row);
      }
      return {
        expiry: q.expiry,
        daysToExpiry: days,
        multiplier: multiplier ?? 100,
        rows: [...rows.values()].sort((a, b) => a.strike - b.strike),
      };
    },
  };
}
