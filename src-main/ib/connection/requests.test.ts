import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/result';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import { createTestChannel } from '../../../tests/support/recording-api';
import { createRequests } from './requests';
import type { RequestSpec } from './types';

function setup() {
  const clock = createManualClock(0);
  const ch = createTestChannel(clock);
  const request = createRequests({ clock, log: silentLogger, channel: ch.channel, timeoutMs: () => 30_000 });
  return { clock, ch, request };
}

/** A request that answers with the first message's second argument. */
const details = (over: Partial<RequestSpec<string>> = {}): RequestSpec<string> => ({
  label: 'contract details',
  send: (api, id) => api.reqContractDetails(id, {}),
  onEvent: (name, args, done) => {
    if (name === 'contractDetails') done(String(args[1]));
  },
  ...over,
});

describe('one-shot requests', () => {
  it('go out with a fresh id through the channel, and the answer for that id settles them', async () => {
    const { ch, request } = setup();
    const answer = request(details());
    expect(ch.calls).toEqual([]); // waits for the pacer
    ch.flush();
    const [call] = ch.calls;
    expect(call!.method).toBe('reqContractDetails');
    const reqId = call!.args[0] as number;
    ch.route(reqId)!.onEvent('contractDetails', [reqId, 'AAPL']);
    await expect(answer).resolves.toBe('AAPL');
    expect(ch.liveIds()).toBe(0); // the id is released
  });

  it('fail at once when asked while down, and when the connection goes before the answer', async () => {
    const { ch, request } = setup();
    const first = request(details());
    ch.flush();
    ch.lose('socket closed');
    await expect(first).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: expect.stringContaining('was lost before contract details completed (socket closed)'),
    });
    await expect(request(details())).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: 'Not connected to TWS: contract details needs a connection',
    });
  });

  it('time out, sending the cancel when there is one', async () => {
    const { clock, ch, request } = setup();
    const r = request(details({ timeoutMs: 5_000, cancel: (api, id) => api.cancelHistoricalData(id) }));
    ch.flush();
    clock.advance(5_000);
    await expect(r).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('within 5 s'),
    });
    ch.flush();
    expect(ch.calls.map((c) => c.method)).toEqual(['reqContractDetails', 'cancelHistoricalData']);
  });

  it('fail with IB_REJECTED on a TWS error, and go on past a warning', async () => {
    const { ch, request } = setup();
    const r = request(details());
    ch.flush();
    const owner = ch.route(ch.calls[0]!.args[0] as number)!;
    owner.onError(2104, 'Market data farm connection is OK'); // a notice, not an answer
    owner.onError(321, 'Error validating request');
    await expect(r).rejects.toMatchObject({ code: 'IB_REJECTED', twsCode: 321 });
    const custom = request(
      details({ onError: (code) => new AppError('NOT_FOUND', 'none', { twsCode: code }) }),
    );
    ch.flush();
    ch.route(ch.calls[1]!.args[0] as number)!.onError(200, 'No security definition');
    await expect(custom).rejects.toMatchObject({ code: 'NOT_FOUND', twsCode: 200 });
  });

  it('a history page lost with its connection waits for the reconnect and goes again with a new id', async () => {
    const { clock, ch, request } = setup();
    const page = request(
      details({ history: { signature: 's', contractKey: 'k' }, retryOnReconnect: true, timeoutMs: 60_000 }),
    );
    ch.flush();
    const firstId = ch.calls[0]!.args[0] as number;
    ch.lose('TWS closed the connection');
    ch.reconnect();
    ch.flush();
    expect(ch.calls).toHaveLength(1); // TWS's rule: no identical history request within 15 s
    clock.advance(16_000);
    ch.flush();
    const secondId = ch.calls[1]!.args[0] as number;
    expect(secondId).not.toBe(firstId);
    ch.route(secondId)!.onEvent('contractDetails', [secondId, 'bars']);
    await expect(page).resolves.toBe('bars');
  });
});
