import { describe, expect, it } from 'vitest';
import { item } from '../../tests/support/renderer/fixtures';
import { fillText } from './fill-notifier';

describe('fill notifier', () => {
  it('words a fill for the notification', () => {
    expect(fillText({ side: 'BUY', shares: 10, price: 187.5, contract: item(1, 'AAPL') })).toBe(
      'Bought 10 AAPL at 187.5',
    );
    expect(fillText({ side: 'SELL', shares: 3, price: 9, contract: item(2, 'MSFT') })).toBe(
      'Sold 3 MSFT at 9',
    );
  });
});
