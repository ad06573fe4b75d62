import { describe, expect, it } from 'vitest';
import { requestNames } from '../../src-shared/contract';
import { silentLogger } from '../../src-shared/logger';
import { AppError } from '../../src-shared/result';
import { createDispatcher } from './dispatcher';
import { createRequestTable, tradingRequests, type RequestTableDeps } from './request-table';

type Call = { target: string; method: string; args: unknown[] };

/** A stand-in whose every method records its call and answers `answer(method)`. */
function recorder(target: string, calls: Call[], answer: (method: string) => unknown = () => null) {
  return new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) => {
          calls.push({ target, method, args });
          return answer(method);
        },
    },
  );
}

function deps(calls: Call[], patch: Partial<RequestTableDeps> = {}): RequestTableDeps {
  const trading = {
    contracts: recorder('contracts', calls, () => []),
    marketData: recorder('marketData', calls, () => []),
    history: recorder('history', calls),
    scanner: recorder('scanner', calls, () => ({ scanId: 'scan-1' })),
    orders: recorder('orders', calls, (m) => (m === 'place' ? { orderIds: [7], warnings: [] } : [])),
    portfolio: recorder('portfolio', calls),
    gauges: () => ({ lines: { used: 0, budget: 100 } }),
    focusQuotes: (...args: unknown[]) => void calls.push({ target: 'trading', method: 'focusQuotes', args }),
  };
  return {
    trading: trading as unknown as RequestTableDeps['trading'],
    session: recorder('session', calls) as RequestTableDeps['session'],
    settings: recorder('settings', calls, (m) =>
      m === 'get' ? { activeProfileId: 'demo', profiles: [] } : null,
    ) as RequestTableDeps['settings'],
    workspace: recorder('workspace', calls, () => Promise.resolve(null)) as RequestTableDeps['workspace'],
    logBook: recorder('logBook', calls, () => []) as RequestTableDeps['logBook'],
    support: recorder('support', calls) as RequestTableDeps['support'],
    alerts: recorder('alerts', calls, () => []) as RequestTableDeps['alerts'],
    replay: recorder('replay', calls) as RequestTableDeps['replay'],
    recorder: recorder('recorder', calls, () => ({ state: 'off' })) as RequestTableDeps['recorder'],
    recordings: recorder('recordings', calls, (m) =>
      m === 'check'
        ? Promise.resolve({ file: '/rec/a.ibdrec' })
        : Promise.resolve({ dir: '/rec', recordings: [] }),
    ) as RequestTableDeps['recordings'],
    ...patch,
  };
}

const ctx = { clientId: 'window-3' };

describe('request table', () => {
  it('has an entry for every request of the contract, and the trading part is a subset of it', () => {
    const table = createRequestTable(deps([]));
    expect(Object.keys(table).sort()).toEqual([...requestNames].sort());
    const trading = Object.keys(tradingRequests(deps([]).trading));
    expect(trading).toContain('orders.place');
    expect(trading).not.toContain('profiles.select');
    for (const name of trading) expect(requestNames).toContain(name);
  });

  it('passes the parsed params and the asking window to the service method', async () => {
    const calls: Call[] = [];
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps(calls)));
    const contract = { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD', conId: 265598 };
    expect(await d.dispatch('quotes.subscribe', { contracts: [contract] }, ctx)).toEqual({
      ok: true,
      value: { quotes: [] },
    });
    expect(await d.dispatch('quotes.unsubscribe', { conIds: [265598] }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    expect(await d.dispatch('history.unsubscribe', { subId: 'bars-2' }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    await d.dispatch('scanner.start', { scanCode: 'MOST_ACTIVE' }, ctx);
    expect(await d.dispatch('quotes.focus', { conIds: [265598, 8314] }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    expect(calls.map((c) => `${c.target}.${c.method}`)).toEqual([
      'marketData.subscribe',
      'marketData.unsubscribe',
      'history.unsubscribe',
      'scanner.startChecked',
      'trading.focusQuotes',
    ]);
    expect(calls[4]!.args).toEqual(['window-3', [265598, 8314]]);
    expect(calls[0]!.args).toEqual([{ key: 'window-3', clientId: 'window-3' }, [contract]]);
    expect(calls[1]!.args).toEqual([{ key: 'window-3', clientId: 'window-3' }, [265598]]);
    expect(calls[3]!.args[0]).toBe('window-3');
    expect(calls[3]!.args[1]).toMatchObject({ scanCode: 'MOST_ACTIVE', rows: expect.any(Number) });
  });

  it('answers null for requests that only act, and the service value for the others', async () => {
    const calls: Call[] = [];
    const d = createDispatcher({ log: silentLogger, validateResults: true });
    d.register(createRequestTable(deps(calls)));
    const ticket = {
      contract: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 10,
    };
    expect(await d.dispatch('orders.place', ticket, ctx)).toEqual({
      ok: true,
      value: { orderIds: [7], warnings: [] },
    });
    expect(await d.dispatch('orders.cancel', { orderId: 7 }, ctx)).toEqual({ ok: true, value: null });
    expect(await d.dispatch('layout.reset', {}, ctx)).toEqual({ ok: true, value: null });
    expect(calls.find((c) => c.method === 'place')!.args[0]).toMatchObject({ tif: 'DAY', outsideRth: false });
    expect(calls.find((c) => c.method === 'resetLayout')!.args).toEqual(['demo']);
  });

  it('hands the alert requests to the alerts service with their parsed params', async () => {
    const calls: Call[] = [];
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps(calls)));
    const alert = { kind: 'price-cross', symbol: { symbol: 'AAPL', conId: 265598 }, level: 150 };
    await d.dispatch('alerts.create', { alert }, ctx);
    await d.dispatch('alerts.update', { id: 'a1', alert }, ctx);
    await d.dispatch('alerts.pause', { id: 'a1', paused: true }, ctx);
    expect(await d.dispatch('alerts.delete', { id: 'a1' }, ctx)).toEqual({ ok: true, value: null });
    await d.dispatch('alerts.history', {}, ctx);
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['create', alert],
      ['update', 'a1', alert],
      ['pause', 'a1', true],
      ['remove', 'a1'],
      ['history', 100],
    ]);
  });

  it('answers recording.status from the recorder', async () => {
    const calls: Call[] = [];
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps(calls)));
    expect(await d.dispatch('recording.status', {}, ctx)).toEqual({ ok: true, value: { state: 'off' } });
    expect(calls.map((c) => c.method)).toEqual(['status']);
  });

  it('lists the recordings, and opens one only after it passed the check, by the path the check resolved', async () => {
    const calls: Call[] = [];
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps(calls)));
    expect(await d.dispatch('recording.list', {}, ctx)).toEqual({
      ok: true,
      value: { dir: '/rec', recordings: [] },
    });
    await d.dispatch('replay.open', { file: 'a.ibdrec' }, ctx);
    expect(calls.map((c) => [`${c.target}.${c.method}`, ...c.args])).toEqual([
      ['recordings.list'],
      ['recordings.check', 'a.ibdrec'],
      ['settings.useRecording', '/rec/a.ibdrec'],
      ['session.selectProfile', 'replay'],
    ]);
  });

  it('changes nothing when the recording is refused, and answers with the check’s typed error', async () => {
    const calls: Call[] = [];
    const refusing = recorder('recordings', calls, () =>
      Promise.reject(new AppError('VALIDATION', 'Cannot replay x.ibdrec: it is not an IBDesk recording')),
    );
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps(calls, { recordings: refusing as RequestTableDeps['recordings'] })));
    expect(await d.dispatch('replay.open', { file: '/tmp/x.ibdrec' }, ctx)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Cannot replay x.ibdrec: it is not an IBDesk recording' },
    });
    expect(calls.map((c) => `${c.target}.${c.method}`)).toEqual(['recordings.check']);
  });

  it('turns what the workspace store refuses into VALIDATION', async () => {
    const refusing = recorder('workspace', [], () => Promise.reject(new Error('too many watchlists')));
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps([], { workspace: refusing as RequestTableDeps['workspace'] })));
    expect(await d.dispatch('watchlists.save', { lists: [] }, ctx)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'too many watchlists' },
    });
  });

  it('answers UNAVAILABLE for windows.open without a window opener, and opens one with it', async () => {
    const d = createDispatcher({ log: silentLogger });
    d.register(createRequestTable(deps([])));
    const r = await d.dispatch('windows.open', { pane: 'chart' }, ctx);
    expect(!r.ok && r.error.code).toBe('UNAVAILABLE');
    const opened: string[] = [];
    const e = createDispatcher({ log: silentLogger });
    e.register(createRequestTable(deps([], { openWindow: (pane) => void opened.push(pane) })));
    expect(await e.dispatch('windows.open', { pane: 'chart' }, ctx)).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['chart']);
  });
});
