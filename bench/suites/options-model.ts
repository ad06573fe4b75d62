// Option model figures (the "pricing 10,000 options per second on one core"): options priced per second
// of CPU time of this process — (a) price + greeks on the vol surface, (b) whole option quotes as the gateway
// streams them (bid/ask, sizes, last trade, volume, open interest and the four tickOptionComputations, three of
// them implied-volatility solves) for 1,000 options of 8 underlyings at 4 ticks/s of simulated time, (c) implied-
// volatility solves. The baseline, measured in the same run the same way, is the stock model's quote
// (Market.quote, what the gateway computes per stock tick): the ratio says what an option costs next to it.
import { figure, type Figure } from '../figure';
import { buildUniverse } from '../../src-main/demo-gateway/model/universe';
import { Market, emptyQuote } from '../../src-main/demo-gateway/model/market';
import type { OptionContract } from '../../src-main/demo-gateway/options/contract';
import { OptionMarket } from '../../src-main/demo-gateway/options/option-market';
import { bsm, emptyGreeks, impliedVol, yearsTo } from '../../src-main/demo-gateway/options/pricing';
import { emptyOptionQuote } from '../../src-main/demo-gateway/options/quotes';
import { volAt } from '../../src-main/demo-gateway/options/vol-surface';

const SYMBOLS = ['AAPL', 'SPY', 'MSFT', 'NVDA', 'TSLA', 'QQQ', 'F', 'IWM'];
const OPTIONS = 1000;
const TICK_MS = 250;
const ROUNDS = 5;
const BUDGET = 10_000;

/** CPU milliseconds (user + system) of `fn`. */
function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Runs `batch` (which does `per` units of work) until `ms` of CPU have passed; units per CPU second. */
function rate(batch: () => void, per: number, ms: number): number {
  let units = 0;
  let spent = 0;
  while (spent < ms) {
    spent += cpu(batch);
    units += per;
  }
  return (units / spent) * 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export async function run(): Promise<Figure[]> {
  const roundMs = Number(process.env.BENCH_OPTIONS_ROUND_MS ?? 600);
  const start = Date.UTC(2026, 10, 24, 16, 0); // a Tuesday, 11:00 ET: regular hours
  const universe = buildUniverse(start);
  const market = new Market(universe, 1, false);
  const om = new OptionMarket({ market, seed: 1 });
  const unders = SYMBOLS.map((s) => universe.bySymbol(s).find((i) => i.secType === 'STK')!);

  // 1,000 options spread over the chains: every expiry, strikes from deep out to deep in the money.
  const picked: OptionContract[] = [];
  const perInst = OPTIONS / unders.length;
  for (const inst of unders) {
    const all = om.chains.chain(inst, start).select({}, start);
    for (let k = 0; k < perInst; k++) picked.push(all[Math.floor((k * all.length) / perInst)]!);
  }
  const outs = picked.map(() => emptyOptionQuote());
  const stock = emptyQuote();

  let t = start;
  let sink = 0;
  const quotesBatch = (): void => {
    t += TICK_MS;
    for (let i = 0; i < picked.length; i++) sink += om.quote(picked[i]!, t, outs[i]).bid;
  };
  const g = emptyGreeks();
  const greeksBatch = (): void => {
    t += TICK_MS;
    for (const c of picked) {
      const und = om.underlying(c.underlying, t);
      const years = yearsTo(c.expiration.expiresAt, t);
      const fwd = und.prevClose * Math.exp((und.r - und.q) * years);
      const vol = volAt(und.slice, c.strike, fwd, Math.max(years, 1e-6));
      sink += bsm(c.right, und.spot, c.strike, years, und.r, und.q, vol, g).delta;
    }
  };
  const ivBatch = (): void => {
    for (let i = 0; i < picked.length; i++) {
      const c = picked[i]!;
      const q = outs[i]!;
      const years = yearsTo(c.expiration.expiresAt, t);
      const u = q.modelGreeks.undPrice;
      sink += impliedVol(c.right, q.modelPrice * 1.01, u, c.strike, years, om.rate, 0.01) ?? 0;
    }
  };
  const stockBatch = (): void => {
    t += TICK_MS;
    for (let i = 0; i < picked.length; i++) sink += market.quote(unders[i % unders.length]!, t, stock).bid;
  };

  // Warm up every path (JIT, caches of the day's paths and activity) before measuring.
  for (const b of [quotesBatch, greeksBatch, ivBatch, stockBatch]) rate(b, picked.length, roundMs / 4);

  const rates = { quotes: [] as number[], greeks: [] as number[], iv: [] as number[], stock: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    rates.stock.push(rate(stockBatch, picked.length, roundMs));
    rates.quotes.push(rate(quotesBatch, picked.length, roundMs));
    rates.greeks.push(rate(greeksBatch, picked.length, roundMs));
    rates.iv.push(rate(ivBatch, picked.length, roundMs));
  }
  if (!Number.isFinite(sink)) throw new Error('the option model produced a non-finite value');
  const base = median(rates.stock);
  const note = `${picked.length} options of ${SYMBOLS.join(' ')}, ${TICK_MS} ms apart in simulated time; median of ${ROUNDS} rounds of ${roundMs} ms CPU; baseline: stock quotes (Market.quote) per CPU second`;
  return [
    figure({
      id: 'options-model.quotes',
      name: 'option quotes + 4 option computations (3 IV solves) per second, one core',
      value: median(rates.quotes),
      unit: 'options/s',
      budget: { min: BUDGET },
      baseline: base,
      note,
    }),
    figure({
      id: 'options-model.greeks',
      name: 'option price + greeks on the vol surface per second, one core',
      value: median(rates.greeks),
      unit: 'options/s',
      budget: { min: BUDGET },
      baseline: base,
      note,
    }),
    figure({
      id: 'options-model.iv',
      name: 'implied-volatility solves per second, one core',
      value: median(rates.iv),
      unit: 'solves/s',
      budget: { min: BUDGET },
      baseline: base,
      note,
    }),
  ];
}
