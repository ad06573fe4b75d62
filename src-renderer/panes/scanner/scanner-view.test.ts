import { describe, expect, it } from 'vitest';
import { parseAlert } from '../../../src-shared/domain/alerts';
import type { ScannerParams } from '../../../src-shared/domain/scanner';
import { quote, row } from '../../../tests/support/renderer/fixtures';
import {
  entriesAlertInput,
  filtersFor,
  locationsFor,
  parseFilterValue,
  rankMove,
  scanCsv,
  scanResultTxt,
  scanTypesFor,
} from './scanner-view';

const params: ScannerParams = {
  instruments: [
    { code: 'STK', name: 'US Stocks', secType: 'STK' },
    { code: 'FUT.US', name: 'US Futures', secType: 'FUT' },
  ],
  locations: [
    { code: 'STK.US.MAJOR', name: 'US major', instruments: ['STK'] },
    { code: 'FUT.GLOBEX', name: 'Globex', instruments: ['FUT.US'] },
  ],
  scanTypes: [
    { code: 'TOP_PERC_GAIN', name: 'Top % Gainers', group: 'Top', instruments: ['STK'] },
    { code: 'TOP_PERC_LOSE', name: 'Top % Losers', group: 'Top', instruments: ['STK'] },
    { code: 'MOST_ACTIVE', name: 'Most Active', group: 'Volume', instruments: ['STK', 'FUT.US'] },
  ],
  filters: [
    { code: 'priceAbove', name: 'Price above', category: 'Price', kind: 'number', instruments: ['STK'] },
    { code: 'volumeAbove', name: 'Volume above', category: 'Volume', kind: 'number', instruments: [] },
  ],
};

describe('scan picker', () => {
  it('groups the scans of an instrument and searches names and codes', () => {
    expect(scanTypesFor(params, 'STK', '').map((g) => [g.group, g.types.map((t) => t.code)])).toEqual([
      ['Top', ['TOP_PERC_GAIN', 'TOP_PERC_LOSE']],
      ['Volume', ['MOST_ACTIVE']],
    ]);
    expect(scanTypesFor(params, 'STK', 'gain').flatMap((g) => g.types.map((t) => t.code))).toEqual([
      'TOP_PERC_GAIN',
    ]);
    expect(scanTypesFor(params, 'STK', 'most_act').flatMap((g) => g.types.map((t) => t.code))).toEqual([
      'MOST_ACTIVE',
    ]);
    expect(scanTypesFor(params, 'FUT.US', '').flatMap((g) => g.types.map((t) => t.code))).toEqual([
      'MOST_ACTIVE',
    ]);
  });

  it('offers the locations and filters of an instrument', () => {
    expect(locationsFor(params, 'FUT.US').map((l) => l.code)).toEqual(['FUT.GLOBEX']);
    expect(filtersFor(params, 'FUT.US').map((f) => f.code)).toEqual(['volumeAbove']);
    expect(filtersFor(params, 'STK').map((f) => f.code)).toEqual(['priceAbove', 'volumeAbove']);
  });

  it('parses filter values by kind', () => {
    expect(parseFilterValue('number', ' 5.5 ')).toBe(5.5);
    expect(parseFilterValue('number', 'abc')).toBeNull();
    expect(parseFilterValue('boolean', 'true')).toBe(true);
    expect(parseFilterValue('text', '')).toBeNull();
  });

  it('says which way a row moved', () => {
    expect(rankMove(undefined, 3)).toBe('');
    expect(rankMove(5, 3)).toBe('up');
    expect(rankMove(2, 3)).toBe('down');
    expect(rankMove(3, 3)).toBe('');
  });
});

describe('scan exports', () => {
  const rows = [row(1, 10, 'AAA'), row(2, 20, 'B,B')];
  const quotes = { 10: quote(10, { last: 12.5, close: 10, volume: 123456 }) };

  it('writes CSV with a header, ranks from 1, quoting where needed', () => {
    expect(scanCsv(rows, quotes)).toBe(
      'Rank,Symbol,SecType,Exchange,Currency,Last,Change %,Volume\n' +
        '2,AAA,STK,SMART,USD,12.5,25.00,123456\n' +
        '3,"B,B",STK,SMART,USD,,,\n',
    );
  });

  it('writes the CLI’s result.txt table', () => {
    expect(scanResultTxt(rows, quotes)).toBe(
      [
        'Rank  Symbol  Exchange  Currency   Last  Change %   Volume',
        '----  ------  --------  --------  -----  --------  -------',
        '   2  AAA     SMART     USD       12.50   +25.00%  123,456',
        '   3  B,B     SMART     USD           -         -        -',
        '',
      ].join('\n'),
    );
  });
});

describe('alert on entries', () => {
  it('is a scanner alert on any symbol entering the scan’s top rows, as main parses it', () => {
    const input = entriesAlertInput('TOP_PERC_GAIN', 80, 'Top % Gainers');
    expect(parseAlert({ ...input, id: 'x', createdAt: 0 })).toMatchObject({
      kind: 'scanner',
      scanCode: 'TOP_PERC_GAIN',
      top: 50,
      event: 'enter',
      note: 'Top % Gainers',
    });
    expect(parseAlert({ ...input, id: 'x', createdAt: 0 })).not.toHaveProperty('symbol');
    expect(entriesAlertInput('HOT_BY_VOLUME', 10, '').top).toBe(10);
  });
});
