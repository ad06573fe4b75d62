import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import { settle, storeWithSettings } from '../../tests/support/renderer/fake-client';
import { connectionStatus, order } from '../../tests/support/renderer/fixtures';
import { selectAccountView, selectTicketAccount } from './account-view';
import { ordersIn, upsertOrders } from './orders-slice';

const status = (accounts: string[], profileId = 'demo'): ConnectionStatus =>
  connectionStatus({ accounts, profileId, port: 4002, serverVersion: 193 });

describe('account view', () => {
  it('shows every account until one is picked, remembers the pick per profile, and forgets a stale one', async () => {
    const { s, client } = storeWithSettings();
    s.setState({ connection: status(['DU1111111', 'DU2222222']) });
    expect(selectAccountView(s.getState())).toBe('all');
    await s.getState().setAccountView('DU2222222');
    expect(client.callsOf('settings.set')).toEqual([{ accounts: { demo: { view: 'DU2222222' } } }]);
    expect(selectAccountView(s.getState())).toBe('DU2222222');
    // Another profile keeps its own choice; a login that no longer lists the account shows everything.
    s.setState({ connection: status(['DU1111111', 'DU2222222'], 'tws-paper') });
    expect(selectAccountView(s.getState())).toBe('all');
    s.setState({ connection: status(['DU1111111', 'DU3333333']) });
    expect(selectAccountView(s.getState())).toBe('all');
  });

  it("defaults the ticket's account to the first, then to the one last picked for the profile", async () => {
    const { s } = storeWithSettings();
    s.setState({ connection: status(['DU1111111', 'DU2222222']) });
    expect(selectTicketAccount(s.getState())).toBe('DU1111111');
    await s.getState().setTicketAccount('DU2222222');
    await settle();
    expect(selectTicketAccount(s.getState())).toBe('DU2222222');
    expect(s.getState().settings?.preferences.accounts?.demo).toEqual({ view: 'all', ticket: 'DU2222222' });
  });

  it('filters the blotter by account', () => {
    const m = upsertOrders({}, [
      order(1, { account: 'DU1111111', status: 'Submitted' }),
      order(2, { account: 'DU2222222', status: 'Submitted' }),
    ]);
    expect(ordersIn(m, 'working', 'DU2222222').map((o) => o.orderId)).toEqual([2]);
    expect(
      ordersIn(m, 'working')
        .map((o) => o.orderId)
        .sort(),
    ).toEqual([1, 2]);
  });
});
