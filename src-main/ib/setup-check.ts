// The setup checker behind "Test connection": probes a host/port/client id step by step (TCP, the API handshake,
// a market-data snapshot, a what-if order) and tells what is wrong, with the fix in TWS's own menu words.
// `probeSetup` observes; `adviseSetup` (pure) turns what it saw into the answer.
//
// How TWS signals each problem (what this file relies on):
// - nothing listening: the TCP connect is refused (TWS/Gateway not running, another port, or socket clients off);
// - API not accepted: TWS accepts the socket, then closes it or never answers the handshake (IP not in "Trusted
//   IPs", an unanswered "accept incoming connection" prompt, localhost-only, or not TWS at all);
// - client id in use: error 326 with id −1, right after the server version, then TWS closes the socket;
// - read-only API: TWS validates every placeOrder, what-if ones included, against the setting and answers error
//   321 "Error validating request: … cause - The API interface is currently in Read-Only mode." — the probe is a
//   what-if order (margin preview; TWS places nothing) for 1 share at a limit far below the market, and if TWS
//   ever reported it as a live order (an orderStatus) it is cancelled on the spot;
// - no market data permissions: 354, 10089, 10090, 10167, 10168, 10186 on a snapshot request for a US stock;
//   10197 when a competing live session holds the data.
import net from 'node:net';
import { EventName, IBApi, OrderAction, OrderType, SecType } from './stoqey';
import type { Contract, Order } from '@stoqey/ib';
import type { SetupCheck } from '../../src-shared/contract';
import { isLoopbackHost } from '../../src-shared/loopback';

export type SetupEndpoint = { host: string; port: number; clientId: number };

export type SetupTiming = {
  /** TCP connect. */
  tcpMs: number;
  /** From the TCP connect to server version + nextValidId + managedAccounts. */
  handshakeMs: number;
  /** Snapshot: first price, the snapshot's end, or an error. */
  marketDataMs: number;
  /** What-if order: its answer or an error. */
  orderMs: number;
};

const SETUP_TIMING: SetupTiming = {
  tcpMs: 4000,
  handshakeMs: 10_000,
  marketDataMs: 12_000,
  orderMs: 8000,
};

/** What the probe saw. */
export type SetupObservation =
  | { step: 'tcp'; result: 'refused' | 'timeout' | 'not-found' | 'unreachable'; detail: string }
  | {
      step: 'handshake';
      result: 'closed' | 'silent' | 'stalled' | 'client-id-in-use' | 'error';
      serverVersion: number | null;
      twsCode: number | null;
      detail: string;
    }
  | {
      step: 'session';
      serverVersion: number;
      accounts: string[];
      readOnly: { result: 'yes' | 'no' | 'unknown'; twsCode: number | null; detail: string };
      marketData: { result: 'ok' | 'none' | 'competing' | 'unknown'; twsCode: number | null; detail: string };
    };

/** TWS codes that mean "no market data subscription" for the instrument asked (354, 10089 … 10186). */
const NO_MARKET_DATA_CODES: readonly number[] = [354, 10089, 10090, 10167, 10168, 10186];
const COMPETING_SESSION_CODE = 10197;
const READ_ONLY_CODE = 321;
const READ_ONLY_TEXT = /read-only/i;

const TWS_API_SETTINGS = 'File → Global Configuration → API → Settings';
const GATEWAY_API_SETTINGS = 'Configure → Settings → API → Settings';
const DEFAULT_PORTS = 'TWS uses 7497 (paper) and 7496 (live); IB Gateway 4002 (paper) and 4001 (live)';

/** The answer for what the probe saw: outcome, plain words, and the fix in TWS's menu words. */
export function adviseSetup(o: SetupObservation, e: SetupEndpoint): SetupCheck {
  const where = `${e.host}:${e.port}`;
  const base = { serverVersion: null, accounts: [] as string[] };
  if (o.step === 'tcp') {
    if (o.result === 'refused') {
      return {
        ...base,
        outcome: 'nothing-listening',
        message: `Nothing is listening on ${where}: TWS or IB Gateway is not running there, uses another port, or does not accept API connections.`,
        fix: `Start TWS or IB Gateway and log in. Then in TWS: ${TWS_API_SETTINGS} → tick "Enable ActiveX and Socket Clients" and check that "Socket port" is ${e.port} (IB Gateway: ${GATEWAY_API_SETTINGS}). ${DEFAULT_PORTS}.`,
      };
    }
    const what =
      o.result === 'not-found'
        ? `The host name "${e.host}" could not be resolved`
        : o.result === 'timeout'
          ? `${where} did not answer within the time allowed (a firewall dropping the connection, or the machine is off)`
          : `${e.host} cannot be reached from this computer`;
    return {
      ...base,
      outcome: 'error',
      message: `${what} (${o.detail}).`,
      fix: `Check the host in this profile (use 127.0.0.1 when TWS runs on this computer). For TWS on another machine, allow port ${e.port} through its firewall and, in TWS: ${TWS_API_SETTINGS} → untick "Allow connections from localhost only" and add this computer's IP address under "Trusted IPs".`,
    };
  }

  if (o.step === 'handshake') {
    const sv = { ...base, serverVersion: o.serverVersion };
    const trust = isLoopbackHost(e.host)
      ? `add 127.0.0.1 under "Trusted IPs"`
      : `untick "Allow connections from localhost only" and add this computer's IP address under "Trusted IPs"`;
    switch (o.result) {
      case 'client-id-in-use':
        return {
          ...sv,
          outcome: 'client-id-in-use',
          message: `Client id ${e.clientId} is already in use at ${where} (TWS error 326): another program, or another IBDesk, is connected with it.`,
          fix: `Give this profile another client id — for example ${e.clientId + 1} — or close the program that uses ${e.clientId}. Every program connected to TWS needs its own client id.`,
        };
      case 'closed':
        return {
          ...sv,
          outcome: 'no-handshake',
          message: `${where} accepted the connection and closed it before the API session started: TWS refused this client.`,
          fix: `In TWS: ${TWS_API_SETTINGS} → tick "Enable ActiveX and Socket Clients" and ${trust}; then Apply. If TWS asks "Accept incoming connection attempt?", press OK. TWS also refuses new clients when 32 are already connected.`,
        };
      case 'silent':
        return {
          ...sv,
          outcome: 'no-handshake',
          message: `${where} accepts connections but never answered the API handshake (${o.detail}): TWS may be waiting for you to accept the connection, the API may be off, or the port belongs to another program.`,
          fix: `Look for an "Accept incoming connection attempt?" prompt in TWS and press OK. To stop the question: ${TWS_API_SETTINGS} → tick "Enable ActiveX and Socket Clients" and ${trust}. Check that "Socket port" there is ${e.port} (${DEFAULT_PORTS}).`,
        };
      case 'stalled':
        return {
          ...sv,
          outcome: 'no-handshake',
          message: `TWS answered at ${where} (server version ${o.serverVersion ?? '?'}) but did not finish starting the API session (${o.detail}).`,
          fix: `Finish logging in to TWS or IB Gateway and close any dialog it shows (a pending "Accept incoming connection attempt?" or a login message), then test again.`,
        };
      case 'error':
        return {
          ...sv,
          outcome: 'error',
          message: `The API session at ${where} failed: ${o.detail}${o.twsCode !== null ? ` (TWS error ${o.twsCode})` : ''}.`,
          fix: `Check that ${where} is TWS or IB Gateway (version 10.19 or newer) and test again; the log has the details.`,
        };
    }
  }

  const session = { serverVersion: o.serverVersion, accounts: o.accounts };
  const connected = `Connected to ${where} (server version ${o.serverVersion}, account ${o.accounts.join(', ') || '?'}).`;
  const md = o.marketData;
  const mdNote =
    md.result === 'none'
      ? ` Market data: no subscription for US stocks through the API (TWS error ${md.twsCode}).`
      : md.result === 'competing'
        ? ` Market data: held by a competing live session (TWS error ${md.twsCode}).`
        : '';
  const mdFix =
    md.result === 'none'
      ? ` For market data: in TWS, Account → Subscribe to Market Data/Research (Client Portal: Settings → Market Data Subscriptions); a paper account gets the live account's data once "Share real-time market data" is on (Client Portal: Settings → Paper Trading Account). Until then IBDesk shows delayed data where TWS offers it.`
      : md.result === 'competing'
        ? ` For market data: log out of the other session that uses the same username (TWS, IBKR Mobile or Client Portal on another device), then test again.`
        : '';
  if (o.readOnly.result === 'yes') {
    return {
      ...session,
      outcome: 'read-only',
      message: `${connected} Its API is read-only (TWS error ${READ_ONLY_CODE}: ${o.readOnly.detail}): IBDesk can show data but TWS refuses every order.${mdNote}`,
      fix: `To place orders: in TWS, ${TWS_API_SETTINGS} → untick "Read-Only API", then Apply (IB Gateway: ${GATEWAY_API_SETTINGS}). Leave it ticked if you only want to watch.${mdFix}`,
    };
  }
  if (md.result === 'none' || md.result === 'competing') {
    return {
      ...session,
      outcome: 'no-market-data',
      message: `${connected}${mdNote} ${md.detail}`.trim(),
      fix: mdFix.trim(),
    };
  }
  const caveats = [
    o.readOnly.result === 'unknown'
      ? `whether orders are accepted could not be confirmed (${o.readOnly.detail})`
      : '',
    md.result === 'unknown' ? `market data could not be confirmed (${md.detail})` : '',
  ].filter(Boolean);
  return {
    ...session,
    outcome: 'ok',
    message: `${connected} Orders and market data are allowed.${caveats.length ? ` Note: ${caveats.join('; ')}.` : ''}`,
    fix: '',
  };
}

// ---- the probe ---------------------------------------------------------------------------------------------------

type TcpResult =
  { ok: true } | { ok: false; result: 'refused' | 'timeout' | 'not-found' | 'unreachable'; detail: string };

/** A plain TCP connect, closed at once, to tell "nothing listening" from "listening but not answering". */
function tcpProbe(host: string, port: number, timeoutMs: number): Promise<TcpResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (r: TcpResult): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(
      () => done({ ok: false, result: 'timeout', detail: `no answer in ${timeoutMs / 1000} s` }),
      timeoutMs,
    );
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      const result =
        code === 'ECONNREFUSED'
          ? 'refused'
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? 'not-found'
            : code === 'ETIMEDOUT'
              ? 'timeout'
              : 'unreachable';
      done({ ok: false, result, detail: code || err.message });
    });
  });
}

/** US stock used for the snapshot and the what-if order: listed on NASDAQ, quoted by every US data bundle. */
const PROBE_CONTRACT: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const PROBE_MD_REQ_ID = 1;

/** The what-if probe; it names the first account, which a login with several accounts requires (TWS 321). */
function probeOrder(account: string | undefined): Order {
  return {
    ...(account ? { account } : {}),
    action: OrderAction.BUY,
    orderType: OrderType.LMT,
    totalQuantity: 1,
    lmtPrice: 1, // far below any AAPL price: could never fill, even if TWS ignored whatIf
    tif: 'DAY',
    whatIf: true,
    transmit: true,
  };
}

export type ProbeLog = {
  info(m: string, f?: Record<string, unknown>): void;
  warn(m: string, f?: Record<string, unknown>): void;
};

/** Probes an endpoint and answers what is wrong. Never throws; leaves no socket open. */
export async function probeSetup(
  endpoint: SetupEndpoint,
  opts: { timing?: Partial<SetupTiming>; log?: ProbeLog } = {},
): Promise<SetupCheck> {
  return adviseSetup(await observeSetup(endpoint, opts), endpoint);
}

async function observeSetup(
  endpoint: SetupEndpoint,
  opts: { timing?: Partial<SetupTiming>; log?: ProbeLog } = {},
): Promise<SetupObservation> {
  const timing = { ...SETUP_TIMING, ...opts.timing };
  const tcp = await tcpProbe(endpoint.host, endpoint.port, timing.tcpMs);
  if (!tcp.ok) return { step: 'tcp', result: tcp.result, detail: tcp.detail };

  const api = new IBApi({ host: endpoint.host, port: endpoint.port, maxReqPerSec: 40 });
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const after = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  // Everything TWS says, routed by request id (−1 for connection-level messages).
  type Said = { code: number; message: string; reqId: number };
  const heard = new Set<(s: Said) => void>();
  const hear = (s: Said): void => {
    for (const l of [...heard]) l(s);
  };
  api.on(EventName.error, (err: Error, code: number, reqId: number) =>
    hear({ code, message: err?.message ?? String(err), reqId: reqId ?? -1 }),
  );
  api.on(EventName.info, (message: string, code: number) => hear({ code, message, reqId: -1 }));

  try {
    // 1. The handshake: server version, then nextValidId and managedAccounts.
    const hs = await new Promise<
      | { ok: true; serverVersion: number; accounts: string[]; nextId: number }
      | { ok: false; obs: SetupObservation }
    >((resolve) => {
      let serverVersion: number | null = null;
      let accounts: string[] | null = null;
      let nextId: number | null = null;
      let settled = false;
      const fail = (
        result: 'closed' | 'silent' | 'stalled' | 'client-id-in-use' | 'error',
        twsCode: number | null,
        detail: string,
      ): void => {
        if (settled) return;
        settled = true;
        resolve({ ok: false, obs: { step: 'handshake', result, serverVersion, twsCode, detail } });
      };
      const maybeReady = (): void => {
        if (settled || serverVersion === null || accounts === null || nextId === null) return;
        settled = true;
        resolve({ ok: true, serverVersion, accounts, nextId });
      };
      api.on(EventName.server, (v: number) => {
        serverVersion = v;
      });
      api.on(EventName.nextValidId, (id: number) => {
        nextId = id;
        maybeReady();
      });
      api.on(EventName.managedAccounts, (csv: string) => {
        accounts = csv
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean);
        maybeReady();
      });
      api.on(EventName.disconnected, () =>
        // TWS sends 326 and then closes: let a 326 still being decoded win over the close.
        after(150, () => fail('closed', null, 'the connection was closed')),
      );
      heard.add((s) => {
        if (s.code === 326) fail('client-id-in-use', 326, s.message);
        else if (s.code === 502 || s.code === 507)
          fail(serverVersion === null ? 'closed' : 'error', s.code, s.message);
      });
      after(timing.handshakeMs, () =>
        fail(
          serverVersion === null ? 'silent' : 'stalled',
          null,
          `${serverVersion === null ? 'no answer' : 'no account list or order id'} in ${timing.handshakeMs / 1000} s`,
        ),
      );
      try {
        api.connect(endpoint.clientId);
      } catch (err) {
        fail('error', null, (err as Error).message);
      }
    });
    if (!hs.ok) return hs.obs;

    // 2. Market data and write access, side by side; a socket closed meanwhile ends both.
    const lost = new Set<() => void>();
    api.on(EventName.disconnected, () => {
      for (const l of [...lost]) l();
    });
    const marketData = new Promise<Extract<SetupObservation, { step: 'session' }>['marketData']>(
      (resolve) => {
        let settled = false;
        const done = (r: Extract<SetupObservation, { step: 'session' }>['marketData']): void => {
          if (settled) return;
          settled = true;
          heard.delete(onSaid);
          try {
            api.cancelMktData(PROBE_MD_REQ_ID);
          } catch {
            // the socket may be gone already
          }
          resolve(r);
        };
        const onSaid = (s: Said): void => {
          if (s.reqId !== PROBE_MD_REQ_ID) return;
          if (NO_MARKET_DATA_CODES.includes(s.code))
            done({ result: 'none', twsCode: s.code, detail: s.message });
          else if (s.code === COMPETING_SESSION_CODE)
            done({ result: 'competing', twsCode: s.code, detail: s.message });
          else done({ result: 'unknown', twsCode: s.code, detail: `TWS error ${s.code}: ${s.message}` });
        };
        heard.add(onSaid);
        lost.add(() => done({ result: 'unknown', twsCode: null, detail: 'TWS closed the connection' }));
        api.on(EventName.tickPrice, (reqId: number, _field: number, price: number) => {
          if (reqId === PROBE_MD_REQ_ID && price > 0)
            done({ result: 'ok', twsCode: null, detail: 'a price arrived' });
        });
        api.on(EventName.tickSnapshotEnd, (reqId: number) => {
          if (reqId === PROBE_MD_REQ_ID)
            done({ result: 'ok', twsCode: null, detail: 'the snapshot completed' });
        });
        after(timing.marketDataMs, () =>
          done({
            result: 'unknown',
            twsCode: null,
            detail: `no answer to a snapshot in ${timing.marketDataMs / 1000} s`,
          }),
        );
        api.reqMktData(PROBE_MD_REQ_ID, PROBE_CONTRACT, '', true, false);
      },
    );

    const orderId = hs.nextId;
    let cancelled = false;
    const readOnly = new Promise<Extract<SetupObservation, { step: 'session' }>['readOnly']>((resolve) => {
      let settled = false;
      const done = (r: Extract<SetupObservation, { step: 'session' }>['readOnly']): void => {
        if (settled) return;
        settled = true;
        heard.delete(onSaid);
        resolve(r);
      };
      const onSaid = (s: Said): void => {
        if (s.reqId !== orderId) return;
        if (s.code === READ_ONLY_CODE && READ_ONLY_TEXT.test(s.message))
          done({ result: 'yes', twsCode: s.code, detail: s.message });
        else
          done({
            result: 'no',
            twsCode: s.code,
            detail: `TWS looked at the what-if order (${s.code}: ${s.message})`,
          });
      };
      heard.add(onSaid);
      lost.add(() => done({ result: 'unknown', twsCode: null, detail: 'TWS closed the connection' }));
      api.on(EventName.openOrder, (id: number) => {
        if (id === orderId) done({ result: 'no', twsCode: null, detail: 'TWS answered the what-if order' });
      });
      api.on(EventName.orderStatus, (id: number, status: string) => {
        if (id !== orderId) return;
        // A what-if order never gets a status. If this one did, TWS took it as an order: cancel it now.
        opts.log?.warn(`The setup checker's what-if order ${id} got status ${status}: cancelling it`);
        cancelled = true;
        try {
          api.cancelOrder(id);
        } catch {
          // socket gone: TWS cancels a DAY limit at 1.00 at the close anyway
        }
        done({ result: 'no', twsCode: null, detail: `TWS accepted an order (status ${status}; cancelled)` });
      });
      after(timing.orderMs, () =>
        done({
          result: 'unknown',
          twsCode: null,
          detail: `no answer to a what-if order in ${timing.orderMs / 1000} s`,
        }),
      );
      api.placeOrder(orderId, PROBE_CONTRACT, probeOrder(hs.accounts[0]));
    });

    const [md, ro] = await Promise.all([marketData, readOnly]);
    // @stoqey/ib sends through a rate limiter and drops what is queued on disconnect: let a cancel go out first.
    if (cancelled) await new Promise((r) => setTimeout(r, 500));
    return {
      step: 'session',
      serverVersion: hs.serverVersion,
      accounts: hs.accounts,
      readOnly: ro,
      marketData: md,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    api.removeAllListeners();
    // A late socket error after we are done must not become an unhandled 'error' event.
    api.on(EventName.error, () => undefined);
    try {
      api.disconnect();
    } catch {
      // already closed
    }
  }
}
