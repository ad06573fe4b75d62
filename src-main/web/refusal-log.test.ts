import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../tests/support/manual-clock';
import { createLogBook } from '../logging/log-book';
import { createRefusalLog } from './refusal-log';

function setup() {
  const clock = createManualClock();
  const book = createLogBook({ now: clock.now });
  const refusals = createRefusalLog({ log: book.logger('web-host'), clock, burst: 3, windowMs: 10_000 });
  const lines = () => book.recent(100).map((e) => e.message);
  return { clock, refusals, lines };
}

describe('refusal log', () => {
  it('writes a burst in full, then one summary per window for the rest', () => {
    const { clock, refusals, lines } = setup();
    for (let i = 0; i < 1000; i++) refusals.note(`no token ${i}`);
    expect(lines()).toEqual([
      'WebSocket refused: no token 0',
      'WebSocket refused: no token 1',
      'WebSocket refused: no token 2',
    ]);
    clock.advance(10_000);
    expect(lines()).toHaveLength(4);
    expect(lines()[3]).toBe('WebSocket refused 997 more times (not logged one by one)');
    // A new window starts with a full burst again.
    refusals.note('wrong token');
    expect(lines()[4]).toBe('WebSocket refused: wrong token');
  });

  it('writes no summary when nothing was held back, and flushes on demand', () => {
    const { clock, refusals, lines } = setup();
    refusals.note('a');
    clock.advance(10_000);
    expect(lines()).toEqual(['WebSocket refused: a']);
    for (let i = 0; i < 5; i++) refusals.note('b');
    refusals.flush();
    expect(lines().at(-1)).toBe('WebSocket refused 2 more times (not logged one by one)');
    expect(clock.pending()).toBe(0);
  });
});
