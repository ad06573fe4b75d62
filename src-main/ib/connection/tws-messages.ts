// What the connection does with a TWS error or info message (error codes of IB's message-codes page), decided
// here as a pure function: the socket is lost (502/504/509/520, 1300), retrying cannot help (326 client id in
// use, 503/506 after the handshake), TWS lost IB (1100/2110) or got it back (1101/1102), or the message belongs to
// whoever holds its request id, else to the app's listeners.
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import type { LogFields } from '../../../src-shared/logger';
import type { Endpoint } from './state-machine';

export type Triage =
  | { kind: 'lost'; reason: string; twsCode?: number; log?: Log }
  | { kind: 'fatal'; reason: string; twsCode: number; suggestedClientId?: number; log?: Log }
  | { kind: 'farm'; code: 1100 | 1101 | 1102 | 2110; message: string; log: Log }
  /** For the owner of `reqId` when there is one, else for the app's listeners. */
  | { kind: 'deliver' };

type Log = { level: 'warn' | 'error'; message: string; fields: LogFields };

export function triageTwsMessage(
  code: number,
  message: string,
  endpoint: Endpoint,
  /** The handshake has not produced a server version yet. */
  connecting: boolean,
): Triage {
  if (code === 502 || code === 504 || code === 509 || code === 520) {
    return connecting
      ? {
          kind: 'lost',
          twsCode: code,
          reason: `Could not connect to TWS at ${endpoint.host}:${endpoint.port}: nothing is listening on port ${endpoint.port}, or the API is not enabled in TWS (Configure → API → Settings → "Enable ActiveX and Socket Clients", and check the socket port).`,
        }
      : { kind: 'lost', twsCode: code, reason: `The connection to TWS broke: ${message}` };
  }
  if (code === 326) {
    const next = endpoint.clientId + 1;
    return {
      kind: 'fatal',
      twsCode: 326,
      suggestedClientId: next,
      reason: `Client id ${endpoint.clientId} is already in use by another API client of this TWS. Connect with client id ${next} instead, or close the other client.`,
      log: {
        level: 'error',
        message: `Client id ${endpoint.clientId} is in use`,
        fields: { twsCode: 326, action: `stopped retrying; suggested client id ${next}` },
      },
    };
  }
  if ((code === 506 || code === 503) && connecting) {
    // Before the server version, these are @stoqey/ib's verdict on the first frame, which it always takes for the
    // version: a peer that sends anything else first (nextValidId "9|1|…" reads as version 9) fails the check.
    // TWS itself answers a v100+ handshake only with a version inside the range we offered, so this is a broken
    // handshake, not a TWS too old or too new for us: retry with back-off like any other failed handshake.
    return {
      kind: 'lost',
      reason: `${endpoint.host}:${endpoint.port} did not start the API handshake with its server version (${message}); retrying`,
      log: {
        level: 'warn',
        message: `The API handshake with ${endpoint.host}:${endpoint.port} failed: the first message was not the server version`,
        fields: { twsCode: code, action: 'reconnecting with back-off' },
      },
    };
  }
  if (code === 506 || code === 503) {
    return { kind: 'fatal', twsCode: code, reason: plainTwsMessage(code, message) };
  }
  if (code === 1100 || code === 2110 || code === 1101 || code === 1102) {
    const info = describeTwsCode(code);
    return {
      kind: 'farm',
      code,
      message: plainTwsMessage(code),
      log: { level: 'warn', message: info.text, fields: { twsCode: code, action: info.action } },
    };
  }
  if (code === 1300) return { kind: 'lost', twsCode: code, reason: plainTwsMessage(code, message) };
  return { kind: 'deliver' };
}
