// Fault injection: the failures a TWS connection layer must survive, switchable from tests (in-process methods),
// the HTTP control API and CLI flags. Each fault acts on the live gateway and ends on its own or with clear().
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { Session } from './connections/session';
import { frame } from './wire/framing';

export type MalformedKind = 'garbage-fields' | 'extra-fields' | 'unknown-message' | 'bad-length';
export type Restore = 'data-lost' | 'data-maintained';

export interface FaultHooks {
  clock: Clock;
  log: Logger;
  /** Sessions past START_API. */
  sessions(): Session[];
  /** Every open connection, including ones still handshaking. */
  connections(): Session[];
  stopListening(): Promise<void>;
  startListening(): Promise<void>;
  /** 1101: the data farms forgot every subscription. */
  dataLost(): void;
  /** Moves a symbol's prices by `factor` from now on (false: no such symbol). */
  jumpPrice(symbol: string, factor: number): boolean;
  /** Ends every price jump. */
  clearJumps(): void;
}

/** A fault that cannot be applied as asked (the control API answers 400). */
export class FaultError extends Error {
  override readonly name = 'FaultError';
}

export interface FaultStatus {
  silent: boolean;
  connectivityLost: boolean;
  slowReader: boolean;
  rejecting: boolean;
  acceptThenClose: number;
  pacingViolationsArmed: number;
  /** New orders still to be swallowed by swallowOrders(). */
  ordersToSwallow: number;
}

/** The fault switches a caller holds (tests in-process, the control API, CLI flags, soak runs). */
export interface FaultControls {
  dropAll(): number;
  silence(ms?: number): void;
  restart(downMs?: number): Promise<void>;
  connectivityLoss(restore: Restore, afterMs: number): void;
  pacingViolation(kind: 'historical' | 'rate', count?: number): void;
  slowReader(ms: number): void;
  malformedFrame(kind: MalformedKind): void;
  acceptThenClose(count?: number): void;
  /** The next `count` new orders are swallowed unanswered; the connection stays alive (see ordersIgnored). */
  swallowOrders(count?: number): void;
  rejectConnections(ms: number): Promise<void>;
  /** The symbol's price jumps by `percent` now and stays moved until clear(): a level crossed on demand. */
  priceJump(symbol: string, percent: number): void;
  clear(): void;
  status(): FaultStatus;
}

/** The switches of `faults` as plain functions (callers may pass them around unbound); the take* hooks stay inside. */
export function faultControls(faults: Faults): FaultControls {
  return {
    dropAll: () => faults.dropAll(),
    silence: (ms) => faults.silence(ms),
    restart: (ms) => faults.restart(ms),
    connectivityLoss: (restore, ms) => faults.connectivityLoss(restore, ms),
    pacingViolation: (kind, count) => faults.pacingViolation(kind, count),
    slowReader: (ms) => faults.slowReader(ms),
    malformedFrame: (kind) => faults.malformedFrame(kind),
    acceptThenClose: (count) => faults.acceptThenClose(count),
    swallowOrders: (count) => faults.swallowOrders(count),
    rejectConnections: (ms) => faults.rejectConnections(ms),
    priceJump: (symbol, percent) => faults.priceJump(symbol, percent),
    clear: () => faults.clear(),
    status: () => faults.status(),
  };
}

export class Faults {
  private silentFlag = false;
  private lost = false;
  private slow = false;
  private rejecting = false;
  private acceptClose = 0;
  private pacingArmed = 0;
  private swallow = 0;
  private readonly timers = new Set<Timer>();

  constructor(private readonly h: FaultHooks) {}

  status(): FaultStatus {
    return {
      silent: this.silentFlag,
      connectivityLost: this.lost,
      slowReader: this.slow,
      rejecting: this.rejecting,
      acceptThenClose: this.acceptClose,
      pacingViolationsArmed: this.pacingArmed,
      ordersToSwallow: this.swallow,
    };
  }

  get silent(): boolean {
    return this.silentFlag;
  }

  get dataPaused(): boolean {
    return this.lost;
  }

  /** Consumed by the connection handler: true when this new connection must be closed right away. */
  takeAcceptThenClose(): boolean {
    if (this.acceptClose <= 0) return false;
    this.acceptClose--;
    return true;
  }

  /** Consumed by the history handler: true when this request must be refused with a pacing violation. */
  takePacingViolation(): boolean {
    if (this.pacingArmed <= 0) return false;
    this.pacingArmed--;
    return true;
  }

  /** Consumed by the order handler for a new order: true when it must be read and dropped unanswered. */
  takeSwallowedOrder(): boolean {
    if (this.swallow <= 0) return false;
    this.swallow--;
    return true;
  }

  /**
   * The next `count` new orders are read and dropped without a word (no openOrder, orderStatus or error), while
   * everything else, heartbeats and changes to known orders included, is answered: a TWS that lost one order on a
   * connection that stays alive.
   */
  swallowOrders(count = 1): void {
    this.h.log.warn(`fault: swallowing the next ${count} new order(s)`);
    this.swallow += count;
  }

  /**
   * A gap in one symbol's prices (a halt reopening, a news spike): its quotes move by `percent` from now on, so a
   * test crosses a price level when it chooses instead of waiting for the random walk.
   */
  priceJump(symbol: string, percent: number): void {
    if (!Number.isFinite(percent) || percent <= -100 || percent === 0)
      throw new FaultError(`a price jump needs a percent above -100 and not 0, got ${percent}`);
    if (!this.h.jumpPrice(symbol, 1 + percent / 100)) throw new FaultError(`no instrument "${symbol}"`);
    this.h.log.warn(`fault: ${symbol} jumps ${percent > 0 ? '+' : ''}${percent} %`);
  }

  /** Drops every connection at once (TWS crashed or was closed). */
  dropAll(): number {
    const list = this.h.connections();
    this.h.log.warn(`fault: dropping ${list.length} connection(s)`);
    for (const s of list) s.destroy();
    return list.length;
  }

  /** Half-open TWS: sockets stay open but nothing is sent and requests are ignored, for `ms` (or until clear). */
  silence(ms?: number): void {
    this.h.log.warn(`fault: silent${ms ? ` for ${ms} ms` : ''}`);
    this.silentFlag = true;
    if (ms) this.after(ms, () => (this.silentFlag = false));
  }

  /** Restart: drop every connection, refuse new ones for `downMs`, then accept again (state is kept). */
  async restart(downMs = 1000): Promise<void> {
    this.h.log.warn(`fault: restart (down for ${downMs} ms)`);
    this.rejecting = true;
    this.dropAll();
    await this.h.stopListening();
    await new Promise<void>((resolve) =>
      this.after(downMs, () => {
        this.rejecting = false;
        this.h.startListening().then(resolve, (err: unknown) => {
          this.h.log.error(`restart: cannot listen again: ${(err as Error).message}`);
          resolve();
        });
      }),
    );
  }

  /** Refuses connections (connection refused) for `ms`. */
  async rejectConnections(ms: number): Promise<void> {
    this.h.log.warn(`fault: refusing connections for ${ms} ms`);
    this.rejecting = true;
    await this.h.stopListening();
    this.after(ms, () => {
      this.rejecting = false;
      this.h
        .startListening()
        .catch((err: unknown) => this.h.log.error(`cannot listen again: ${(err as Error).message}`));
    });
  }

  /** 1100 (connectivity lost) now, then 1101 (restored, data lost) or 1102 (restored, data maintained) after `ms`. */
  connectivityLoss(restore: Restore, ms: number): void {
    this.h.log.warn(`fault: connectivity lost for ${ms} ms, then ${restore}`);
    this.lost = true;
    this.broadcast(1100, 'Connectivity between IB and Trader Workstation has been lost.');
    this.after(ms, () => {
      this.lost = false;
      if (restore === 'data-lost') {
        this.h.dataLost();
        this.broadcast(1101, 'Connectivity between IB and Trader Workstation has been restored - data lost.');
      } else {
        this.broadcast(
          1102,
          'Connectivity between IB and Trader Workstation has been restored - data maintained. All data farms are connected: usfarm; cashfarm; ushmds; secdefnj.',
        );
      }
    });
  }

  /** Pacing: 'historical' arms the next `count` historical requests to fail with 162; 'rate' sends error 100. */
  pacingViolation(kind: 'historical' | 'rate', count = 1): void {
    this.h.log.warn(`fault: pacing violation (${kind})`);
    if (kind === 'historical') this.pacingArmed += count;
    else this.broadcast(100, 'Max rate of messages per second has been exceeded:max=50 rec=51 (1)');
  }

  /** Stops reading client sockets for `ms`: their writes back up as with a busy TWS. */
  slowReader(ms: number): void {
    this.h.log.warn(`fault: not reading client sockets for ${ms} ms`);
    this.slow = true;
    for (const s of this.h.connections()) s.socket.pause();
    this.after(ms, () => this.endSlowReader());
  }

  /** A new connection while slow-reading starts paused too. */
  applyTo(s: Session): void {
    if (this.slow) s.socket.pause();
  }

  /** Sends one malformed frame to every client. */
  malformedFrame(kind: MalformedKind): void {
    this.h.log.warn(`fault: malformed frame (${kind})`);
    let bytes: Buffer;
    switch (kind) {
      case 'garbage-fields':
        bytes = frame('1\x006\0not-a-number\0x\0price?\0size?\0attr?\0');
        break;
      case 'extra-fields':
        bytes = frame('49\x001\x001700000000\0surplus\0surplus\0');
        break;
      case 'unknown-message':
        bytes = frame('9999\x001\0???\0');
        break;
      case 'bad-length': {
        // A length above TWS's 16 MB maximum (Java's EReader then disconnects). Kept below 2^31: @stoqey/ib 1.6.10
        // reads the prefix as a signed int and spins forever on a negative length.
        bytes = Buffer.alloc(8);
        bytes.writeUInt32BE(0x7ffffff0, 0);
        bytes.write('4\x002\0', 4, 'latin1');
        break;
      }
    }
    for (const s of this.h.sessions()) s.sendRaw(bytes);
  }

  /** Accepts the next `count` connections and closes them at once. */
  acceptThenClose(count = 1): void {
    this.h.log.warn(`fault: accept-then-close for the next ${count} connection(s)`);
    this.acceptClose += count;
  }

  /** Ends every fault in progress. */
  clear(): void {
    for (const t of this.timers) this.h.clock.clearTimeout(t);
    this.timers.clear();
    this.silentFlag = false;
    this.acceptClose = 0;
    this.pacingArmed = 0;
    this.swallow = 0;
    this.h.clearJumps();
    if (this.slow) this.endSlowReader();
    if (this.lost) {
      this.lost = false;
      this.broadcast(
        1102,
        'Connectivity between IB and Trader Workstation has been restored - data maintained.',
      );
    }
    if (this.rejecting) {
      this.rejecting = false;
      this.h
        .startListening()
        .catch((err: unknown) => this.h.log.error(`cannot listen again: ${(err as Error).message}`));
    }
  }

  dispose(): void {
    for (const t of this.timers) this.h.clock.clearTimeout(t);
    this.timers.clear();
  }

  private endSlowReader(): void {
    this.slow = false;
    for (const s of this.h.connections()) s.socket.resume();
  }

  private broadcast(code: number, text: string): void {
    for (const s of this.h.sessions()) s.error(-1, code, text);
  }

  private after(ms: number, fn: () => void): void {
    const t = this.h.clock.setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }
}
