// The setup checker behind `connection.test`: one probe connection (its own socket, never the session's) that
// tells what is wrong in plain words and how to fix it in TWS's own menu words.
import type { SetupCheck } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { createLink, type LinkStatus } from '../ib/link';

const API_SETTINGS =
  'In TWS: File → Global Configuration → API → Settings (IB Gateway: Configure → Settings → API → Settings)';

export async function checkSetup(p: {
  host: string;
  port: number;
  clientId: number;
  clock: Clock;
  log: Logger;
  timeoutMs?: number;
}): Promise<SetupCheck> {
  const timeoutMs = p.timeoutMs ?? 10_000;
  const link = createLink({
    clock: p.clock,
    log: p.log,
    timing: { handshakeMs: Math.min(8_000, timeoutMs) },
  });
  const outcome = await new Promise<{ status: LinkStatus; timedOut: boolean }>((resolve) => {
    const finish = (timedOut: boolean) => {
      off();
      p.clock.clearTimeout(timer);
      resolve({ status: link.status(), timedOut });
    };
    const off = link.onStatus((s) => {
      if (s.state === 'ready' || s.state === 'reconnecting' || s.state === 'disconnected') finish(false);
    });
    const timer = p.clock.setTimeout(() => finish(true), timeoutMs);
    link.connect({ host: p.host, port: p.port, clientId: p.clientId });
  });
  link.stop();
  const s = outcome.status;
  const where = `${p.host}:${p.port}`;
  const base = { serverVersion: s.serverVersion, accounts: s.accounts };
  if (s.state === 'ready')
    return {
      ...base,
      outcome: 'ok',
      message: `TWS answers on ${where}: API version ${s.serverVersion}, account(s) ${s.accounts.join(', ')}, client id ${p.clientId} is free.`,
      fix: '',
    };
  if (s.twsCode === 326)
    return {
      ...base,
      outcome: 'client-id-in-use',
      message: `TWS on ${where} answers, but client id ${p.clientId} is already used by another API client (this app's own session counts).`,
      fix: `Use client id ${s.suggestedClientId ?? p.clientId + 1}, or close the other API client.`,
    };
  if (s.twsCode === 502 && s.serverVersion === null)
    return {
      ...base,
      outcome: 'nothing-listening',
      message: `Nothing accepts connections on ${where}: TWS or IB Gateway is not running there, the API is off, or the port differs.`,
      fix: `${API_SETTINGS}: tick "Enable ActiveX and Socket Clients" and set "Socket port" to ${p.port} (TWS paper 7497, live 7496; IB Gateway paper 4002, live 4001).`,
    };
  if (s.serverVersion === null || outcome.timedOut || s.state === 'reconnecting')
    return {
      ...base,
      outcome: 'no-handshake',
      message: `Something accepts connections on ${where} but did not complete the TWS API handshake${s.reason ? ` (${s.reason})` : ''}.`,
      fix: `${API_SETTINGS}: check that this computer is allowed ("Allow connections from localhost only", "Trusted IPs"), and accept the "incoming connection" prompt if TWS shows one.`,
    };
  return {
    ...base,
    outcome: 'error',
    message: s.reason ?? `TWS on ${where} refused the connection`,
    fix: s.twsCode === 506 || s.twsCode === 503 ? 'Update TWS or IB Gateway to a current version.' : '',
  };
}
