// The app's trading core on a login with several accounts, against the demo gateway over TCP at both ends of the
// negotiated range: the ticket's account reaches TWS (the first managed account by default), the journal and the
// blotter record it, executions carry it, an account the login does not have is refused before anything is sent,
// and the portfolio lists every account's positions (priced) and values.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { createDispatcher, type Dispatcher } from '../../src-main/api/dispatcher';
import { tradingRequests } from '../../src-main/api/request-table';
import { startGateway, startTrading, type TradingHarness } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const A1 = 'DU1111111';
const A2 = 'DU2222222';
const PLACE_ORDER = 3;

describe.each([157, 193])('several accounts through the trading core at server version %i', (version) => {
  let gw: DemoGateway;
  let h: TradingHarness;
  let d: Dispatcher;
  let dir: string;

  beforeAll(async () => {
    gw = await startGateway({ maxServerVersion: version, accounts: [A1, A2], seed: 11 });
    dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-accounts-'));
    h = await startTrading({ dataDir: dir, journalName: 'accounts' });
    await h.connect(gw);
    await h.trading.orders.settled();
    d = createDispatcher({ log: silentLogger, validateResults: true });
    d.register(tradingRequests(h.trading));
  });
  afterAll(async () => {
    await h.stop();
    await gw.close();
    await rm(dir, { recursive: true, force: true });
  });

  const place = (ticket: Record<string, unknown>) =>
    d.dispatch(
      'orders.place',
      { contract: { symbol: 'MSFT' }, action: 'BUY', quantity: 3, orderType: 'MKT', ...ticket },
      { clientId: 'w1' },
    );

  it('places into the ticket’s account, else the first one, and refuses one the login does not have', async () => {
    expect(h.trading.link.status().serverVersion).toBe(version);
    expect(h.trading.link.status().accounts).toEqual([A1, A2]);

    const into2 = await place({ account: A2 });
    expect(into2.ok ? null : into2.error).toBeNull();
    const id2 = into2.ok ? (into2.value as { orderIds: number[] }).orderIds[0]! : 0;
    const byDefault = await place({ contract: { symbol: 'IBM' } });
    expect(byDefault.ok).toBe(true);
    const id1 = byDefault.ok ? (byDefault.value as { orderIds: number[] }).orderIds[0]! : 0;

    await waitFor(
      () => gw.orders().filter((o) => o.status === 'Filled').length >= 2 || undefined,
      'both orders filled at the gateway',
    );
    expect(gw.orders().find((o) => o.orderId === id2)?.account).toBe(A2);
    expect(gw.orders().find((o) => o.orderId === id1)?.account).toBe(A1);
    expect(gw.positions(A2).map((p) => p.symbol)).toEqual(['MSFT']);
    expect(gw.positions(A1).map((p) => p.symbol)).toEqual(['IBM']);

    // The blotter and the journal carry the account; so do the executions.
    await waitFor(
      () => h.trading.orders.list().filter((o) => o.status === 'Filled').length >= 2 || undefined,
      'both orders filled in the blotter',
    );
    const accountOf = (id: number) => h.trading.orders.list().find((o) => o.orderId === id)?.account;
    expect([accountOf(id2), accountOf(id1)]).toEqual([A2, A1]);
    const execs = await waitFor(() => {
      const list = h.trading.orders.executions();
      return list.length >= 2 ? list : undefined;
    }, 'executions');
    expect(execs.find((e) => e.orderId === id2)?.account).toBe(A2);
    expect(execs.find((e) => e.orderId === id1)?.account).toBe(A1);
    const journal = await readFile(path.join(dir, 'journal', 'accounts.jsonl'), 'utf8');
    expect(journal).toContain(`"account":"${A2}"`);

    const placedBefore = gw.received(h.clientId).filter((m) => m.msgId === PLACE_ORDER).length;
    const refused = await place({ account: 'DU9999999' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'VALIDATION' });
    expect(gw.received(h.clientId).filter((m) => m.msgId === PLACE_ORDER).length).toBe(placedBefore);
  });

  it('lists every account’s positions, priced, and every account’s values', async () => {
    const snap = await waitFor(
      () => {
        const s = h.trading.portfolio.snapshot();
        const msft = s.positions.find((p) => p.account === A2 && p.contract.symbol === 'MSFT');
        const ibm = s.positions.find((p) => p.account === A1 && p.contract.symbol === 'IBM');
        const both = [A1, A2].every((a) =>
          s.accounts.some((x) => x.account === a && x.netLiquidation !== null),
        );
        return msft?.marketPrice != null && ibm?.marketPrice != null && both ? s : undefined;
      },
      'both accounts in the portfolio',
      20_000,
    );
    const msft = snap.positions.find((p) => p.account === A2)!;
    expect(msft.position).toBe(3);
    expect(msft.marketValue).not.toBeNull();
    expect(msft.marketPrice! * 3).toBeCloseTo(msft.marketValue!, 1);
    expect(snap.accounts.map((a) => a.account).sort()).toEqual([A1, A2]);
  });
});
