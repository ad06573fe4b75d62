// The gateway's open connections: every accepted socket, the ones past START_API, and which connection holds each
// client id (TWS refuses a second live connection with the same id: error 326).

/** What the registry needs of a connection (a Session in the gateway). */
export interface Registered {
  readonly clientId: number;
  isClosed(): boolean;
}

export class SessionRegistry<S extends Registered> {
  /** Every open connection, including ones still handshaking. */
  readonly all = new Set<S>();
  /** Connections past START_API. */
  readonly ready = new Set<S>();
  private readonly byClientId = new Map<number, S>();

  accepted(s: S): void {
    this.all.add(s);
  }

  /** START_API: 'duplicate' when another live connection holds the client id. */
  register(s: S): 'ok' | 'duplicate' {
    const other = this.byClientId.get(s.clientId);
    if (other && other !== s && !other.isClosed()) return 'duplicate';
    this.byClientId.set(s.clientId, s);
    this.ready.add(s);
    return 'ok';
  }

  /** Forgets a closed connection; true when it had been past START_API. */
  closed(s: S): boolean {
    this.all.delete(s);
    const wasReady = this.ready.delete(s);
    if (this.byClientId.get(s.clientId) === s) this.byClientId.delete(s.clientId);
    return wasReady;
  }
}
