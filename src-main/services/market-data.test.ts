import { describe, expect, it } from 'vitest';
import type { QuoteProbe } from '../../src-shared/bench-probe';
import type { Quote } from '../../src-shared/domain/quote';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { createFakeTws } from '../../tests/support/fake-tws';
import { createMarketData } from './market-data';

const c = (conId: number, symbol = `S${conId}`) => ({
  conId,
  symbol,
  secType: 'STK' as const,
  exchange: 'SMART',
  currency: 'USD',
});

function setup(lines = 100, opts: { probe?: boolean } = {}) {
  const clock = createManualClock();
  const fake = createFakeTws(clock);
  fake.ready();
  const published: { quotes: Quote[]; clients: string[] }[] = [];
  const probes: { stamps: QuoteProbe[]; clients: string[] }[] = [];
  /** Both outputs in the order they were called: `q` quotes, `p` stamps, with their conIds. */
  const calls: string[] = [];
  const md = createMarketData({
    tws: fake.tws,
    clock,
    log: silentLogger,
    publish: (quotes, clients) => {
      calls.push(`q ${quotes.map((q) => q.conId).join(',')}`);
      published.push({ quotes: [...quotes], clients: [...clients] });
    },
    probe: opts.probe
      ? (stamps, clients) => {
          calls.push(`p ${stamps.map((x) => x.conId).join(',')}`);
          probes.push({ stamps: [...stamps], clients: [...clients] });
        }
      : undefined,
    prefs: { marketDataLines: lines, marketDataType: 'live' },
  });
  return { clock, fake, md, published, probes, calls };
}

describe('market data', () => {
  it('shares one TWS line between panes and windows, and closes it with the last holder', () => {
    const { fake, md } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1)]);
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1)]);
    md.subscribe({ key: 'w2', clientId: 'w2' }, [c(1)]);
    expect(fake.streams).toHaveLength(1);
    md.unsubscribe({ key: 'w1', clientId: 'w1' }, [1]);
    md.unsubscribe({ key: 'w2', clientId: 'w2' }, [1]);
    expect(fake.streams[0]!.closed).toBe(false);
    md.unsubscribe({ key: 'w1', clientId: 'w1' }, [1]);
    expect(fake.streams[0]!.closed).toBe(true);
    expect(md.lines().used).toBe(0);
  });

  it('gives every line a sink with shared methods (no closures per line), each writing its own quote', async () => {
    const { fake, md, published } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1), c(2)]);
    const [one, two] = fake.streams;
    expect(one!.md!.tick).toBe(two!.md!.tick);
    expect(one!.md!.probe).toBeUndefined();
    two!.md!.tick('bid', 20, false);
    one!.md!.tick('bid', 10, false);
    two!.md!.tick('bid', 21, false);
    await Promise.resolve();
    // One read, one call: the lines in the order they first ticked, each with its latest value.
    expect(published.at(-1)!.quotes.map((q) => [q.conId, q.bid])).toEqual([
      [2, 21],
      [1, 10],
    ]);
  });

  it('coalesces ticks into the quote and sends it to every window holding it', async () => {
    const { fake, md, published } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1)]);
    md.subscribe({ key: 'scan:1', clientId: 'w2' }, [c(1)]);
    fake.streams[0]!.md!.tick('last', 101.5, false);
    fake.streams[0]!.md!.tick('close', 100, false);
    await Promise.resolve();
    const last = published.at(-1)!;
    expect(last.clients.sort()).toEqual(['w1', 'w2']);
    expect(last.quotes[0]).toMatchObject({ conId: 1, last: 101.5, close: 100, state: 'live' });
    expect(md.quote(1)?.updatedAt).not.toBeNull();
  });

  it('carries an option line’s model greeks on its quote, in the same batch as its ticks', async () => {
    const { fake, md, published } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [
      { ...c(7, 'AAPL'), secType: 'OPT' as const, strike: 150, right: 'C' as const },
    ]);
    const greeks = { impliedVol: 0.3, delta: 0.55, gamma: 0.07, vega: 0.075, theta: -0.75, undPrice: 151 };
    fake.streams[0]!.md!.tick('bid', 2.5, false);
    fake.streams[0]!.md!.greeks!(greeks, false);
    await Promise.resolve();
    expect(published.at(-1)!.quotes[0]).toMatchObject({ conId: 7, bid: 2.5, greeks });
  });

  it('publishes the ticks of one socket read once per line, and never changes a published quote', async () => {
    const { clock, fake, md, published } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1), c(2)]);
    const before = published.length;
    for (let i = 0; i < 50; i++) {
      fake.streams[0]!.md!.tick('bid', 10 + i, false);
      fake.streams[1]!.md!.tick('ask', 20 + i, false);
    }
    expect(published.length).toBe(before); // nothing until the read is done
    await Promise.resolve();
    const batch = published.slice(before).flatMap((p) => p.quotes);
    expect(batch.map((q) => q.conId).sort()).toEqual([1, 2]);
    const q1 = batch.find((q) => q.conId === 1)!;
    expect(q1).toMatchObject({ bid: 59, state: 'live', updatedAt: clock.now() });
    // The next read starts a new draft: what was published stays as it was sent.
    clock.advance(1000);
    fake.streams[0]!.md!.tick('bid', 99, false);
    expect(q1.bid).toBe(59);
    expect(md.quote(1)).toMatchObject({ bid: 99, updatedAt: clock.now() });
    await Promise.resolve();
    expect(published.at(-1)!.quotes[0]).toMatchObject({ conId: 1, bid: 99 });
  });

  it('publishes one read in one call per run of lines held by the same windows, in the order they ticked', async () => {
    const { fake, md, published } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1), c(2), c(3), c(4)]);
    md.subscribe({ key: 'scan:1', clientId: 'w2' }, [c(3)]);
    md.subscribe({ key: 'w2', clientId: 'w2' }, [c(4)]);
    md.subscribe({ key: 'w1b', clientId: 'w1' }, [c(4)]);
    const before = published.length;
    for (const i of [1, 2, 3, 4, 1]) fake.streams[i - 1]!.md!.tick('bid', 10 * i, false);
    // Line 1's second tick changes its draft in place: it stays first, once.
    await Promise.resolve();
    expect(
      published
        .slice(before)
        .map((p) => ({ conIds: p.quotes.map((q) => q.conId), clients: p.clients.sort() })),
    ).toEqual([
      { conIds: [1, 2], clients: ['w1'] },
      // Lines 3 and 4 are both held by w1 and w2 (4 by two panes of w1): one call for both.
      { conIds: [3, 4], clients: ['w1', 'w2'] },
    ]);
  });

  it('cuts a run of lines at a bench stamp, so the stamp goes out right after its own quote', async () => {
    const { fake, md, calls } = setup(100, { probe: true });
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1), c(2), c(3)]);
    const before = calls.length;
    fake.streams[0]!.md!.tick('last', 1, false);
    fake.streams[1]!.md!.tick('last', 2, false);
    fake.streams[1]!.md!.probe!(9, 1_700_000_000_000);
    fake.streams[2]!.md!.tick('last', 3, false);
    await Promise.resolve();
    expect(calls.slice(before)).toEqual(['q 1,2', 'p 2', 'q 3']);
  });

  it("passes the demo gateway's bench stamp on right after the quote it closes, never on the quote", async () => {
    const { fake, md, published, probes } = setup(100, { probe: true });
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1)]);
    md.subscribe({ key: 'w2', clientId: 'w2' }, [c(2)]);
    fake.streams[0]!.md!.tick('last', 101.5, false);
    fake.streams[0]!.md!.probe!(42, 1_700_000_000_123.5);
    fake.streams[1]!.md!.tick('last', 7, false);
    await Promise.resolve();
    expect(published.map((p) => p.quotes[0]!.conId)).toEqual([1, 2]);
    expect(published[0]!.quotes[0]).toEqual(expect.objectContaining({ conId: 1, last: 101.5 }));
    expect(Object.keys(published[0]!.quotes[0]!)).not.toContain('tickId');
    expect(probes).toEqual([
      { stamps: [{ conId: 1, tickId: 42, tickAt: 1_700_000_000_123.5 }], clients: ['w1'] },
    ]);
  });

  it('asks the adapter for no bench stamps without a probe output', () => {
    const { fake, md } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1)]);
    expect(fake.streams[0]!.md!.probe).toBeUndefined();
  });

  it('a window that stops holding a line no longer gets its quotes', async () => {
    const { fake, md, published } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1)]);
    md.subscribe({ key: 'w2', clientId: 'w2' }, [c(1)]);
    fake.streams[0]!.md!.tick('last', 5, false);
    await Promise.resolve();
    expect(published.at(-1)!.clients.sort()).toEqual(['w1', 'w2']);
    md.unsubscribe({ key: 'w2', clientId: 'w2' }, [1]);
    fake.streams[0]!.md!.tick('last', 6, false);
    await Promise.resolve();
    expect(published.at(-1)!.clients).toEqual(['w1']);
  });

  it('over the line budget a quote is "no-line" with a note, and gets a line when one frees up', () => {
    const { fake, md } = setup(2);
    const q = md.subscribe({ key: 'w', clientId: 'w' }, [c(1), c(2), c(3)]);
    expect(q.map((x) => x.state)).toEqual(['pending', 'pending', 'no-line']);
    expect(q[2]!.note).toMatch(/line budget \(2 lines/);
    expect(fake.streams).toHaveLength(2);
    expect(md.lines()).toEqual({ used: 2, budget: 2 });
    md.unsubscribe({ key: 'w', clientId: 'w' }, [1]);
    expect(fake.streams).toHaveLength(3);
    expect(fake.streams[2]!.contract!.conId).toBe(3);
    expect(md.quote(3)!.state).toBe('pending');
    expect(md.quote(3)!.note).toBeUndefined();
  });

  it('a line TWS ends with an error gives its place to one over the budget, and the count stays right', () => {
    const { fake, md } = setup(2);
    md.subscribe({ key: 'w', clientId: 'w' }, [c(1), c(2), c(3)]);
    expect(fake.streams[0]!.md!.error(200, 'No security definition has been found')).toBe('end');
    expect(md.quote(1)!.state).toBe('error');
    expect(fake.streams).toHaveLength(3);
    expect(fake.streams[2]!.contract!.conId).toBe(3);
    expect(md.lines()).toEqual({ used: 2, budget: 2 });
    md.unsubscribe({ key: 'w', clientId: 'w' }, [1, 2, 3]);
    expect(md.lines().used).toBe(0);
    md.subscribe({ key: 'w', clientId: 'w' }, [c(4), c(5)]);
    expect(fake.streams).toHaveLength(5);
    expect(md.lines()).toEqual({ used: 2, budget: 2 });
  });

  it('gives a new line the place of a released one only once its cancel has left, in the order asked', () => {
    const { fake, md } = setup(3);
    const w = { key: 'w', clientId: 'w' };
    md.subscribe(w, [c(1), c(2), c(3)]);
    fake.holdCancels = true;
    md.unsubscribe(w, [1, 2]);
    const q = md.subscribe(w, [c(4), c(5)]);
    // Lines of the budget (not `no-line`), waiting for TWS to let go of the old ones.
    expect(q.map((x) => x.state)).toEqual(['pending', 'pending']);
    expect(md.lines()).toEqual({ used: 3, budget: 3 });
    expect(md.subscribe(w, [c(6)])[0]!.state).toBe('no-line');
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 2, 3]);
    fake.streams[0]!.freed!();
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 2, 3, 4]);
    fake.streams[1]!.freed!();
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 2, 3, 4, 5]);
    expect(md.lines()).toEqual({ used: 3, budget: 3 });
  });

  it('asks for new lines at once while TWS has room for them beside the cancels still queued', () => {
    const { fake, md } = setup(4);
    const w = { key: 'w', clientId: 'w' };
    md.subscribe(w, [c(1), c(2)]);
    fake.holdCancels = true;
    md.unsubscribe(w, [1, 2]);
    md.subscribe(w, [c(3), c(4), c(5)]);
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 2, 3, 4]);
    fake.streams[0]!.freed!();
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 2, 3, 4, 5]);
  });

  it('queues a line the budget let wait once for a place, and asks for it once', () => {
    const { fake, md } = setup(2);
    const w = { key: 'w', clientId: 'w' };
    md.subscribe(w, [c(1), c(2), c(3)]);
    expect(md.quote(3)!.state).toBe('no-line');
    fake.holdCancels = true;
    md.unsubscribe(w, [1]);
    expect(md.quote(3)!.state).toBe('pending');
    md.unsubscribe(w, [2]);
    fake.streams[0]!.freed!();
    fake.streams[1]!.freed!();
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 2, 3]);
    expect(md.lines()).toEqual({ used: 1, budget: 2 });
  });

  it('never asks for a line released while it waited for a place', () => {
    const { fake, md } = setup(1);
    const w = { key: 'w', clientId: 'w' };
    md.subscribe(w, [c(1)]);
    fake.holdCancels = true;
    md.unsubscribe(w, [1]);
    md.subscribe(w, [c(2)]);
    md.unsubscribe(w, [2]);
    md.subscribe(w, [c(3)]);
    expect(md.lines()).toEqual({ used: 1, budget: 1 });
    fake.streams[0]!.freed!();
    expect(fake.streams.map((s) => s.contract!.conId)).toEqual([1, 3]);
  });

  it('switches one instrument to delayed data on 354 and labels it', () => {
    const { fake, md } = setup();
    md.subscribe({ key: 'w', clientId: 'w' }, [c(1, 'AAPL'), c(2, 'MSFT')]);
    const s = fake.streams[0]!;
    expect(s.delayed!()).toBe(false);
    expect(s.md!.error(354, 'Requested market data is not subscribed.')).toBe('restart');
    expect(s.delayed!()).toBe(true);
    expect(fake.streams[1]!.delayed!()).toBe(false);
    expect(md.quote(1)).toMatchObject({ state: 'delayed' });
    expect(md.quote(1)!.note).toMatch(/AAPL.*delayed.*TWS 354/);
    s.md!.tick('last', 10, true);
    expect(md.quote(1)!.state).toBe('delayed');
    // No delayed data either: the line stops with the reason.
    expect(s.md!.error(354, 'not subscribed')).toBe('end');
    expect(md.quote(1)!.state).toBe('error');
    expect(md.lines().used).toBe(1);
  });

  it('marks a live quote stale after a minute without ticks', () => {
    const { clock, fake, md } = setup();
    md.subscribe({ key: 'w', clientId: 'w' }, [c(1)]);
    fake.streams[0]!.md!.tick('last', 5, false);
    clock.advance(30_000);
    expect(md.quote(1)!.state).toBe('live');
    clock.advance(40_000);
    expect(md.quote(1)!.state).toBe('stale');
    fake.streams[0]!.md!.tick('last', 5.01, false);
    expect(md.quote(1)!.state).toBe('live');
  });

  it('releases everything a closed window held', () => {
    const { fake, md } = setup();
    md.subscribe({ key: 'w1', clientId: 'w1' }, [c(1), c(2)]);
    md.subscribe({ key: 'scan:9', clientId: 'w1' }, [c(3)]);
    md.subscribe({ key: 'w2', clientId: 'w2' }, [c(2)]);
    md.releaseClient('w1');
    expect(fake.streams.filter((s) => !s.closed).map((s) => s.contract!.conId)).toEqual([2]);
  });
});

describe('market data across connection loss', () => {
  it('marks quotes stale while the connection is down, and live again on the next tick', () => {
    const { fake, md } = setup();
    md.subscribe({ key: 'w', clientId: 'w' }, [c(1)]);
    fake.streams[0]!.md!.tick('last', 5, false);
    fake.setState('reconnecting');
    expect(md.quote(1)).toMatchObject({ state: 'stale', note: 'Not connected to TWS: prices are paused' });
    fake.ready(true);
    fake.streams[0]!.md!.tick('last', 5.5, false);
    expect(md.quote(1)!.state).toBe('live');
    expect(md.quote(1)!.note).toBeUndefined();
  });
});
