// Enter in a symbol field: the typed ticker wins, before or after the lookup answers.
import { describe, expect, it } from 'vitest';
import type { SymbolMatch } from '../../src-shared/domain/instrument';
import { exactTicker, onAnswerAfterEnter, onEnter } from './symbol-entry';

const m = (conId: number, symbol: string, description = ''): SymbolMatch => ({
  conId,
  symbol,
  secType: 'STK',
  primaryExchange: 'NASDAQ',
  currency: 'USD',
  description,
  derivativeSecTypes: [],
});
const MSFT = m(272093, 'MSFT', 'MICROSOFT CORP');
const MSTR = m(2, 'MSTR', 'MICROSTRATEGY');
const MS = m(3, 'MS', 'MORGAN STANLEY');

describe('onEnter', () => {
  it('waits for the lookup when Enter comes before its answer (nothing is dropped)', () => {
    expect(onEnter('MSFT', null, null)).toEqual({ kind: 'wait', pattern: 'MSFT' });
    expect(onEnter('MSFT', { pattern: 'MSF', matches: [MSFT] }, null)).toEqual({
      kind: 'wait',
      pattern: 'MSFT',
    });
  });

  it('picks the exact ticker even when another match is listed first', () => {
    expect(onEnter('ms', { pattern: 'ms', matches: [MSFT, MSTR, MS] }, null)).toEqual({
      kind: 'pick',
      match: MS,
    });
    expect(onEnter(' msft ', { pattern: 'msft', matches: [MSFT] }, null)).toEqual({
      kind: 'pick',
      match: MSFT,
    });
  });

  it('keeps a choice made with the arrows', () => {
    expect(onEnter('MS', { pattern: 'MS', matches: [MSFT, MSTR, MS] }, 1)).toEqual({
      kind: 'pick',
      match: MSTR,
    });
  });

  it('with the list on screen and no exact ticker, takes the first (highlighted) match', () => {
    expect(onEnter('micro', { pattern: 'micro', matches: [MSFT, MSTR] }, null)).toEqual({
      kind: 'pick',
      match: MSFT,
    });
  });

  it('says an unknown ticker is unknown', () => {
    expect(onEnter('ZZZZ', { pattern: 'ZZZZ', matches: [] }, null)).toEqual({
      kind: 'unknown',
      message: 'No instrument matches "ZZZZ"',
    });
  });

  it('does nothing on an empty field', () => {
    expect(onEnter('  ', null, null)).toEqual({ kind: 'nothing' });
  });
});

describe('onAnswerAfterEnter', () => {
  it('picks the exact ticker as soon as the lookup answers', () => {
    expect(onAnswerAfterEnter('MSFT', [MSTR, MSFT])).toEqual({ kind: 'pick', match: MSFT });
    expect(onAnswerAfterEnter('NOPE', [])).toEqual({
      kind: 'unknown',
      message: 'No instrument matches "NOPE"',
    });
  });

  it('never guesses a different ticker than the one typed before the list was seen', () => {
    expect(onAnswerAfterEnter('msf', [MSFT, MSTR])).toEqual({
      kind: 'unknown',
      message: 'No ticker "MSF": pick one of the matches',
    });
  });

  it('exactTicker ignores case and spaces', () => {
    expect(exactTicker(' msft', [MSTR, MSFT])).toBe(MSFT);
    expect(exactTicker('MSF', [MSFT])).toBeUndefined();
  });
});
