// The option model as the gateway's handlers use it: chains (reqContractDetails, reqSecDefOptParams), option
// quotes and greeks priced off the underlying's live (lane 0) or delayed (lane 1) quote from the stock market
// model, the underlying's option statistics (generic ticks 100, 101, 104, 106), and calculateImpliedVolatility /
// calculateOptionPrice. Pure given (seed, time): no timers, no sockets; the caller passes the instant.
import type { Instrument } from '../model/instrument';
import type { Market, Quote } from '../model/market';
import type { DayPath } from '../model/price-path';
import { emptyQuote } from '../model/market';
import { etTime } from '../wire/tws-time';
import type { ActivityDay } from './activity';
import { buildActivityDay } from './activity';
import { DEFAULT_RISK_FREE_RATE, dividendYield } from './carry';
import { OptionChains } from './chain';
import { MAX_UNDERLYING_SLOTS } from './con-id';
import type { OptionContract } from './contract';
import { OptionModelError } from './errors';
import { yearsTo } from './pricing';
import type { OptionComputation, OptionQuote, UnderlyingState } from './quotes';
import {
  RETURN_BASED,
  computeFromPrice,
  computeFromVol,
  emptyComputation,
  emptyOptionQuote,
  quoteOption,
} from './quotes';
import { VolSurface, atmVol, emptySlice } from './vol-surface';

const MINUTE = 60_000;
const RTH_OPEN = 9 * 60 + 30;
const RTH_CLOSE = 16 * 60;

export interface OptionMarketDeps {
  readonly market: Market;
  /** The gateway's seed (the market model's). */
  readonly seed: number;
  /** Risk-free rate; DEFAULT_RISK_FREE_RATE when absent. */
  readonly rate?: number;
}

/** What the underlying's option generic ticks report. */
export interface UnderlyingOptionStats {
  /** 100 → ticks 29/30: contracts traded today so far. */
  callVolume: number;
  putVolume: number;
  /** 101 → ticks 27/28. */
  callOpenInterest: number;
  putOpenInterest: number;
  /** 106 → tick 24: 30-day at-the-money implied volatility. */
  impliedVol: number;
  /** 104 → tick 23: 30-day realised volatility of daily closes, annualised (the demo trades every day). */
  historicalVol: number;
}

interface State extends UnderlyingState {
  quote: Quote;
  historicalVol: number;
}

export class OptionMarket {
  readonly chains: OptionChains;
  readonly surface: VolSurface;
  readonly rate: number;
  readonly seed: number;
  private readonly market: Market;
  private readonly states: (State | undefined)[][] = [[], []];
  private readonly activity = new Map<number, ActivityDay>();

  constructor(deps: OptionMarketDeps) {
    this.market = deps.market;
    this.seed = deps.seed;
    this.rate = deps.rate ?? DEFAULT_RISK_FREE_RATE;
    this.chains = new OptionChains(deps.market.universe, deps.market.paths);
    this.surface = new VolSurface(deps.seed);
  }

  dividendYield(inst: Instrument): number {
    return dividendYield(inst);
  }

  /**
   * The state every option of `inst` is priced from at `t`, computed once per (underlying, lane, instant).
   * Lane 1 is for delayed data: pass the delayed instant (t − 15 min), as the stock handler does.
   */
  underlying(inst: Instrument, t: number, lane: 0 | 1 = 0): UnderlyingState {
    return this.state(inst, t, lane);
  }

  /** The option's market at `t` (into `out`, which doubles as the last-trade cache of a subscription). */
  quote(
    contract: OptionContract,
    t: number,
    out: OptionQuote = emptyOptionQuote(),
    lane: 0 | 1 = 0,
  ): OptionQuote {
    return quoteOption(contract, this.state(contract.underlying, t, lane), out);
  }

  /** Option volume, open interest and volatilities of an underlying (generic ticks 100, 101, 104, 106). */
  underlyingStats(inst: Instrument, t: number, lane: 0 | 1 = 0): UnderlyingOptionStats {
    const s = this.state(inst, t, lane);
    const a = s.activity;
    return {
      callVolume: Math.floor(a.callVolume * s.volumeFraction),
      putVolume: Math.floor(a.putVolume * s.volumeFraction),
      callOpenInterest: a.callOpenInterest,
      putOpenInterest: a.putOpenInterest,
      impliedVol: atmVol(s.slice, 30 / 365),
      historicalVol: s.historicalVol,
    };
  }

  /**
   * calculateImpliedVolatility (54) → tickOptionComputation 53: the volatility implied by `optionPrice` and
   * the greeks at it (sentinels when none exists), optPrice and undPrice echoing the inputs, pvDividend −1.
   */
  calculateImpliedVolatility(
    contract: OptionContract,
    optionPrice: number,
    underPrice: number,
    t: number,
    out: OptionComputation = emptyComputation(),
  ): OptionComputation {
    if (!(optionPrice >= 0 && Number.isFinite(optionPrice)))
      throw new OptionModelError('BAD_INPUT', `option price ${optionPrice} must be a number ≥ 0`);
    checkUnderPrice(underPrice);
    const inst = contract.underlying;
    const q = dividendYield(inst);
    const years = yearsTo(contract.expiration.expiresAt, t);
    const guess = this.surface.params(inst).base;
    computeFromPrice(contract, optionPrice, underPrice, years, this.rate, q, guess, RETURN_BASED, out);
    out.optPrice = optionPrice;
    return out;
  }

  /**
   * calculateOptionPrice (55) → tickOptionComputation 53: the model price and greeks at `volatility`,
   * impliedVol and undPrice echoing the inputs, pvDividend −1 (as in the live TWS frame of the notes).
   */
  calculateOptionPrice(
    contract: OptionContract,
    volatility: number,
    underPrice: number,
    t: number,
    out: OptionComputation = emptyComputation(),
  ): OptionComputation {
    if (!(volatility > 0 && volatility < 100))
      throw new OptionModelError('BAD_INPUT', `volatility ${volatility} must be above 0 (0.3 = 30 %)`);
    checkUnderPrice(underPrice);
    const years = yearsTo(contract.expiration.expiresAt, t);
    const q = dividendYield(contract.underlying);
    return computeFromVol(contract, volatility, underPrice, years, this.rate, q, RETURN_BASED, false, out);
  }

  private state(inst: Instrument, t: number, lane: 0 | 1): State {
    if (!this.chains.isOptionable(inst))
      throw new OptionModelError('NOT_OPTIONABLE', `${inst.symbol} (${inst.secType}) has no options`);
    const slots = this.states[lane] as (State | undefined)[];
    let s = slots[inst.index];
    if (s && s.t === t) return s;
    const m = this.market;
    if (!s) {
      s = this.newState(inst, m.etDayOf(t));
      slots[inst.index] = s;
    }
    const q = m.quote(inst, t, s.quote, lane);
    s.t = t;
    s.spot = q.bid > 0 && q.ask > 0 ? (q.bid + q.ask) / 2 : q.last;
    const day = m.etDayOf(t);
    if (s.day !== day || s.prevClose !== q.close) {
      s.day = day;
      s.rthStart = etTime(day, RTH_OPEN);
      s.rthEnd = etTime(day, RTH_CLOSE);
      s.prevClose = q.close;
      s.closeTime = etTime(day - 1, RTH_CLOSE);
      this.surface.slice(inst, s.closeTime, q.close, q.close, s.closeSlice);
      s.activity = this.activityOf(inst, day);
      s.historicalVol = this.realisedVol(inst, day);
    }
    this.surface.slice(inst, t, s.spot, q.close, s.slice);
    s.volumeFraction = this.rthFraction(inst, s, t);
    return s;
  }

  /** A state for `inst` whose per-day fields are refreshed by the first `state()` call. */
  private newState(inst: Instrument, day: number): State {
    const paths = this.market.paths;
    const m = this.market;
    return {
      inst,
      seed: this.seed,
      t: Number.NaN,
      spot: 0,
      prevClose: Number.NaN,
      closeTime: 0,
      r: this.rate,
      q: dividendYield(inst),
      slice: emptySlice(),
      closeSlice: emptySlice(),
      day: Number.NaN,
      rthStart: 0,
      rthEnd: 0,
      volumeFraction: 0,
      activity: this.activityOf(inst, day),
      liquidity: liquidityOf(inst),
      historicalVol: 0,
      quote: emptyQuote(),
      // Minute resolution is enough to price a trade (and avoids building second paths for past minutes).
      priceAt(at: number): number {
        const path = paths.dayPath(inst, m.etDayOf(at));
        const x = (at - path.t0) / MINUTE;
        const i = Math.min(path.n - 1, Math.max(0, Math.floor(x)));
        const a = path.p[i] as number;
        return a + ((path.p[i + 1] as number) - a) * Math.min(1, Math.max(0, x - i));
      },
    };
  }

  private activityOf(inst: Instrument, day: number): ActivityDay {
    const key = day * MAX_UNDERLYING_SLOTS + inst.index;
    let a = this.activity.get(key);
    if (!a) {
      const chain = this.chains.chainForDay(inst, day);
      a = buildActivityDay(this.seed, chain, this.market.paths.dayStart(inst, day));
      this.activity.set(key, a);
      if (this.activity.size > 1024) {
        const oldest = this.activity.keys().next().value;
        if (oldest !== undefined) this.activity.delete(oldest);
      }
    }
    return a;
  }

  /** Share of the regular session's volume done by `t`, from the underlying's minute volumes. */
  private rthFraction(inst: Instrument, s: State, t: number): number {
    if (t <= s.rthStart) return 0;
    if (t >= s.rthEnd) return 1;
    const path = this.market.paths.dayPath(inst, s.day);
    const open = volumeBefore(path, s.rthStart);
    const total = volumeBefore(path, s.rthEnd) - open;
    return total > 0 ? Math.min(1, Math.max(0, (volumeBefore(path, t) - open) / total)) : 0;
  }

  private realisedVol(inst: Instrument, day: number): number {
    const paths = this.market.paths;
    let sum = 0;
    let sum2 = 0;
    const n = 30;
    for (let d = day - n; d < day; d++) {
      const x = Math.log(paths.dayClose(inst, d) / paths.dayClose(inst, d - 1));
      sum += x;
      sum2 += x * x;
    }
    const mean = sum / n;
    return Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1)) * 365);
  }
}

/** Volume of a day path traded before `at`, interpolated within the minute. */
function volumeBefore(path: DayPath, at: number): number {
  const x = (at - path.t0) / MINUTE;
  const i = Math.min(path.n - 1, Math.max(0, Math.floor(x)));
  return (path.cumVol[i] as number) + (path.vol[i] as number) * Math.min(1, Math.max(0, x - i));
}

function checkUnderPrice(p: number): void {
  if (!(p > 0 && Number.isFinite(p)))
    throw new OptionModelError('BAD_INPUT', `underlying price ${p} must be a number above 0`);
}

/** 0 … 1 from average stock volume (300k shares → 0, 100M → 1); SPY, QQQ and IWM quote penny-wide. */
function liquidityOf(inst: Instrument): number {
  if (inst.symbol === 'SPY' || inst.symbol === 'QQQ' || inst.symbol === 'IWM') return 1;
  return Math.min(1, Math.max(0, (Math.log10(inst.avgVolume) - 5.5) / 2.5));
}

export function createOptionMarket(deps: OptionMarketDeps): OptionMarket {
  return new OptionMarket(deps);
}
