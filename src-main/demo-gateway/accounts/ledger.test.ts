import { describe, expect, it } from 'vitest';
import { Ledger } from './ledger';
import { commissionFor, incrementalCommission } from './commission';
import { ledgerTags, summaryTags, valueAccount } from './account-values';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { Market } from '../model/market';
import { OptionChains } from '../options/chain';
import { optionInstrument } from '../options/option-instruments';

const u = buildUniverse(Date.UTC(2026, 10, 24, 15));
const aapl = u.bySymbol('AAPL')[0] as Instrument;
const es = u.bySymbol('ES').find((i) => i.secType === 'FUT') as Instrument;
const chains = new OptionChains(u, new Market(u, 1, false).paths);
const call = optionInstrument(
  chains.find('AAPL', { expiry: '20261218', right: 'C' }, Date.UTC(2026, 10, 24, 15))[20]!,
);

describe('commissions', () => {
  it('charges $0.005 a share with a $1 minimum, per contract for futures, bps for FX', () => {
    expect(commissionFor(aapl, 100, 230, 1)).toBe(1);
    expect(commissionFor(aapl, 1000, 230, 1)).toBe(5);
    expect(commissionFor(aapl, 1, 0.5, 1)).toBe(0.01); // capped at 1% of value
    expect(commissionFor(es, 2, 6000, 1)).toBe(4.5);
    expect(incrementalCommission(aapl, 100, 300, 230, 1, 1)).toBe(1);
  });

  it('charges options IB’s fixed rate: $0.65 a contract ($0.50, $0.25 on cheap premiums), $1 an order at least', () => {
    expect(commissionFor(call, 1, 4.3, 1)).toBe(1);
    expect(commissionFor(call, 2, 4.3, 1)).toBe(1.3);
    expect(commissionFor(call, 10, 0.07, 1)).toBe(5);
    expect(commissionFor(call, 10, 0.03, 1)).toBe(2.5);
    // Filled in pieces: the minimum applies once.
    expect(incrementalCommission(call, 1, 2, 4.3, 1, 1)).toBe(0.95);
  });
});

describe('ledger', () => {
  it('moves cash, average cost (with commissions) and realized P&L for stocks', () => {
    const l = new Ledger(['DU1'], 100_000);
    l.applyFill('DU1', aapl, 'BUY', 100, 200, 1, 1);
    expect(l.book('DU1')?.cash).toBe(100_000 - 20_000 - 1);
    expect(l.position('DU1', aapl.conId)).toMatchObject({ qty: 100, avgCost: 200.01 });
    const { realized } = l.applyFill('DU1', aapl, 'SELL', 40, 210, 1, 1);
    expect(realized).toBeCloseTo(40 * (210 - 200.01) - 1, 6);
    expect(l.position('DU1', aapl.conId)?.qty).toBe(60);
    // Through zero: the rest opens a short at the fill price.
    l.applyFill('DU1', aapl, 'SELL', 100, 205, 1, 1);
    expect(l.position('DU1', aapl.conId)?.qty).toBe(-40);
    expect(l.position('DU1', aapl.conId)?.avgCost).toBeCloseTo(205 - 0.01, 6);
  });

  it('carries futures margin-style: cash moves by commission and realized P&L only', () => {
    const l = new Ledger(['DU1'], 100_000);
    l.applyFill('DU1', es, 'BUY', 1, 6000, 2.25, 1);
    expect(l.book('DU1')?.cash).toBeCloseTo(100_000 - 2.25, 6);
    l.applyFill('DU1', es, 'SELL', 1, 6010, 2.25, 1);
    expect(l.book('DU1')?.cash).toBeCloseTo(100_000 - 4.5 + 500, 6);
  });

  it('settles options in cash at premium × quantity × 100 and values them in OptionMarketValue', () => {
    const l = new Ledger(['DU1'], 100_000);
    l.applyFill('DU1', call, 'BUY', 2, 4.3, 1.3, 1);
    expect(l.book('DU1')?.cash).toBeCloseTo(100_000 - 860 - 1.3, 6);
    expect(l.position('DU1', call.conId)).toMatchObject({ qty: 2, avgCost: 430.65 });
    const n = valueAccount(l.book('DU1')!, () => ({ price: 4.5, prevClose: 4, usdRate: 1 }));
    expect(n.optionMarketValue).toBe(900);
    expect(n.stockMarketValue).toBe(0);
    expect(n.netLiquidation).toBeCloseTo(100_000 - 861.3 + 900, 6);
    expect(n.unrealized).toBeCloseTo(900 - 861.3, 6);
    expect(n.initMargin).toBe(900);
    expect(new Map(ledgerTags(n)).get('OptionMarketValue')).toBe('900.00');
    const { realized } = l.applyFill('DU1', call, 'SELL', 2, 5, 1.3, 1);
    expect(realized).toBeCloseTo(2 * (500 - 430.65) - 1.3, 6);
    expect(l.book('DU1')?.cash).toBeCloseTo(100_000 - 861.3 + 1000 - 1.3, 6);
  });

  it('values an account: NLV, margin, buying power, summary tags', () => {
    const l = new Ledger(['DU1'], 100_000);
    l.applyFill('DU1', aapl, 'BUY', 100, 200, 1, 1);
    const n = valueAccount(l.book('DU1')!, () => ({ price: 210, prevClose: 205, usdRate: 1 }));
    expect(n.netLiquidation).toBeCloseTo(100_000 - 1 + 1000, 6);
    expect(n.grossPositionValue).toBe(21_000);
    expect(n.initMargin).toBe(10_500);
    expect(n.buyingPower).toBeCloseTo((n.netLiquidation - 10_500) * 4, 6);
    expect(n.dailyPnl).toBeCloseTo(500, 6);
    const tags = new Map(summaryTags(n).map(([t, v, c]) => [t, [v, c]]));
    expect(tags.get('NetLiquidation')).toEqual(['100999.00', 'USD']);
    expect(tags.get('AccountType')).toEqual(['INDIVIDUAL', '']);
  });

  it('snapshots and restores', () => {
    const l = new Ledger(['DU1'], 100_000);
    l.applyFill('DU1', aapl, 'BUY', 10, 200, 1, 1);
    const copy = new Ledger(['DU1'], 100_000);
    copy.restore(JSON.parse(JSON.stringify(l.snapshot())) as ReturnType<Ledger['snapshot']>, (id) =>
      u.byConId(id),
    );
    expect(copy.position('DU1', aapl.conId)).toMatchObject({ qty: 10 });
    expect(copy.book('DU1')?.cash).toBe(l.book('DU1')?.cash);
  });
});
