// The option chain through the contract, as the chain pane uses it, with the Demo profile on the embedded demo
// gateway over the web host's WebSocket: the chain of AAPL, the listed contracts of one expiry, quote lines with
// model greeks for two strikes only, and an option order filled and held with the multiplier.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../src-shared/contract';
import type { OptionChain, OptionExpiry } from '../../src-shared/domain/option';
import type { Quote } from '../../src-shared/domain/quote';
import { createDemoEndpoint } from '../../src-main/demo-profile';
import { ApiClient, startHarness } from '../support/app-harness';
import { waitFor } from '../support/wait';

// What each test started, stopped after it in reverse order (the app before its gateway).
const started: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of started.splice(0).reverse()) await stop();
});

const latest = (c: ApiClient, conId: number): Quote | undefined =>
  c
    .eventsOf('quotes')
    .flatMap((e) => e.payload.quotes)
    .filter((q) => q.conId === conId)
    .at(-1);

describe('the option chain on the Demo profile', () => {
  it('lists the chain and one expiry, streams greeks for the strikes asked, fills an option order × 100', async () => {
    const demo = createDemoEndpoint();
    started.push(() => demo.stop());
    const h = await startHarness({ demoEndpoint: demo.endpoint, autoConnect: true });
    started.push(() => h.stop());
    const c = await ApiClient.open(h.host);
    const call = <T>(method: string, params: unknown = {}) => c.value<T>(method, params);
    const of = <E extends EventEnvelope['event']>(event: E) => c.eventsOf(event);
    await waitFor(() => of('connection').some((e) => e.payload.state === 'ready'), 'ready', 20_000);

    const chain = await call<OptionChain>('options.chain', { conId: 265598, symbol: 'AAPL' });
    expect(chain).toMatchObject({ symbol: 'AAPL', tradingClass: 'AAPL', multiplier: 100 });
    expect(chain.expirations.length).toBeGreaterThanOrEqual(8);
    expect(chain.expirations).toEqual([...chain.expirations].sort());
    expect(chain.strikes.length).toBeGreaterThan(20);

    const expiry = chain.expirations[3]!;
    const e = await call<OptionExpiry>('options.expiry', {
      conId: 265598,
      symbol: 'AAPL',
      expiry,
      tradingClass: chain.tradingClass,
    });
    expect(e.expiry).toBe(expiry);
    expect(e.daysToExpiry).toBeGreaterThan(0);
    expect(e.rows.length).toBeGreaterThan(10);
    // Every row's contracts are this expiry's, of the right kind, and every strike is one of the chain's union.
    for (const r of e.rows) {
      expect(chain.strikes).toContain(r.strike);
      if (r.call)
        expect(r.call).toMatchObject({ secType: 'OPT', right: 'C', strike: r.strike, multiplier: 100 });
      if (r.put) expect(r.put).toMatchObject({ secType: 'OPT', right: 'P', strike: r.strike });
    }

    await call('quotes.subscribe', { contracts: [{ conId: 265598, symbol: 'AAPL' }] });
    await waitFor(() => latest(c, 265598)?.last != null, 'AAPL last');
    const spot = latest(c, 265598)!.last!;
    const atm = [...e.rows].sort((a, b) => Math.abs(a.strike - spot) - Math.abs(b.strike - spot))[0]!;
    const call0 = atm.call!;
    const put0 = atm.put!;
    const gauge0 = (await call<{ lines: { used: number } }>('gauges.get')).lines.used;
    await call('quotes.subscribe', {
      contracts: [call0, put0].map(({ conId, symbol, secType }) => ({ conId, symbol, secType })),
    });
    expect((await call<{ lines: { used: number } }>('gauges.get')).lines.used).toBe(gauge0 + 2);
    await waitFor(
      () =>
        [call0, put0].every(
          (o) => latest(c, o.conId)?.greeks?.delta != null && latest(c, o.conId)?.ask != null,
        ),
      'greeks and quotes of the ATM call and put',
    );
    const g = latest(c, call0.conId)!.greeks!;
    expect(g.delta).toBeGreaterThan(0);
    expect(g.delta).toBeLessThan(1);
    expect(latest(c, put0.conId)!.greeks!.delta).toBeLessThan(0);
    expect(g.impliedVol).toBeGreaterThan(0);
    expect(g.gamma).toBeGreaterThan(0);

    // Scrolled out: the lines go back to the budget.
    await call('quotes.unsubscribe', { conIds: [put0.conId] });
    expect((await call<{ lines: { used: number } }>('gauges.get')).lines.used).toBe(gauge0 + 1);

    const ask = latest(c, call0.conId)!.ask!;
    const placed = await call<{ orderIds: number[] }>('orders.place', {
      contract: { conId: call0.conId, symbol: 'AAPL', secType: 'OPT' },
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: Math.round((ask + 0.05) * 100) / 100,
    });
    const id = placed.orderIds[0]!;
    await waitFor(
      () =>
        of('orders').some((ev) => ev.payload.orders.some((o) => o.orderId === id && o.status === 'Filled')),
      'the option order filled',
    );
    await waitFor(
      () =>
        of('portfolio').some((ev) =>
          ev.payload.positions.some((p) => p.contract.conId === call0.conId && p.position === 1),
        ),
      'the option position',
    );
  }, 60_000);
});
