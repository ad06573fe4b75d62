import { afterEach, describe, expect, it, vi } from 'vitest';
import { item } from '../../tests/support/renderer/fixtures';
import { canAskForNotifications, fillText } from './fill-notifier';

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

describe('canAskForNotifications', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the Permissions API, never the synchronous Notification.permission, and only on the web host', async () => {
    const permission = vi.fn(() => 'default');
    vi.stubGlobal(
      'Notification',
      Object.defineProperty(function Notification() {}, 'permission', { get: permission }),
    );
    let state = 'prompt';
    vi.stubGlobal('navigator', { permissions: { query: vi.fn(async () => ({ state })) } });
    expect(await canAskForNotifications('web')).toBe(true);
    state = 'granted';
    expect(await canAskForNotifications('web')).toBe(false);
    expect(await canAskForNotifications('electron')).toBe(false);
    expect(await canAskForNotifications(undefined)).toBe(false);
    expect(permission).not.toHaveBeenCalled();
    // A browser without the Permissions API for notifications falls back to the property.
    vi.stubGlobal('navigator', {
      permissions: { query: vi.fn(async () => Promise.reject(new TypeError('no'))) },
    });
    expect(await canAskForNotifications('web')).toBe(true);
    expect(permission).toHaveBeenCalledTimes(1);
  });
});
