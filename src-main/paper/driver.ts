// The paper suite's hands on the product: the app composed as the Electron shell and the web host compose it
// (createApp on a data directory of its own), one in-process window attached to its hub, and every request sent
// through its dispatcher exactly as a window sends it. The trading core is used directly only where the contract
// has nothing to offer (a one-off snapshot quote, the stream registry, TWS's own list of open orders).
import type {
  EventEnvelope,
  EventMap,
  EventName,
  Params,
  RequestName,
  ResultOf,
} from '../../src-shared/contract';
import type { AppErrorData } from '../../src-shared/result';
import { createApp, type App } from '../app';
import { formatLogLine } from '../logging/log-file';
import { createDemoEndpoint, type RunningDemo } from '../demo-profile';
import { createSocketDropper } from './socket-drop';
import type { Trading } from '../trading';

/** Where the suite connects: the embedded demo gateway, or a TWS / IB Gateway (IBDESK_PAPER). */
export type PaperTarget = { kind: 'demo' } | { kind: 'tws'; host: string; port: number; clientId: number };

/** A request the product answered with an error: the contract's error data, kept whole for the report. */
class RequestFailed extends Error {
  constructor(
    readonly method: string,
    readonly error: AppErrorData,
  ) {
    super(
      `${method} failed: ${error.message}${error.twsCode !== undefined ? ` (TWS ${error.twsCode})` : ''}`,
    );
  }
}

type Seen<E extends EventName> = { at: number; payload: EventMap[E] };

export interface PaperDriver {
  readonly app: App;
  readonly trading: Trading;
  /** The window id the suite's requests and events use. */
  readonly clientId: string;
  call<K extends RequestName>(method: K, params?: Params<K>): Promise<ResultOf<K>>;
  /** Events of one kind the suite's window received (at or after `since`, epoch ms). */
  seen<E extends EventName>(event: E, since?: number): Seen<E>[];
  /**
   * Resolves with the first truthy value of `probe`, checked again whenever an event frame arrives or the
   * connection changes (and every 250 ms for what has no event, such as the stream registry); bounded.
   */
  until<T>(probe: () => T | null | undefined | false, what: string, timeoutMs?: number): Promise<T>;
  /** Closes the connection's socket from inside the process (the reconnect scenario). */
  dropSocket(): boolean;
  /** The app's log, one formatted line per entry. */
  logLines(): string[];
  stop(): Promise<void>;
}

const CLIENT_ID = 'paper-suite';

export async function startDriver(opts: {
  target: PaperTarget;
  dataDir: string;
  version: string;
  /** Starts the embedded demo gateway (default: the app's own, on 127.0.0.1 and a free port). */
  startDemo?: () => Promise<RunningDemo>;
  /** Every log line as it is written (--verbose). */
  onLog?: (line: string) => void;
}): Promise<PaperDriver> {
  const lines: string[] = [];
  const demo = createDemoEndpoint(opts.startDemo);
  const dropper = createSocketDropper();
  const app = await createApp({
    dataDir: opts.dataDir,
    host: 'web',
    version: opts.version,
    demoEndpoint: demo.endpoint,
    autoConnect: false,
    // Every answer is checked against the contract's result schema, as the contract tests do.
    validateResults: true,
    logSink: (entry, fields) => {
      const line = formatLogLine(entry, fields);
      lines.push(line);
      opts.onLog?.(line);
    },
    link: { createApi: dropper.createApi },
  });

  const events: { at: number; envelope: EventEnvelope }[] = [];
  const wakers = new Set<() => void>();
  const wake = (): void => {
    for (const w of [...wakers]) w();
  };
  const detach = app.hub.attach({
    id: CLIENT_ID,
    send(batch) {
      const at = Date.now();
      for (const envelope of batch) events.push({ at, envelope });
      wake();
    },
    backlog: () => 0,
    close() {},
  });
  const offStatus = app.trading.link.onStatus(wake);
  await app.start();

  async function call<K extends RequestName>(method: K, params?: Params<K>): Promise<ResultOf<K>> {
    const r = await app.dispatcher.dispatch(method, params ?? {}, { clientId: CLIENT_ID });
    if (!r.ok) throw new RequestFailed(method, r.error);
    return r.value as ResultOf<K>;
  }

  function seen<E extends EventName>(event: E, since = 0): Seen<E>[] {
    const out: Seen<E>[] = [];
    for (const e of events)
      if (e.envelope.event === event && e.at >= since)
        out.push({ at: e.at, payload: e.envelope.payload as EventMap[E] });
    return out;
  }

  function until<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let finished = false;
      const finish = (err: Error | null, value?: T): void => {
        if (finished) return;
        finished = true;
        wakers.delete(check);
        clearInterval(poll);
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(value as T);
      };
      const check = (): void => {
        if (finished) return;
        try {
          const v = probe();
          if (v !== undefined && v !== null && v !== false) finish(null, v);
        } catch (err) {
          finish(err instanceof Error ? err : new Error(String(err)));
        }
      };
      wakers.add(check);
      const poll = setInterval(check, 250);
      const timer = setTimeout(
        () => finish(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`)),
        timeoutMs,
      );
      check();
    });
  }

  return {
    app,
    trading: app.trading,
    clientId: CLIENT_ID,
    call,
    seen,
    until,
    dropSocket: () => dropper.drop(),
    logLines: () => [...lines],
    async stop() {
      offStatus();
      detach();
      await app.stop();
      await demo.stop();
    },
  };
}
