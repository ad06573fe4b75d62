// Price alerts as lines on a chart: which alerts of the charted instrument a chart draws (the armed price crosses
// and touches), a new alert from a click on the chart, and the edit that moves one to another level.
import { mayFire } from '../../../src-shared/domain/alert-rules';
import type { Alert, AlertView } from '../../../src-shared/domain/alerts';
import { roundToTick } from '../../../src-shared/domain/order';
import type { WatchItem } from '../../../src-shared/domain/workspace';

type LevelAlert = Extract<Alert, { kind: 'price-cross' | 'price-touch' }>;

export type AlertLine = { readonly id: string; readonly level: number; readonly alert: LevelAlert };

/** The armed level alerts of `conId` (paused and spent ones are not drawn: they watch nothing). */
export function alertLinesFor(views: readonly AlertView[], conId: number): AlertLine[] {
  const out: AlertLine[] = [];
  for (const { alert: a } of views) {
    if (a.kind !== 'price-cross' && a.kind !== 'price-touch') continue;
    if (a.symbol.conId !== conId || !mayFire(a, Number.MAX_SAFE_INTEGER)) continue;
    out.push({ id: a.id, level: a.level, alert: a });
  }
  return out;
}

/** A level where the mouse put it, on the instrument's tick grid. */
export function levelAt(price: number, minTick: number | undefined): number {
  return roundToTick(price, minTick ?? 0.01);
}

/** The input of a price alert set on the chart: crossing the level either way, fired once. */
export function chartAlertInput(symbol: WatchItem, level: number): Record<string, unknown> {
  return { kind: 'price-cross', symbol: { ...symbol }, level, direction: 'either', note: 'set on the chart' };
}

/** The `alerts.update` input that keeps everything of the alert but its level (main sets id and times). */
export function movedAlertInput(a: LevelAlert, level: number): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, lastFiredAt: _lastFiredAt, ...rest } = a;
  return { ...rest, level };
}

export function describeAlertLine(a: LevelAlert, level: number, fmt: (p: number) => string): string {
  return `Alert: ${a.symbol.symbol} ${a.kind === 'price-touch' ? 'touches' : 'crosses'} ${fmt(level)}`;
}
