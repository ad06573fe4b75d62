import { describe, expect, it } from 'vitest';
import { AppError } from '../result';
import { parseAlert } from './alerts';
import { thrownBy } from '../../tests/support/thrown';

const aapl = { symbol: 'AAPL', conId: 265598 };
const base = { id: 'a1', createdAt: 1_700_000_000_000 };

describe('parseAlert', () => {
  it('fills in the common defaults', () => {
    const a = parseAlert({ ...base, kind: 'price-cross', symbol: aapl, level: 150 });
    expect(a).toMatchObject({
      enabled: true,
      note: '',
      repeat: { mode: 'once' },
      lastFiredAt: null,
      direction: 'either',
      price: 'last',
      symbol: { symbol: 'AAPL', conId: 265598, secType: 'STK', exchange: 'SMART', currency: 'USD' },
    });
  });

  it('accepts every kind', () => {
    const inputs = [
      { kind: 'price-cross', symbol: aapl, level: 150, direction: 'up' },
      { kind: 'price-touch', symbol: aapl, level: 150 },
      { kind: 'day-change', symbol: aapl, percent: -3, direction: 'below' },
      { kind: 'volume-above', symbol: aapl, volume: 1_000_000 },
      { kind: 'volume-vs-average', symbol: aapl, period: 20, factor: 3, barSize: '5 mins' },
      { kind: 'study-level', symbol: aapl, study: { kind: 'rsi' }, level: 70 },
      { kind: 'price-study-cross', symbol: aapl, study: { kind: 'bollinger' }, line: 'upper' },
      { kind: 'scanner', symbol: aapl, scanCode: 'TOP_PERC_GAIN', top: 10, event: 'enter' },
      { kind: 'fill' },
      { kind: 'fill', symbol: aapl },
      { kind: 'connection-lost', seconds: 30, repeat: { mode: 'rearm', cooldownSeconds: 300 } },
    ];
    for (const i of inputs) expect(parseAlert({ ...base, ...i }).kind).toBe(i.kind);
  });

  it.each([
    [{ kind: 'price-cross', symbol: aapl, level: 'abc' }, 'level', /level must be a number/],
    [{ kind: 'price-cross', symbol: aapl, level: Number.NaN }, 'level', /number/],
    [
      { kind: 'study-level', symbol: aapl, study: { kind: 'rsi', params: { period: 0 } }, level: 70 },
      'study.params.period',
      /at least 1/,
    ],
    [{ kind: 'price-touch', symbol: { symbol: 'AAPL' }, level: 1 }, 'symbol.conId', /conId is required/],
    [
      { kind: 'price-study-cross', symbol: aapl, study: { kind: 'ema' }, line: 'upper' },
      'line',
      /ema has the lines value/,
    ],
    [{ kind: 'volume-vs-average', symbol: aapl, factor: 0 }, 'factor', /above 0/],
    [{ kind: 'scanner', symbol: aapl, scanCode: 'top gainers', event: 'enter' }, 'scanCode', /scan code/],
    [{ kind: 'connection-lost', seconds: 0 }, 'seconds', /.+/],
    [
      { kind: 'price-cross', symbol: aapl, level: 1, repeat: { mode: 'rearm' } },
      'repeat.cooldownSeconds',
      /.+/,
    ],
    [{ kind: 'price-cross', symbol: aapl, level: 1, colour: 'red' }, '(input)', /colour/],
    [{ kind: 'price-alarm', symbol: aapl, level: 1 }, 'kind', /.+/],
  ])('refuses %j with a typed VALIDATION error at %s', (input, path, message) => {
    const err = thrownBy(() => parseAlert({ ...base, ...input }), AppError);
    expect(err.code).toBe('VALIDATION');
    const issue = err.issues?.find((i) => i.path === path);
    expect(issue, JSON.stringify(err.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(err.message).toMatch(/^alert: /);
  });

  it('refuses an unknown symbol with NOT_FOUND when it can look conIds up', () => {
    const known = (conId: number) => conId === 265598;
    expect(parseAlert({ ...base, kind: 'fill' }, { knownConId: known }).kind).toBe('fill');
    const err = thrownBy(
      () =>
        parseAlert(
          { ...base, kind: 'price-cross', symbol: { symbol: 'NOPE', conId: 42 }, level: 1 },
          { knownConId: known },
        ),
      AppError,
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('NOPE');
  });
});
