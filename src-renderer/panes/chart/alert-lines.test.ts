// Price alerts as chart lines: which are drawn, the alert a click sets, and the edit that moves one.
import { describe, expect, it } from 'vitest';
import { parseAlert, type AlertView } from '../../../src-shared/domain/alerts';
import { alertLinesFor, chartAlertInput, levelAt, movedAlertInput } from './alert-lines';

const spy = { conId: 756733, symbol: 'SPY', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };
const view = (input: Record<string, unknown>): AlertView => ({
  alert: parseAlert({ createdAt: 1, symbol: spy, ...input }),
  watch: 'watching',
  note: null,
});

describe('alert lines', () => {
  it('draws the armed price crosses and touches of the charted symbol only', () => {
    const views = [
      view({ id: 'a', kind: 'price-cross', level: 500 }),
      view({ id: 'b', kind: 'price-touch', level: 510 }),
      view({ id: 'c', kind: 'price-cross', level: 520, enabled: false }),
      view({ id: 'd', kind: 'price-cross', level: 530, lastFiredAt: 5 }),
      view({
        id: 'e',
        kind: 'price-cross',
        level: 540,
        lastFiredAt: 5,
        repeat: { mode: 'rearm', cooldownSeconds: 60 },
      }),
      view({ id: 'f', kind: 'day-change', percent: 2, direction: 'above' }),
      view({ id: 'g', kind: 'price-cross', level: 550, symbol: { ...spy, conId: 1 } }),
    ];
    expect(alertLinesFor(views, spy.conId).map((l) => [l.id, l.level])).toEqual([
      ['a', 500],
      ['b', 510],
      ['e', 540],
    ]);
  });

  it('puts a clicked level on the tick grid', () => {
    expect(levelAt(577.123456, 0.01)).toBe(577.12);
    expect(levelAt(577.13, 0.05)).toBe(577.15);
    expect(levelAt(1.23456, undefined)).toBe(1.23);
  });

  it('sets a price-cross alert that main accepts, and moves one keeping everything but its level', () => {
    const input = chartAlertInput(spy, 577.12);
    expect(parseAlert({ ...input, id: 'x', createdAt: 1 })).toMatchObject({
      kind: 'price-cross',
      level: 577.12,
      direction: 'either',
      symbol: spy,
    });
    const old = view({
      id: 'a',
      kind: 'price-touch',
      level: 500,
      note: 'n',
      linkGroup: 'blue',
      lastFiredAt: 9,
    });
    const moved = movedAlertInput(old.alert as Extract<typeof old.alert, { kind: 'price-touch' }>, 505.5);
    expect(moved).not.toHaveProperty('id');
    expect(moved).not.toHaveProperty('lastFiredAt');
    expect(parseAlert({ ...moved, id: 'a', createdAt: 1 })).toMatchObject({
      kind: 'price-touch',
      level: 505.5,
      note: 'n',
      linkGroup: 'blue',
      lastFiredAt: null,
    });
  });
});
