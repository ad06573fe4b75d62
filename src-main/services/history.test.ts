import { describe, expect, it } from 'vitest';
import { durationFor, MAX_PAGES, planPages } from './history';

describe('planPages', () => {
  const now = 1_800_000_000;

  it('keeps a small request whole', () => {
    expect(planPages('5 mins', '1 D', undefined, now)).toEqual([{ duration: '1 D', endTime: undefined }]);
  });

  it('splits a large request into pages of at most ~3000 bars, newest first', () => {
    const pages = planPages('1 min', '10 D', undefined, now);
    expect(pages.map((p) => p.duration)).toEqual(['2 D', '2 D', '2 D', '2 D', '2 D']);
    expect(pages[0]!.endTime).toBeUndefined();
    expect(pages[1]!.endTime).toBe(now - 2 * 86_400);
    expect(pages[4]!.endTime).toBe(now - 8 * 86_400);
  });

  it('pages seconds bars in seconds, and caps the number of pages', () => {
    const pages = planPages('5 secs', '1 D', now, now);
    expect(pages[0]).toEqual({ duration: '15000 S', endTime: now });
    expect(pages).toHaveLength(6);
    expect(planPages('1 secs', '1 Y', undefined, now)).toHaveLength(MAX_PAGES);
  });

  it('writes TWS durations', () => {
    expect(durationFor(10)).toBe('30 S');
    expect(durationFor(3600)).toBe('3600 S');
    expect(durationFor(86_400 * 3)).toBe('3 D');
    expect(durationFor(400 * 86_400)).toBe('2 Y');
  });
});

import type { BarSize } from '../../src-shared/domain/bar';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { createFakeTws } from '../../tests/support/fake-tws';
import { createHistory } from './history';

describe('history service', () => {
  const contract = { conId: 7, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };
  const bar = (time: number, close = 1) => ({ time, open: 1, high: 2, low: 0.5, close, volume: 10 });
  /** A day of TRADES bars of `barSize`, outside regular hours too. */
  const series = (barSize: BarSize) => ({
    contract,
    barSize,
    duration: '1 D' as const,
    whatToShow: 'TRADES' as const,
    useRTH: false,
  });

  function setup() {
    const clock = createManualClock(1_800_000_000_000);
    const fake = createFakeTws(clock);
    fake.ready();
    const events: { clientId: string; subId: string; n: number }[] = [];
    const history = createHistory({
      tws: fake.tws,
      clock,
      log: silentLogger,
      emitTo: (clientId, e) => events.push({ clientId, subId: e.subId, n: e.bars.length }),
      notify: () => undefined,
    });
    return { clock, fake, history, events };
  }

  /** A window's live series of `p`, answered with `bars` by its stream (the first the fake has). */
  async function opened(
    t: ReturnType<typeof setup>,
    p: ReturnType<typeof series>,
    bars: ReturnType<typeof bar>[],
  ) {
    const sub = t.history.subscribe('w1', p);
    await Promise.resolve();
    t.fake.streams[0]!.bars!.initial(bars);
    return sub;
  }

  it('serves a repeated request from the cache', async () => {
    const { fake, history } = setup();
    const now = 1_800_000_000;
    fake.historyBars = () => [bar(now - 600), bar(now - 300)];
    const p = series('5 mins');
    const first = await history.get(p);
    const second = await history.get(p);
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.bars).toHaveLength(2);
    expect(fake.historyCalls).toHaveLength(1);
  });

  it('shares a live series between charts and lets a reopened chart attach without a new request', async () => {
    const { clock, fake, history, events } = setup();
    const now = 1_800_000_000;
    const p = series('1 min');
    const sub1 = history.subscribe('w1', p);
    await Promise.resolve();
    const live = fake.streams[0]!;
    live.bars!.initial([bar(now - 120), bar(now - 60)]);
    const a = await sub1;
    expect(a.bars).toHaveLength(2);
    const b = await history.subscribe('w2', p);
    expect(fake.streams).toHaveLength(1);
    expect(b.bars).toHaveLength(2);
    live.bars!.update(bar(now - 60, 5));
    expect(events.map((e) => e.clientId).sort()).toEqual(['w1', 'w2']);
    history.unsubscribe(a.subId);
    history.unsubscribe(b.subId);
    clock.advance(60_000);
    expect(live.closed).toBe(false);
    const c = await history.subscribe('w3', p);
    expect(fake.streams).toHaveLength(1);
    expect(c.bars.at(-1)!.close).toBe(5);
    history.unsubscribe(c.subId);
    clock.advance(10 * 60_000);
    expect(live.closed).toBe(true);
    // A subscription ended once is gone: ending it again says so.
    expect(() => history.unsubscribe(c.subId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('says at once that a new live chart needs TWS when it is down, and serves a series already live', async () => {
    const t = setup();
    const { fake, history } = t;
    const now = 1_800_000_000;
    const p = series('1 min');
    await opened(t, p, [bar(now - 120), bar(now - 60)]);
    fake.setState('disconnected');
    // Before: the call waited for a connection that may never come (found by contract-fuzz, seed 1633282069).
    await expect(history.subscribe('w2', series('5 mins'))).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect(fake.streams).toHaveLength(1);
    expect((await history.subscribe('w3', p)).bars).toHaveLength(2);
  });

  it("forgets the previous source's bars when the profile changes (a replay after Demo)", async () => {
    const t = setup();
    const { fake, history, events } = t;
    const now = 1_800_000_000;
    const p = series('1 min');
    await opened(t, p, [bar(now - 120, 1), bar(now - 60, 1), bar(now, 1)]);
    history.sourceChanged();
    // The replay's clock is behind: its bars end a minute before the Demo's last one, which must not stay on.
    fake.historyBars = () => [bar(now - 180, 7), bar(now - 120, 7)];
    const b = await history.subscribe('w2', p);
    expect(b.bars.map((x) => [x.time, x.close])).toEqual([
      [now - 180, 7],
      [now - 120, 7],
    ]);
    // The live stream's first answer from the new source goes to the charts whole.
    fake.streams[0]!.bars!.initial([bar(now - 180, 8), bar(now - 120, 8)]);
    expect(events.map((e) => [e.clientId, e.n]).sort()).toEqual([
      ['w1', 2],
      ['w2', 2],
    ]);
  });

  it('hands charts the bars they missed after a reconnect', async () => {
    const t = setup();
    const { fake, events } = t;
    const now = 1_800_000_000;
    const p = series('1 min');
    await opened(t, p, [bar(now - 120), bar(now - 60)]);
    fake.streams[0]!.bars!.initial([bar(now - 120), bar(now - 60), bar(now), bar(now + 60)]);
    expect(events.at(-1)!.n).toBe(3);
  });

  it("keeps a live chart's bars when the gateway's clock is behind ours (a replay)", async () => {
    const t = setup();
    const { fake } = t;
    // A replaying gateway answers up to its replay clock, months before our clock.
    const replayNow = 1_783_524_601;
    const p = series('1 min');
    const { bars } = await opened(t, p, [bar(replayNow - 121), bar(replayNow - 61), bar(replayNow - 1)]);
    expect(bars.map((b) => b.time)).toEqual([replayNow - 121, replayNow - 61, replayNow - 1]);
    // No page was asked for after our clock's window: the live answer covered the day up to the replay clock.
    expect(fake.historyCalls).toHaveLength(0);
  });
});
