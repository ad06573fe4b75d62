// The gauges reach the windows at most once a second while they change, and within a check when the lines or the
// scanner slots change (a chain opened shows its lines in the status bar at once, not up to a second later).
import { describe, expect, it } from 'vitest';
import type { Gauges } from '../../src-shared/domain/connection';
import { createManualClock } from '../../tests/support/manual-clock';
import { startGaugePush } from './gauge-push';

function gauges(used: number, messagesPerSec: number): Gauges {
  return {
    lines: { used, budget: 100 },
    scannerSlots: { used: 0, max: 10 },
    history: { open: 0, queued: 0, etaMs: null },
    messagesPerSec,
  };
}

describe('gauge push', () => {
  it('sends a change of lines within a check, other changes at most once a second, nothing unchanged', () => {
    const clock = createManualClock();
    let now = gauges(0, 0);
    const sent: { at: number; g: Gauges }[] = [];
    const start = clock.now();
    const push = startGaugePush({
      clock,
      everyMs: 1000,
      read: () => now,
      send: (g) => sent.push({ at: clock.now() - start, g }),
    });
    clock.advance(100);
    expect(sent.map((s) => s.at)).toEqual([100]);
    // The message rate moves every check: it goes out once a second.
    for (let i = 1; i <= 25; i++) {
      now = gauges(0, i);
      clock.advance(100);
    }
    expect(sent.map((s) => s.at)).toEqual([100, 1100, 2100]);
    // A chain opens: its 32 lines show within the next check.
    now = gauges(32, 25);
    clock.advance(100);
    expect(sent.at(-1)).toEqual({ at: 2700, g: gauges(32, 25) });
    // Nothing changes: nothing is sent.
    clock.advance(5000);
    expect(sent).toHaveLength(4);
    push.stop();
    now = gauges(0, 0);
    clock.advance(5000);
    expect(sent).toHaveLength(4);
    expect(clock.pending()).toBe(0);
  });
});
