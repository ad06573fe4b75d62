// The bar series that study alerts (RSI > 70, price crosses its EMA, volume above its average) read: one live
// series (history + keepUpToDate, through the history service) per symbol and bar size, held by main for as long as
// an armed alert needs it. The history warms the studies up and never fires; so do all but the newest bar of a
// batch (what a reconnect hands over at once is history too).
import {
  barSizeSeconds,
  durationFor,
  type Bar,
  type BarSize,
  type Duration,
} from '../../../src-shared/domain/bar';
import type { AlertView, BarObservation } from '../../../src-shared/domain/alerts';
import type { Clock } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { ResolvedContract } from '../../ib/adapter';

/** Bars of history to warm a study up (an RSI or EMA settles within a few times its period). */
const WARM_UP_BARS = 300;

export type AlertBars = {
  subscribe(p: {
    contract: ResolvedContract;
    barSize: BarSize;
    duration: Duration;
  }): Promise<{ subId: string; bars: Bar[] }>;
  unsubscribe(subId: string): void;
};

type Series = {
  readonly contract: ResolvedContract;
  readonly barSize: BarSize;
  subId: string | null;
  state: 'waiting' | 'live' | 'failed';
  note: string | null;
  gone: boolean;
};

export type BarNeed = { contract: ResolvedContract; barSize: BarSize };

export interface BarFeeds {
  /** Holds a series for every need and lets go of the others. */
  sync(needs: readonly BarNeed[]): void;
  /** Bars of a held series as the history service pushes them. */
  onBars(subId: string, bars: readonly Bar[]): void;
  /** How the series of a bar alert stands (undefined: not held). */
  watch(conId: number, barSize: BarSize): Pick<AlertView, 'watch' | 'note'> | undefined;
  stop(): void;
}

const seriesKey = (conId: number, barSize: BarSize): string => `${conId}|${barSize}`;

export function createBarFeeds(deps: {
  bars: AlertBars;
  clock: Clock;
  log: Logger;
  observe(obs: BarObservation): void;
  changed(): void;
}): BarFeeds {
  const series = new Map<string, Series>();
  const bySub = new Map<string, Series>();

  function feed(s: Series, bars: readonly Bar[], replayAll: boolean): void {
    const at = deps.clock.now();
    bars.forEach((bar, i) =>
      deps.observe({
        type: 'bar',
        at,
        conId: s.contract.conId,
        barSize: s.barSize,
        bar,
        replay: replayAll || i < bars.length - 1,
      }),
    );
  }

  function open(s: Series): void {
    const duration = durationFor(barSizeSeconds(s.barSize) * WARM_UP_BARS);
    deps.bars.subscribe({ contract: s.contract, barSize: s.barSize, duration }).then(
      ({ subId, bars }) => {
        if (s.gone) {
          deps.bars.unsubscribe(subId);
          return;
        }
        s.subId = subId;
        bySub.set(subId, s);
        feed(s, bars, true);
        s.state = 'live';
        s.note = null;
        deps.changed();
      },
      (err: unknown) => {
        if (s.gone) return;
        s.state = 'failed';
        s.note = `the bars for its study could not be loaded: ${(err as Error).message}`;
        deps.log.warn(`Alert bars for ${s.contract.symbol} ${s.barSize}: ${(err as Error).message}`, {
          action: 'study alerts on it are not watched',
        });
        deps.changed();
      },
    );
  }

  function close(key: string, s: Series): void {
    s.gone = true;
    series.delete(key);
    if (s.subId !== null) {
      bySub.delete(s.subId);
      try {
        deps.bars.unsubscribe(s.subId);
      } catch {
        // Already ended by the history service (its stream stopped): nothing left to release.
      }
    }
  }

  return {
    sync(needs) {
      const wanted = new Map(needs.map((n) => [seriesKey(n.contract.conId, n.barSize), n]));
      for (const [key, s] of [...series]) if (!wanted.has(key)) close(key, s);
      for (const [key, n] of wanted) {
        if (series.has(key)) continue;
        const s: Series = { ...n, subId: null, state: 'waiting', note: null, gone: false };
        series.set(key, s);
        open(s);
      }
    },
    onBars(subId, bars) {
      const s = bySub.get(subId);
      if (s) feed(s, bars, false);
    },
    watch(conId, barSize) {
      const s = series.get(seriesKey(conId, barSize));
      if (!s) return undefined;
      if (s.state === 'live') return { watch: 'watching', note: null };
      if (s.state === 'failed') return { watch: 'waiting', note: s.note };
      return { watch: 'waiting', note: 'for the bars of its study' };
    },
    stop() {
      for (const [key, s] of [...series]) close(key, s);
    },
  };
}
