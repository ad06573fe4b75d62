// The tape service over a fake adapter: one stream per instrument, history first then live prints, each print
// marked against the quote, batches per coalescing interval, a gap on a replayed start, bounded memory.
import { describe, expect, it } from 'vitest';
import type { TapeBatch } from '../../src-shared/domain/tape';
import { silentLogger } from '../../src-shared/logger';
import { createFakeTws } from '../../tests/support/fake-tws';
import { createManualClock } from '../../tests/support/manual-clock';
import { createTape } from './tape';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };
const trade = (time: number, price: number, size = 100) => ({ time, price, size, exchange: 'ARCA' });

function setup() {
  const clock = createManualClock(1_800_000_000_000);
  const fake = createFakeTws(clock);
  const sent: { clientId: string; batch: TapeBatch }[] = [];
  const tape = createTape({
    tws: fake.tws,
    clock,
    log: silentLogger,
    emitTo: (clientId, batch) => sent.push({ clientId, batch }),
    quote: () => ({ bid: 10, ask: 10.02 }),
    coalesceMs: 50,
    keep: 3,
    historyCount: 2000,
  });
  const sink = () => fake.streams.find((s) => s.kind === 'tape' && !s.closed)!.tape!;
  return { clock, fake, tape, sent, sink };
}

describe('tape service', () => {
  it('answers history then the live prints, marks each against the quote, asks TWS once per instrument', async () => {
    const { fake, tape, sink } = setup();
    fake.recentTrades = [trade(1000, 9.9), trade(2000, 9.95)];
    const first = tape.subscribe('w1', AAPL);
    sink().trade(trade(2000, 10.02));
    sink().trade(trade(3000, 10));
    const { prints } = await first;
    expect(prints.map((p) => [p.time, p.at])).toEqual([
      [1000, null],
      [2000, 'ask'],
      [3000, 'bid'],
    ]);
    await tape.subscribe('w2', AAPL);
    expect(fake.streams.filter((s) => s.kind === 'tape')).toHaveLength(1);
    expect(fake.tradeCalls).toEqual([{ conId: AAPL.conId, count: 1000 }]);
  });

  it('publishes new prints in one batch per interval to every holder, a replayed start as a gap', async () => {
    const { clock, tape, sent, sink } = setup();
    await tape.subscribe('w1', AAPL);
    await tape.subscribe('w2', AAPL);
    sink().trade(trade(1, 10.01));
    sink().trade(trade(2, 10.01));
    expect(sent).toHaveLength(0);
    clock.advance(50);
    expect(sent.map((s) => [s.clientId, s.batch.prints.length, s.batch.gap])).toEqual([
      ['w1', 2, false],
      ['w2', 2, false],
    ]);
    expect(sent[0]!.batch.prints[0]!.at).toBe('between');
    sent.length = 0;
    sink().starting(true);
    clock.advance(50);
    expect(sent.map((s) => s.batch)).toEqual([
      { conId: AAPL.conId, prints: [], gap: true },
      { conId: AAPL.conId, prints: [], gap: true },
    ]);
  });

  it('keeps only the last prints, and closes with the last holder', async () => {
    const { fake, tape, sink } = setup();
    await tape.subscribe('w1', AAPL);
    for (let i = 1; i <= 5; i++) sink().trade(trade(i * 1000, 10));
    const stream = fake.streams.find((s) => s.kind === 'tape')!;
    const again = await tape.subscribe('w1', AAPL);
    expect(again.prints.map((p) => p.time)).toEqual([3000, 4000, 5000]);
    tape.unsubscribe('w1', AAPL.conId);
    expect(stream.closed).toBe(false);
    tape.releaseClient('w1');
    expect(stream.closed).toBe(true);
    expect(() => tape.unsubscribe('w1', AAPL.conId)).toThrow(/holds no tape/);
  });

  it('keeps going without history when TWS refuses it, and stops the stream on an error', async () => {
    const { fake, tape, sink } = setup();
    fake.tws.recentTrades = () => Promise.reject(new Error('Failed to request historical ticks (TWS 10187)'));
    expect((await tape.subscribe('w1', AAPL)).prints).toEqual([]);
    expect(sink().error(2104, 'farm ok')).toBe('keep');
    expect(sink().error(10190, 'Max number of tick-by-tick requests has been reached.')).toBe('end');
  });
});
