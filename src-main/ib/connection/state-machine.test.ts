import { describe, expect, it } from 'vitest';
import { initialLinkState, reduceLink, type LinkEvent, type LinkState } from './state-machine';

const ep = { host: '127.0.0.1', port: 7497, clientId: 1 };

function run(events: LinkEvent[], start: LinkState = initialLinkState(0), now = 1000) {
  let s = start;
  const effects: string[] = [];
  for (const e of events) {
    const step = reduceLink(s, e, now, 0.5);
    s = step.state;
    effects.push(...step.effects.map((x) => x.type + ('reconnect' in x ? `:${x.reconnect}` : '')));
  }
  return { s, effects };
}

const handshake: LinkEvent[] = [
  { type: 'connect', endpoint: ep },
  { type: 'serverVersion', version: 176 },
  { type: 'nextValidId' },
  { type: 'accounts', accounts: ['DU1'] },
];

describe('reduceLink', () => {
  it('goes disconnected → connecting → handshaking → ready once nextValidId and accounts are in', () => {
    let s = initialLinkState(0);
    const states: string[] = [];
    for (const e of handshake) {
      s = reduceLink(s, e, 1, 0.5).state;
      states.push(s.state);
    }
    expect(states).toEqual(['connecting', 'handshaking', 'handshaking', 'ready']);
    expect(s.accounts).toEqual(['DU1']);
    expect(s.serverVersion).toBe(176);
    expect(s.attempt).toBe(0);
  });

  it('is ready whatever the order of nextValidId and managed accounts', () => {
    const { s } = run([handshake[0]!, handshake[1]!, handshake[3]!, handshake[2]!]);
    expect(s.state).toBe('ready');
  });

  it('announces the first ready as a connect and the next as a reconnect', () => {
    const { effects } = run([
      ...handshake,
      { type: 'lost', reason: 'TWS closed the connection' },
      { type: 'retryDue' },
      { type: 'serverVersion', version: 176 },
      { type: 'nextValidId' },
      { type: 'accounts', accounts: ['DU1'] },
    ]);
    expect(effects.filter((e) => e.startsWith('ready'))).toEqual(['ready:false', 'ready:true']);
  });

  it('schedules retries with growing back-off and counts attempts', () => {
    let s = run(handshake).s;
    const delays: number[] = [];
    let now = 10_000;
    for (let i = 0; i < 7; i++) {
      const lost = reduceLink(s, { type: 'lost', reason: 'refused', twsCode: 502 }, now, 0.5);
      s = lost.state;
      expect(s.state).toBe('reconnecting');
      expect(s.reason).toBe('refused');
      expect(s.twsCode).toBe(502);
      delays.push(s.nextRetryAt! - now);
      now = s.nextRetryAt!;
      s = reduceLink(s, { type: 'retryDue' }, now, 0.5).state;
      expect(s.state).toBe('connecting');
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(s.attempt).toBe(8);
  });

  it('retries right away on "reconnect now", and from disconnected too', () => {
    const lost = run([...handshake, { type: 'lost', reason: 'x' }]).s;
    const now = reduceLink(lost, { type: 'reconnectNow' }, 2000, 0.5);
    expect(now.state.state).toBe('connecting');
    expect(now.effects.map((e) => e.type)).toEqual(['cancelRetry', 'close', 'open']);
    const fatal = run([
      { type: 'connect', endpoint: ep },
      { type: 'fatal', reason: 'in use', twsCode: 326, suggestedClientId: 2 },
    ]).s;
    expect(reduceLink(fatal, { type: 'reconnectNow' }, 3000, 0.5).state.state).toBe('connecting');
  });

  it('stops retrying on 326 and offers the next client id', () => {
    const { s, effects } = run([
      { type: 'connect', endpoint: ep },
      { type: 'serverVersion', version: 176 },
      { type: 'fatal', reason: 'Client id 1 is in use', twsCode: 326, suggestedClientId: 2 },
      { type: 'retryDue' },
    ]);
    expect(s.state).toBe('disconnected');
    expect(s.suggestedClientId).toBe(2);
    expect(s.twsCode).toBe(326);
    expect(s.nextRetryAt).toBeNull();
    expect(effects).not.toContain('scheduleRetry');
  });

  it('1100 degrades, 1101 restores and resubscribes, 1102 restores and keeps', () => {
    const ready = run(handshake).s;
    const degraded = reduceLink(ready, { type: 'farm', code: 1100, message: 'lost' }, 5, 0.5).state;
    expect(degraded.state).toBe('degraded');
    const r1101 = reduceLink(degraded, { type: 'farm', code: 1101, message: 'back, data lost' }, 6, 0.5);
    expect(r1101.state.state).toBe('ready');
    expect(r1101.effects).toEqual([{ type: 'resubscribe' }]);
    const r1102 = reduceLink(degraded, { type: 'farm', code: 1102, message: 'back' }, 6, 0.5);
    expect(r1102.state.state).toBe('ready');
    expect(r1102.effects).toEqual([]);
    expect(reduceLink(ready, { type: 'farm', code: 2110, message: 'broken' }, 5, 0.5).state.state).toBe(
      'degraded',
    );
  });

  it('goes to reconnecting from degraded when the socket dies', () => {
    const degraded = run([...handshake, { type: 'farm', code: 1100, message: 'lost' }]).s;
    expect(reduceLink(degraded, { type: 'lost', reason: 'silence' }, 9, 0.5).state.state).toBe(
      'reconnecting',
    );
  });

  it('ignores losses and retries after a user disconnect', () => {
    const { s, effects } = run([
      ...handshake,
      { type: 'disconnect', reason: 'user' },
      { type: 'lost', reason: 'late' },
      { type: 'retryDue' },
    ]);
    expect(s.state).toBe('disconnected');
    expect(s.reason).toBe('user');
    expect(effects.filter((e) => e === 'open')).toHaveLength(1);
  });
});
