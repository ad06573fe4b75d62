// One client connection: the v100+ handshake, START_API, then framed requests decoded at the negotiated version and
// handed to the gateway; replies are batched into one socket write per event-loop turn. Bad input never throws out
// of here: unreadable requests get error 320, broken framing closes the connection, as TWS does.
import type { Socket } from 'node:net';
import type { Logger } from '../../../src-shared/logger';
import { FrameBatch, FrameReader, frame, payloadFields } from '../wire/framing';
import { negotiate } from '../wire/handshake';
import { decodeRequest } from '../wire/decoder';
import { DecodeError } from '../wire/field-reader';
import { errorMessage, managedAccounts, nextValidId, serverVersionFrame } from '../wire/encoder';
import { incomingName } from '../wire/message-ids';
import type { Request } from '../wire/requests';

export type SessionState = 'handshake' | 'awaiting-start' | 'ready' | 'closed';

export interface SessionHost {
  readonly log: Logger;
  now(): number;
  maxServerVersion(): number;
  connTime(): string;
  accounts(): readonly string[];
  nextOrderId(): number;
  /** Fault: the gateway is "silent" (socket open, nothing sent, requests ignored). */
  silent(): boolean;
  /** Registers the client id; 'duplicate' when another live connection uses it (error 326). */
  register(s: Session): 'ok' | 'duplicate';
  dispatch(s: Session, req: Request): void;
  closed(s: Session): void;
  received(s: Session, msgId: number, at: number): void;
  /** A request read and thrown away while silent (inspection: which orders a half-open TWS swallowed). */
  ignored?(s: Session, fields: readonly string[], at: number): void;
  /** TWS's limit on client messages per second (50); above it the client is disconnected unless it paces (+PACEAPI). */
  maxRequestsPerSecond(): number;
}

/** Farm-status notices TWS sends right after the API starts (error id -1). */
const FARM_NOTICES: [number, string][] = [
  [2104, 'Market data farm connection is OK:usfarm'],
  [2104, 'Market data farm connection is OK:cashfarm'],
  [2106, 'HMDS data farm connection is OK:ushmds'],
  [2158, 'Sec-def data farm connection is OK:secdefnj'],
];

const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

let nextSessionSeq = 1;

export class Session {
  readonly seq = nextSessionSeq++;
  state: SessionState = 'handshake';
  version = 0;
  clientId = -1;
  options: string[] = [];
  readonly connectedAt: number;
  readonly remote: string;
  /** reqMarketDataType: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen; `mdTypeSet` once the client asked. */
  marketDataType = 1;
  mdTypeSet = false;
  /** reqAutoOpenOrders(true) from client 0: this session sees every client's orders. */
  autoBind = false;

  private readonly reader = new FrameReader({ expectApiPrefix: true });
  private readonly batch = new FrameBatch();
  private flushScheduled = false;
  private readonly closeHandlers: (() => void)[] = [];
  /** Request times in the last second (rate limit), as a small ring. */
  private readonly recent: number[] = [];
  private paced: Request[] = [];
  private pacer: ReturnType<typeof setInterval> | undefined;
  private closingAfterFlush = false;

  constructor(
    readonly socket: Socket,
    private readonly host: SessionHost,
  ) {
    this.connectedAt = host.now();
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) =>
      this.host.log.debug('socket error', { session: this.seq, error: err.message }),
    );
    socket.on('close', () => this.onClose());
  }

  get log(): Logger {
    return this.host.log;
  }

  /** Queues one message body; all bodies queued in this turn go out in one write. */
  send(body: string): void {
    if (this.state === 'closed' || this.host.silent()) return;
    this.batch.add(body);
    this.scheduleFlush();
  }

  /** Queues bytes that are already framed (big messages written in place, fault injection). */
  sendRaw(bytes: Buffer): void {
    if (this.state === 'closed' || this.host.silent()) return;
    if (bytes.length >= 64 * 1024) {
      // A big frame goes to the socket as it is, after whatever was queued before it.
      this.flush();
      if (this.isClosed()) return;
      this.socket.write(bytes);
      return;
    }
    this.batch.addRaw(bytes);
    this.scheduleFlush();
  }

  error(id: number, code: number, text: string, advancedJson = ''): void {
    this.send(errorMessage(this.version, id, code, text, advancedJson));
  }

  onClose(fn?: () => void): void {
    if (fn) {
      this.closeHandlers.push(fn);
      return;
    }
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.pacer) clearInterval(this.pacer);
    for (const h of this.closeHandlers) {
      try {
        h();
      } catch (err) {
        this.host.log.error('close handler failed', { error: (err as Error).message });
      }
    }
    this.host.closed(this);
  }

  /** Drops the connection now (fault injection, gateway shutdown). */
  destroy(): void {
    this.socket.destroy();
    this.onClose();
  }

  /** Sends what is queued, then closes (e.g. after error 326). */
  closeAfterFlush(): void {
    this.closingAfterFlush = true;
    this.scheduleFlush();
  }

  isReady(): boolean {
    return this.state === 'ready';
  }

  isClosed(): boolean {
    return this.state === 'closed';
  }

  get bufferedBytes(): number {
    return this.socket.writableLength + this.batch.size;
  }

  flush(): void {
    this.flushScheduled = false;
    if (this.state === 'closed') return;
    const bytes = this.batch.take();
    if (bytes) {
      if (this.socket.writableLength > MAX_BUFFERED_BYTES) {
        this.host.log.warn('client is not reading its socket: dropping the connection', {
          clientId: this.clientId,
          buffered: this.socket.writableLength,
        });
        this.destroy();
        return;
      }
      this.socket.write(bytes);
    }
    if (this.closingAfterFlush) {
      this.socket.end();
      this.onClose();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private onData(chunk: Buffer): void {
    if (this.state === 'closed') return;
    if (this.host.silent()) {
      // A hung TWS: requests are read and dropped unanswered. Reading whole frames keeps the framing intact for
      // when it comes back, as TWS's own reader thread would.
      if (this.state === 'ready') this.swallow(chunk);
      return;
    }
    for (const ev of this.reader.push(chunk)) {
      if (ev.kind === 'error') {
        this.host.log.warn(`closing connection: ${ev.detail}`, {
          session: this.seq,
          clientId: this.clientId,
        });
        this.destroy();
        return;
      }
      this.onFrame(ev.payload);
      if (this.isClosed()) return;
    }
  }

  private swallow(chunk: Buffer): void {
    for (const ev of this.reader.push(chunk)) {
      if (ev.kind === 'error') {
        this.destroy();
        return;
      }
      this.host.ignored?.(this, payloadFields(ev.payload), this.host.now());
    }
  }

  private onFrame(payload: Buffer): void {
    if (this.state === 'handshake') {
      const outcome = negotiate(payload.toString('latin1'), this.host.maxServerVersion());
      if (!outcome.ok) {
        this.host.log.warn(`refusing connection from ${this.remote}: ${outcome.reason}`);
        this.destroy();
        return;
      }
      this.version = outcome.version;
      this.options = outcome.options;
      this.state = 'awaiting-start';
      // The version frame goes out alone and at once: ibapi's connect() reads exactly one message here.
      this.socket.write(frame(serverVersionFrame(this.version, this.host.connTime())));
      return;
    }
    const fields = payloadFields(payload);
    const now = this.host.now();
    const msgId = Number(fields[0]);
    // START_API is logged once the client id it carries is known.
    if (this.state === 'ready') this.host.received(this, Number.isFinite(msgId) ? msgId : -1, now);
    let req: Request;
    try {
      req = decodeRequest(fields, this.version);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      const name = incomingName(msgId);
      this.host.log.warn(`cannot read request ${name}: ${err.message}`, {
        clientId: this.clientId,
        twsCode: 320,
      });
      if (this.state === 'ready') {
        this.error(
          -1,
          320,
          `Error reading request. Message id ${fields[0] ?? ''}. Unable to parse data. java.lang.NumberFormatException: ${err.message}`,
        );
      }
      return;
    }
    if (this.state === 'awaiting-start') {
      if (req.kind !== 'startApi') {
        this.host.log.debug(`ignoring ${req.kind} before START_API`, { session: this.seq });
        return;
      }
      this.start(req.clientId);
      if (this.isReady()) this.host.received(this, msgId, now);
      return;
    }
    if (req.kind === 'startApi') return;
    if (this.overRate(now)) {
      if (this.options.includes('+PACEAPI')) {
        this.pace(req);
        return;
      }
      const max = this.host.maxRequestsPerSecond();
      this.host.log.warn(`client ${this.clientId} exceeded ${max} messages per second: disconnecting`, {
        twsCode: 100,
      });
      this.error(
        -1,
        100,
        `Max rate of messages per second has been exceeded:max=${max} rec=${this.recent.length} (1)`,
      );
      this.closeAfterFlush();
      return;
    }
    this.dispatch(req);
  }

  private dispatch(req: Request): void {
    try {
      this.host.dispatch(this, req);
    } catch (err) {
      this.host.log.error(`request ${req.kind} failed: ${(err as Error).message}`, {
        clientId: this.clientId,
        stack: (err as Error).stack,
      });
      this.error(-1, 321, `Error validating request.-'zz' : cause - ${(err as Error).message}`);
    }
  }

  private start(clientId: number): void {
    this.clientId = clientId;
    if (this.host.register(this) === 'duplicate') {
      this.host.log.info(`client id ${clientId} is already in use: refusing`, { twsCode: 326 });
      this.error(
        -1,
        326,
        'Unable to connect as the client id is already in use. Retry with a unique client id.',
      );
      this.closeAfterFlush();
      return;
    }
    this.state = 'ready';
    this.send(managedAccounts(this.host.accounts()));
    this.send(nextValidId(this.host.nextOrderId()));
    for (const [code, text] of FARM_NOTICES) this.error(-1, code, text);
  }

  private overRate(now: number): boolean {
    const max = this.host.maxRequestsPerSecond();
    if (max <= 0) return false;
    this.recent.push(now);
    while (this.recent.length > 0 && (this.recent[0] as number) <= now - 1000) this.recent.shift();
    return this.recent.length > max;
  }

  /** +PACEAPI: TWS queues what exceeds the rate instead of disconnecting. */
  private pace(req: Request): void {
    this.recent.pop();
    this.paced.push(req);
    if (this.pacer) return;
    const interval = Math.max(5, Math.floor(1000 / Math.max(1, this.host.maxRequestsPerSecond())));
    this.pacer = setInterval(() => {
      const next = this.paced.shift();
      if (next && this.state === 'ready') {
        this.recent.push(this.host.now());
        this.dispatch(next);
      }
      if (this.paced.length === 0 && this.pacer) {
        clearInterval(this.pacer);
        this.pacer = undefined;
      }
    }, interval);
  }
}
