// Raw-TCP clients that misbehave on purpose, for the web host's hostile-client tests: malformed requests, resets
// at each stage of a WebSocket handshake, half-open and never-reading sockets. Every socket they open is closed by
// them or by the host; nothing here waits without a bound.
import net from 'node:net';

export type Outcome = {
  /** The status code of the host's answer, or null if none came. */
  status: number | null;
  /** The host ended or reset the connection within the time allowed. */
  closedByHost: boolean;
};

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** A WebSocket upgrade request, byte for byte; `headers` override or add (a null value leaves a header out). */
export function upgradeRequest(
  port: number,
  target: string,
  headers: Record<string, string | null> = {},
): string {
  const all: Record<string, string | null> = {
    Host: `127.0.0.1:${port}`,
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': KEY,
    ...headers,
  };
  const lines = Object.entries(all)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

export function plainRequest(port: number, target: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ Host: `127.0.0.1:${port}`, ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function statusOf(text: string): number | null {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return m ? Number(m[1]) : null;
}

/** `fn`, run once: by the first call, or with `onTimeout` after `ms` if nothing called it sooner. */
function onceWithin<A extends unknown[]>(
  ms: number,
  onTimeout: A,
  fn: (...args: A) => void,
): (...args: A) => void {
  let done = false;
  const run = (...args: A): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn(...args);
  };
  const timer = setTimeout(() => run(...onTimeout), ms);
  return run;
}

/**
 * Sends `request` and reads until the host closes the connection, or `timeoutMs`. With `halfClose` the client
 * ends its side right after sending (a half-open socket the host must still answer and close).
 */
export function exchange(
  port: number,
  request: string | Buffer,
  opts: { halfClose?: boolean; timeoutMs?: number } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let text = '';
    const finish = onceWithin(opts.timeoutMs ?? 3000, [false], (closedByHost: boolean) => {
      s.destroy();
      resolve({ status: statusOf(text), closedByHost });
    });
    s.on('connect', () => {
      s.write(request);
      if (opts.halfClose) s.end();
    });
    s.on('data', (d: Buffer) => (text += d.toString('latin1')));
    s.on('end', () => finish(true));
    s.on('error', () => finish(true));
    s.on('close', () => finish(true));
  });
}

/**
 * Connects, sends `parts` one after another (each after the previous one is written), waits `waitMs`, then resets
 * the connection (RST, not FIN). With `untilStatus` it waits for the host's answer first (a reset after the 101).
 */
export function sendThenReset(
  port: number,
  parts: (string | Buffer)[],
  opts: { waitMs?: number; untilStatus?: boolean } = {},
): Promise<void> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let text = '';
    const reset = onceWithin(3000, [], () => {
      if (!s.destroyed) s.resetAndDestroy();
    });
    s.on('error', () => undefined);
    s.on('close', () => {
      reset();
      resolve();
    });
    s.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (opts.untilStatus && statusOf(text) !== null) reset();
    });
    s.on('connect', () => {
      for (const p of parts) s.write(p);
      if (opts.untilStatus) return;
      if (opts.waitMs) setTimeout(reset, opts.waitMs);
      else reset();
    });
  });
}

/** A socket left in a bad state (for the shutdown test); `close()` releases it on the client side. */
export type Lingering = { close(): void };

/**
 * Opens a connection and leaves it: `idle` sends nothing; `partial` sends half a request line; `halfOpen` sends a
 * refused upgrade and ends its side; `deaf` sends an upgrade (refused or not) and never reads anything again.
 */
export function linger(
  port: number,
  kind: 'idle' | 'partial' | 'halfOpen' | 'deaf',
  request = '',
): Promise<Lingering> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    s.once('connect', () => {
      if (kind === 'partial') s.write('GET /api HTTP/1.1\r\nHost: 127.0.');
      if (kind === 'halfOpen') s.end(request);
      if (kind === 'deaf') {
        s.pause();
        s.write(request);
      }
      resolve({ close: () => s.destroy() });
    });
    s.once('error', reject);
  });
}

/** Runs `count` tasks with at most `width` at once. */
export async function inParallel(
  count: number,
  width: number,
  task: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}
