import { describe, expect, it } from 'vitest';
import { blankPane, symbolOf, withLink, withSymbol } from './panes-slice';
import { item } from '../../tests/support/renderer/fixtures';

const AAPL = item(1, 'AAPL');
const MSFT = item(2, 'MSFT');

describe('link groups', () => {
  const base = {
    paneStates: {
      scanner: blankPane({ link: 'red' }),
      chart: blankPane({ link: 'red' }),
      'chart-2': blankPane({ link: 'blue' }),
      'order-entry': blankPane({ link: 'red' }),
      loose: blankPane({ link: 'none' }),
    },
    groupSymbols: {},
  };

  it('a row picked in a red pane sets the symbol of every red pane, and only those', () => {
    const s = withSymbol(base, 'scanner', AAPL);
    expect(symbolOf(s, 'chart')).toEqual(AAPL);
    expect(symbolOf(s, 'order-entry')).toEqual(AAPL);
    expect(symbolOf(s, 'chart-2')).toBeNull();
    expect(symbolOf(s, 'loose')).toBeNull();
    expect(s.groupSymbols.red).toEqual(AAPL);
  });

  it('an unlinked pane keeps its own symbol', () => {
    const s = withSymbol(base, 'loose', MSFT);
    expect(symbolOf(s, 'loose')).toEqual(MSFT);
    expect(symbolOf(s, 'chart')).toBeNull();
  });

  it('joining a group follows its symbol; an empty group takes the joiner’s', () => {
    let s = withSymbol(base, 'scanner', AAPL);
    s = withSymbol(s, 'loose', MSFT);
    const joined = withLink(s, 'loose', 'red');
    expect(symbolOf(joined, 'loose')).toEqual(AAPL);
    const fresh = withLink(s, 'loose', 'green');
    expect(fresh.groupSymbols.green).toEqual(MSFT);
  });

  it('leaving a group keeps the symbol it showed', () => {
    const s = withLink(withSymbol(base, 'scanner', AAPL), 'chart', 'none');
    expect(symbolOf(s, 'chart')).toEqual(AAPL);
    const later = withSymbol(s, 'scanner', MSFT);
    expect(symbolOf(later, 'chart')).toEqual(AAPL);
  });
});
