// The market of one option at one instant, from its underlying's state: the model price (BSM on the vol
// surface), a bid/ask around it (wider for thin names, far from the money and long-dated; bid 0 when worthless),
// sizes, the last trade (priced when it happened, during regular hours only), day volume, open interest, the
// previous close, and the four tickOptionComputation records (10 bid, 11 ask, 12 last, 13 model; 80-83 delayed)
// with the protocol's "not computed" sentinels. Fills caller-owned objects: nothing is allocated per quote.
import type { Instrument } from '../model/instrument';
import { emptyTouch } from '../model/market';
import { hash32, unit } from '../model/rng';
import type { ActivityDay } from './activity';
import { optionActivityOf } from './activity';
import type { OptionContract } from './contract';
import { optionTick, roundPremium } from './contract';
import { bsm, emptyGreeks, impliedVol, intrinsic, pvDividend, yearsTo } from './pricing';
import type { VolSlice } from './vol-surface';
import { volAt } from './vol-surface';

/** tickOptionComputation sentinels at server versions ≥ 156 (notes §4.1): −1 for values, −2 for greeks. */
const NOT_COMPUTED_VALUE = -1;
const NOT_COMPUTED_GREEK = -2;
/** tickAttrib: 0 return-based (the model's volatility), 1 price-based (implied from a traded/quoted price). */
export const RETURN_BASED = 0;
export const PRICE_BASED = 1;

export interface OptionComputation {
  tickAttrib: number;
  impliedVol: number;
  delta: number;
  optPrice: number;
  pvDividend: number;
  gamma: number;
  vega: number;
  theta: number;
  undPrice: number;
}

export function emptyComputation(): OptionComputation {
  return {
    tickAttrib: RETURN_BASED,
    impliedVol: NOT_COMPUTED_VALUE,
    delta: NOT_COMPUTED_GREEK,
    optPrice: NOT_COMPUTED_VALUE,
    pvDividend: NOT_COMPUTED_VALUE,
    gamma: NOT_COMPUTED_GREEK,
    vega: NOT_COMPUTED_GREEK,
    theta: NOT_COMPUTED_GREEK,
    undPrice: NOT_COMPUTED_VALUE,
  };
}

/** What every option of one underlying shares at one instant (option-market.ts fills it once per tick). */
export interface UnderlyingState {
  readonly inst: Instrument;
  readonly seed: number;
  /** UTC ms of the state. */
  t: number;
  /** Mid of the underlying's bid/ask (its last when there is no book). */
  spot: number;
  /** The underlying's previous close and the instant the option closes are priced at (16:00 ET the day before). */
  prevClose: number;
  closeTime: number;
  r: number;
  q: number;
  slice: VolSlice;
  /** The surface at the previous close (stable through the day). */
  closeSlice: VolSlice;
  /** ET day, and UTC ms of its regular session (options trade 09:30-16:00 ET). */
  day: number;
  rthStart: number;
  rthEnd: number;
  /** Share of the day's regular-hours volume traded by `t` (0 before the open, 1 after the close). */
  volumeFraction: number;
  activity: ActivityDay;
  /** 0 (thin) … 1 (the most liquid option classes): spreads and sizes. */
  liquidity: number;
  /** The underlying's price at an earlier instant of the day (prices the last trade). */
  priceAt(t: number): number;
}

export interface OptionQuote {
  conId: number;
  modelPrice: number;
  bid: number;
  ask: number;
  /** Contracts. */
  bidSize: number;
  askSize: number;
  /** Last trade; `lastTime` 0 means no trade yet today and `last` repeats the previous close. */
  last: number;
  lastSize: number;
  /** Epoch seconds of the last trade. */
  lastTime: number;
  /** Contracts traded today so far. */
  volume: number;
  openInterest: number;
  /** Previous day's closing price. */
  close: number;
  bidGreeks: OptionComputation;
  askGreeks: OptionComputation;
  lastGreeks: OptionComputation;
  modelGreeks: OptionComputation;
}

export function emptyOptionQuote(): OptionQuote {
  return {
    conId: 0,
    modelPrice: 0,
    ...emptyTouch(),
    lastTime: 0,
    volume: 0,
    openInterest: 0,
    close: 0,
    bidGreeks: emptyComputation(),
    askGreeks: emptyComputation(),
    lastGreeks: emptyComputation(),
    modelGreeks: emptyComputation(),
  };
}

const G = emptyGreeks();

/** A computation from a volatility (13 model, 53 calculateOptionPrice); pvDividend −1 unless `withPv`. */
export function computeFromVol(
  c: OptionContract,
  vol: number,
  undPrice: number,
  years: number,
  r: number,
  q: number,
  attrib: number,
  withPv: boolean,
  out: OptionComputation,
): OptionComputation {
  bsm(c.right, undPrice, c.strike, years, r, q, vol, G);
  out.tickAttrib = attrib;
  out.impliedVol = vol;
  out.delta = G.delta;
  out.optPrice = G.price;
  out.pvDividend = withPv ? pvDividend(undPrice, q, years) : NOT_COMPUTED_VALUE;
  out.gamma = G.gamma;
  out.vega = G.vega;
  out.theta = G.theta;
  out.undPrice = undPrice;
  return out;
}

/**
 * A computation from a price (10 bid, 11 ask, 12 last, 53 calculateImpliedVolatility): the implied volatility
 * and the greeks at it, or the sentinels when there is no price, it lies outside the no-arbitrage bounds or
 * below intrinsic value.
 */
export function computeFromPrice(
  c: OptionContract,
  price: number,
  undPrice: number,
  years: number,
  r: number,
  q: number,
  guess: number,
  attrib: number,
  out: OptionComputation,
): OptionComputation {
  // Below intrinsic value no volatility prices an American option: no implied volatility there.
  const iv =
    price > 0 && price >= intrinsic(c.right, undPrice, c.strike) - 1e-9
      ? impliedVol(c.right, price, undPrice, c.strike, years, r, q, guess)
      : null;
  out.tickAttrib = attrib;
  out.optPrice = price > 0 ? price : NOT_COMPUTED_VALUE;
  out.pvDividend = NOT_COMPUTED_VALUE;
  out.undPrice = undPrice;
  if (iv === null) {
    out.impliedVol = NOT_COMPUTED_VALUE;
    out.delta = NOT_COMPUTED_GREEK;
    out.gamma = NOT_COMPUTED_GREEK;
    out.vega = NOT_COMPUTED_GREEK;
    out.theta = NOT_COMPUTED_GREEK;
    return out;
  }
  bsm(c.right, undPrice, c.strike, years, r, q, iv, G);
  out.impliedVol = iv;
  out.delta = G.delta;
  out.gamma = G.gamma;
  out.vega = G.vega;
  out.theta = G.theta;
  return out;
}

/**
 * Volatility of the surface for a contract `years` from expiry. The smile is centred on the forward of the
 * previous close, so through the day each strike keeps its place on it (sticky strike) while the level reacts
 * to the underlying (vol-surface.ts); it re-centres overnight.
 */
function surfaceVol(c: OptionContract, und: UnderlyingState, slice: VolSlice, years: number): number {
  const y = Math.max(years, 1e-6);
  const centre = und.prevClose > 0 ? und.prevClose : und.spot;
  return volAt(slice, c.strike, centre * Math.exp((und.r - und.q) * y), y);
}

/**
 * Quoted spread of an option: a floor by class and liquidity, plus a share of the premium, wider away from the
 * money and for long expiries, jittered per second.
 */
function spreadOf(c: OptionContract, und: UnderlyingState, price: number, z: number, years: number): number {
  const thin = 1 - und.liquidity;
  const floor = c.tickClass === 'nickel' ? 0.05 + 0.1 * thin : 0.01 + 0.04 * thin;
  const rel = 0.004 + 0.07 * thin;
  const base = floor + rel * Math.min(price, 10) + 0.006 * Math.max(0, price - 10);
  const shape = (1 + 0.15 * Math.min(Math.abs(z), 4)) * (1 + 0.3 * Math.min(years, 2));
  const jitter = 0.85 + 0.4 * unit(hash32(und.seed, c.conId, Math.floor(und.t / 1000), 50));
  return base * shape * jitter;
}

/** Fills `out` with the option's market at the underlying state's instant and returns it. */
export function quoteOption(c: OptionContract, und: UnderlyingState, out: OptionQuote): OptionQuote {
  const { spot, r, q } = und;
  const years = yearsTo(c.expiration.expiresAt, und.t);
  const vol = surfaceVol(c, und, und.slice, years);
  computeFromVol(c, vol, spot, years, r, q, RETURN_BASED, true, out.modelGreeks);
  const price = out.modelGreeks.optPrice;
  out.modelPrice = price;

  // Bid and ask around the model price, on the class's tick grid.
  const z = Math.log(c.strike / spot) / (vol * Math.sqrt(Math.max(years, 1 / 365)));
  const half = spreadOf(c, und, price, z, years) / 2;
  const cls = c.tickClass;
  const bid = price - half >= c.minTick ? roundPremium(cls, price - half, 'down') : 0;
  let ask = Math.max(c.minTick, roundPremium(cls, price + half, 'up'));
  if (ask <= bid) ask = roundPremium(cls, bid + optionTick(cls, bid), 'up');
  out.bid = bid;
  out.ask = ask;
  const hs = hash32(und.seed, c.conId, Math.floor(und.t / 1000), 51);
  const depth = 2 + und.liquidity * (20 + 180 * Math.exp(-0.5 * z * z));
  out.bidSize = bid > 0 ? 1 + Math.floor(depth * (0.2 + 1.6 * unit(hs))) : 0;
  out.askSize = 1 + Math.floor(depth * (0.2 + 1.6 * unit(hash32(hs, 1))));

  // Day volume, open interest and the previous close.
  const inst = und.inst;
  const act = und.activity;
  const day = optionActivityOf(und.seed, act, c.expiration, c.strike, c.strikeUnits, c.right, inst);
  out.volume = Math.floor(day.dayVolume * und.volumeFraction);
  out.openInterest = day.openInterest;
  const closeYears = yearsTo(c.expiration.expiresAt, und.closeTime);
  const closeVol = surfaceVol(c, und, und.closeSlice, closeYears);
  out.close = roundPremium(
    cls,
    bsm(c.right, und.prevClose, c.strike, closeYears, r, q, closeVol, G).price,
    'nearest',
  );

  lastTrade(c, und, day.dayVolume, half, out);
  computeFromPrice(c, bid, spot, years, r, q, vol, PRICE_BASED, out.bidGreeks);
  computeFromPrice(c, ask, spot, years, r, q, vol, PRICE_BASED, out.askGreeks);
  computeFromPrice(c, out.last, spot, years, r, q, vol, PRICE_BASED, out.lastGreeks);
  out.conId = c.conId;
  return out;
}

/** How many slots back the last-trade search looks (each slot trades with probability ½). */
const MAX_SLOTS_BACK = 64;

/**
 * The last trade: regular hours are cut into slots of about half a trade each, half of them (by hash) hold a
 * trade at a hashed instant; the latest one not after `t` is priced at the underlying's price of that instant,
 * at the bid or ask side of the model price. Reuses the previous price when `out` already holds that trade.
 */
function lastTrade(
  c: OptionContract,
  und: UnderlyingState,
  dayVolume: number,
  half: number,
  out: OptionQuote,
): void {
  const tradeSize = und.activity.tradeSize;
  const t = Math.min(und.t, und.rthEnd - 1);
  let at = -1;
  let h = 0;
  if (dayVolume > 0 && t >= und.rthStart) {
    const slot = Math.max(1000, ((und.rthEnd - und.rthStart) * tradeSize * 0.5) / dayVolume);
    for (let j = Math.floor((t - und.rthStart) / slot), k = 0; j >= 0 && k < MAX_SLOTS_BACK; j--, k++) {
      h = hash32(und.seed, c.conId, und.day, j);
      if (unit(h) >= 0.5) continue;
      const when = Math.floor(und.rthStart + (j + unit(hash32(h, 2))) * slot);
      if (when > t) continue;
      at = when;
      break;
    }
  }
  if (at < 0) {
    out.last = out.close;
    out.lastSize = 0;
    out.lastTime = 0;
    return;
  }
  const sec = Math.floor(at / 1000);
  if (out.conId === c.conId && out.lastTime === sec) return;
  const { r, q } = und;
  const s = und.priceAt(at);
  const years = yearsTo(c.expiration.expiresAt, at);
  const p = bsm(c.right, s, c.strike, years, r, q, surfaceVol(c, und, und.slice, years), G).price;
  const side = unit(hash32(h, 3)) < 0.5 ? -0.8 : 0.8;
  out.last = Math.max(c.minTick, roundPremium(c.tickClass, p + side * half, 'nearest'));
  out.lastSize = 1 + Math.floor(2 * tradeSize * unit(hash32(h, 4)));
  out.lastTime = sec;
}
