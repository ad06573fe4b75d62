// A byte-level TWS API client for protocol tests: sends exactly the frames a test writes and collects every frame
// the gateway sends back.
import { connect as tcpConnect } from 'node:net';
import type { Socket } from 'node:net';
import { frame, takeFrames } from '../../support/tws-frames';

export class RawClient {
  readonly frames: string[][] = [];
  closed = false;
  private buf: Buffer = Buffer.alloc(0);
  private listeners = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      const { frames, rest } = takeFrames(Buffer.concat([this.buf, d]));
      this.buf = rest;
      for (const f of frames) this.frames.push(f);
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = tcpConnect({ host: '127.0.0.1', port }, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  /**
   * A connection past the handshake: negotiated within `range`, START_API sent as `clientId`, nextValidId in.
   * The version frame stays `frames[0]`.
   */
  static async started(port: number, clientId: number, range = 'v100..193'): Promise<RawClient> {
    const c = await RawClient.open(port);
    try {
      c.hello(range);
      await c.until(() => c.frames.length === 1, 'version frame');
      c.send(71, 2, clientId, '');
      await c.until(() => c.of(9).length === 1, 'nextValidId');
      return c;
    } catch (e) {
      c.close();
      throw e;
    }
  }

  /** "API\0" then the version request, as EClient.connect sends them. */
  hello(range = 'v100..193'): void {
    const body = Buffer.from(range, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    this.socket.write(Buffer.concat([Buffer.from('API\0', 'latin1'), len, body]));
  }

  /** One framed message from fields. */
  send(...fields: (string | number)[]): void {
    this.socket.write(frame(fields));
  }

  /**
   * reqMktData (1) version 11 for a SMART-routed USD stock, as ibapi sends it: reqId, contract (conId … tradingClass),
   * no combo legs, no delta-neutral, genericTickList, snapshot, regulatorySnapshot, mktDataOptions.
   */
  reqStockMktData(reqId: number, conId: number, symbol: string, genericTicks = ''): void {
    this.send(
      1,
      11,
      reqId,
      conId,
      symbol,
      'STK',
      '',
      0,
      '',
      '',
      'SMART',
      '',
      'USD',
      '',
      '',
      0,
      genericTicks,
      0,
      0,
      '',
    );
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  async until(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    if (pred()) return;
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!pred()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames.slice(-5))}`));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Frames with message id `id`. */
  of(id: number): string[][] {
    return this.frames.filter((f) => f[0] === String(id));
  }

  close(): void {
    this.socket.destroy();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
