import { describe, expect, it } from 'vitest';
import { parseAlert } from '../../../src-shared/domain/alerts';
import { checkForm, describeAlert, fieldErrors, formOf, newForm, toInput } from './alert-form';

const AAPL = { symbol: 'AAPL', conId: 265598, secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

describe('alert form', () => {
  it('starts a price alert at the last price, and turns into the input the Alert schema takes', () => {
    const f = newForm(AAPL, 187.5);
    expect(f).toMatchObject({ kind: 'price-cross', value: '187.5', repeat: 'once', linkGroup: 'red' });
    const a = parseAlert({ ...toInput(f), id: 'x', createdAt: 1 });
    expect(a).toMatchObject({
      kind: 'price-cross',
      level: 187.5,
      direction: 'either',
      symbol: { conId: 265598 },
    });
  });

  it('names the field of each schema issue: a level that is not a number, a cooldown, a missing symbol', () => {
    expect(checkForm({ ...newForm(AAPL), value: 'abc' })).toEqual({ value: 'the level must be a number' });
    expect(checkForm({ ...newForm(AAPL, 1), value: '' })).toEqual({ value: 'the level must be a number' });
    expect(checkForm({ ...newForm(AAPL, 1), repeat: 'rearm', cooldown: '-5' }).cooldown).toMatch(/cooldown/);
    expect(checkForm({ ...newForm(null), kind: 'price-touch' })).toEqual({ symbol: 'Pick a symbol' });
    expect(checkForm({ ...newForm(null), value: '0' }).value).toMatch(/seconds/);
    expect(checkForm(newForm(AAPL, 10))).toEqual({});
  });

  it('maps the issues main answers (an unknown symbol) to their fields, the rest to the form', () => {
    expect(
      fieldErrors([
        { path: 'symbol', message: 'TWS knows no instrument with this conId' },
        { path: '(params)', message: 'bad' },
      ]),
    ).toEqual({ symbol: 'TWS knows no instrument with this conId', form: 'bad' });
  });

  it('round-trips an alert through the form for editing', () => {
    const a = parseAlert({
      id: 'a',
      createdAt: 1,
      kind: 'day-change',
      symbol: AAPL,
      percent: -3,
      direction: 'below',
      repeat: { mode: 'rearm', cooldownSeconds: 60 },
      linkGroup: 'blue',
      note: 'gap',
    });
    const f = formOf(a)!;
    expect(f).toMatchObject({
      value: '-3',
      direction: 'below',
      repeat: 'rearm',
      cooldown: '60',
      linkGroup: 'blue',
    });
    expect(parseAlert({ ...toInput(f), id: 'a', createdAt: 1 })).toEqual(a);
  });
});

describe('describeAlert', () => {
  it('says the condition in a few words', () => {
    const at = { id: 'a', createdAt: 1 };
    expect(
      describeAlert(parseAlert({ ...at, kind: 'price-cross', symbol: AAPL, level: 190, direction: 'up' })),
    ).toBe('AAPL last crosses up 190');
    expect(describeAlert(parseAlert({ ...at, kind: 'volume-above', symbol: AAPL, volume: 2_000_000 }))).toBe(
      'AAPL volume above 2,000,000',
    );
    expect(describeAlert(parseAlert({ ...at, kind: 'fill' }))).toBe('any fill');
    expect(
      describeAlert(
        parseAlert({ ...at, kind: 'study-level', symbol: AAPL, study: { kind: 'rsi' }, level: 70 }),
      ),
    ).toBe('AAPL RSI(14) above 70 (1 min)');
  });
});

describe('study alerts in the form', () => {
  it('sets RSI(14) above 70 on 5-minute bars, and price crossing its 20 EMA, as main parses them', () => {
    const rsi = { ...newForm(AAPL, 1), kind: 'study-level' as const, value: '70', direction: 'up' };
    expect(checkForm(rsi)).toEqual({});
    expect(parseAlert({ ...toInput(rsi), id: 'x', createdAt: 1 })).toMatchObject({
      kind: 'study-level',
      level: 70,
      direction: 'up',
      barSize: '5 mins',
      study: { kind: 'rsi', params: { period: 14 } },
    });
    const ema = { ...newForm(AAPL), kind: 'price-study-cross' as const, study: 'ema' as const, period: '20' };
    const a = parseAlert({ ...toInput(ema), id: 'y', createdAt: 1 });
    expect(a).toMatchObject({
      kind: 'price-study-cross',
      direction: 'either',
      study: { kind: 'ema', params: { period: 20 } },
    });
    expect(describeAlert(a)).toBe('AAPL price crosses its EMA(20) (5 mins)');
    expect(formOf(a)).toMatchObject({
      kind: 'price-study-cross',
      study: 'ema',
      period: '20',
      barSize: '5 mins',
    });
  });

  it('refuses a study period of 0 under the study’s field', () => {
    const bad = { ...newForm(AAPL, 1), kind: 'study-level' as const, value: '70', period: '0' };
    expect(checkForm(bad).study).toMatch(/period/);
  });
});

describe('the sound of an alert', () => {
  it('is off unless asked for, and kept through an edit', () => {
    expect(parseAlert({ ...toInput(newForm(AAPL, 1)), id: 'x', createdAt: 1 }).sound).toBe(false);
    const a = parseAlert({ ...toInput({ ...newForm(AAPL, 1), sound: true }), id: 'x', createdAt: 1 });
    expect(a.sound).toBe(true);
    expect(formOf(a)?.sound).toBe(true);
  });
});
