import { describe, expect, it } from 'vitest';
import { triageTwsMessage } from './tws-messages';

const at = { host: '10.0.0.5', port: 7497, clientId: 4 };

describe('what a TWS message does to the connection', () => {
  it('502/504/509/520: the socket is lost; before the handshake it says where to enable the API', () => {
    const early = triageTwsMessage(502, "Couldn't connect to TWS", at, true);
    expect(early).toMatchObject({ kind: 'lost', twsCode: 502 });
    expect(early.kind === 'lost' && early.reason).toMatch(
      /nothing is listening on port 7497.*Enable ActiveX/,
    );
    for (const code of [502, 504, 509, 520])
      expect(triageTwsMessage(code, 'Socket EOF', at, false)).toEqual({
        kind: 'lost',
        twsCode: code,
        reason: 'The connection to TWS broke: Socket EOF',
      });
  });

  it('326: retrying cannot help; the next client id is offered and the loss logged as an error', () => {
    expect(triageTwsMessage(326, 'client id in use', at, false)).toMatchObject({
      kind: 'fatal',
      twsCode: 326,
      suggestedClientId: 5,
      reason: expect.stringContaining('Connect with client id 5 instead'),
      log: { level: 'error', fields: { twsCode: 326 } },
    });
  });

  it('503/506 before the server version are a broken handshake (retried), after it the end', () => {
    expect(triageTwsMessage(506, 'unsupported version', at, true)).toMatchObject({
      kind: 'lost',
      log: { level: 'warn', fields: { twsCode: 506, action: 'reconnecting with back-off' } },
    });
    expect(triageTwsMessage(503, 'TWS is out of date', at, false)).toMatchObject({
      kind: 'fatal',
      twsCode: 503,
    });
  });

  it('1100/2110 and 1101/1102 are TWS losing and regaining IB; 1300 a changed socket port', () => {
    for (const code of [1100, 2110, 1101, 1102] as const)
      expect(triageTwsMessage(code, '', at, false)).toMatchObject({
        kind: 'farm',
        code,
        log: { level: 'warn' },
      });
    expect(triageTwsMessage(1300, 'port changed', at, false)).toMatchObject({ kind: 'lost', twsCode: 1300 });
  });

  it('anything else goes to whoever asked, or to the app', () => {
    for (const code of [200, 162, 2104, 10167, 135])
      expect(triageTwsMessage(code, 'x', at, false)).toEqual({ kind: 'deliver' });
  });
});
