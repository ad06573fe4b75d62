// When the gauges (market-data lines, scanner slots, history queue, TWS messages a second) go to the windows: at
// most once per `everyMs` while they change, and within `checkMs` when the lines or scanner slots change, so that
// a chain opened or a list closed shows its lines in the status bar at once instead of up to a second later.
import type { Gauges } from '../../src-shared/domain/connection';
import type { Clock, Timer } from '../../src-shared/clock';

/** How often the slots are looked at between two regular pushes (ms). */
const CHECK_MS = 100;

export function startGaugePush(opts: {
  clock: Clock;
  everyMs: number;
  read(): Gauges;
  send(g: Gauges): void;
  checkMs?: number;
}): { stop(): void } {
  const { clock, everyMs } = opts;
  const checkMs = Math.min(everyMs, opts.checkMs ?? CHECK_MS);
  let lastText = '';
  let lastSlots = '';
  let lastAt = -Infinity;
  const timer: Timer = clock.setInterval(() => {
    const g = opts.read();
    const slots = `${g.lines.used}/${g.lines.budget} ${g.scannerSlots.used}/${g.scannerSlots.max}`;
    if (slots === lastSlots && clock.now() - lastAt < everyMs) return;
    const text = JSON.stringify(g);
    if (text === lastText) return;
    lastText = text;
    lastSlots = slots;
    lastAt = clock.now();
    opts.send(g);
  }, checkMs);
  return { stop: () => clock.clearInterval(timer) };
}
