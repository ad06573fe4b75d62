// The soak's faults: a seeded shuffle of every kind the demo gateway can inject (each kind once per round, so a
// short run sees them all), each with random parameters and the time its effect lasts.
import type { FaultControls, MalformedKind, Prng } from '../../src-main/demo-gateway/index';
import { ACK_TIMEOUT_MS } from '../../src-main/services/orders';

export const FAULT_KINDS = [
  'drop',
  'silent',
  'restart',
  'lost-1101',
  'kept-1102',
  'pacing-162',
  'pacing-100',
  'malformed',
  'slow-reader',
  'refuse',
  'accept-then-close',
  'swallow-order',
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export type PlannedFault = {
  kind: FaultKind;
  /** Kind and parameters, for the log and the summary. */
  label: string;
  /** How long the fault itself lasts (the recovery is timed from its end). */
  durationMs: number;
  /** Time TWS's own rules add before everything can be back, on top of the recovery limit. */
  allowanceMs?: number;
  apply(f: FaultControls): void;
};

const MALFORMED: MalformedKind[] = ['garbage-fields', 'extra-fields', 'unknown-message', 'bad-length'];

export function createFaultPlan(rng: Prng): { next(): PlannedFault } {
  let bag: FaultKind[] = [];
  let malformedTurn = 0;
  const between = (lo: number, hi: number) => Math.round(lo + rng.next() * (hi - lo));

  function make(kind: FaultKind): PlannedFault {
    switch (kind) {
      case 'drop':
        return { kind, label: 'drop all connections', durationMs: 0, apply: (f) => void f.dropAll() };
      case 'silent': {
        // Below the 10 s heartbeat limit the link must ride it out; above it, it must notice and reconnect.
        const ms = between(3_000, 20_000);
        return { kind, label: `silent socket ${ms} ms`, durationMs: ms, apply: (f) => f.silence(ms) };
      }
      case 'restart': {
        const ms = between(1_000, 10_000);
        return { kind, label: `restart, down ${ms} ms`, durationMs: ms, apply: (f) => void f.restart(ms) };
      }
      case 'lost-1101':
      case 'kept-1102': {
        const ms = between(1_000, 8_000);
        const restore = kind === 'lost-1101' ? 'data-lost' : 'data-maintained';
        return {
          kind,
          label: `1100 for ${ms} ms, then ${kind === 'lost-1101' ? '1101' : '1102'}`,
          durationMs: ms,
          apply: (f) => f.connectivityLoss(restore, ms),
        };
      }
      case 'pacing-162':
        // Armed violations hit the next historical requests: the drop makes the charts' replay meet them.
        // A chart refused with 162 may only ask again after TWS's 15 s identical-request rule (history-pacing.ts).
        return {
          kind,
          label: 'pacing violation (162) on the next 2 historical requests, then a drop',
          durationMs: 0,
          allowanceMs: 15_000,
          apply: (f) => {
            f.pacingViolation('historical', 2);
            f.dropAll();
          },
        };
      case 'pacing-100':
        return {
          kind,
          label: 'pacing violation (100, max rate exceeded)',
          durationMs: 0,
          apply: (f) => f.pacingViolation('rate'),
        };
      case 'malformed': {
        const m = MALFORMED[malformedTurn++ % MALFORMED.length] as MalformedKind;
        return { kind, label: `malformed frame (${m})`, durationMs: 0, apply: (f) => f.malformedFrame(m) };
      }
      case 'slow-reader': {
        const ms = between(2_000, 10_000);
        return { kind, label: `slow reader ${ms} ms`, durationMs: ms, apply: (f) => f.slowReader(ms) };
      }
      case 'refuse': {
        const ms = between(3_000, 15_000);
        return {
          kind,
          label: `drop, then refuse connections for ${ms} ms`,
          durationMs: ms,
          apply: (f) => {
            void f.rejectConnections(ms);
            f.dropAll();
          },
        };
      }
      case 'swallow-order':
        // TWS loses the next new order on a live connection: the orders' watchdog must settle it, no reconnect.
        // It lasts until the driver's next order (within 2 s) has had its 5 s to be acknowledged and the reconcile
        // that follows, so the next fault does not pre-empt the watchdog with a reconnect.
        return {
          kind,
          label: 'swallow the next new order',
          durationMs: 2_000 + ACK_TIMEOUT_MS + 1_000,
          apply: (f) => f.swallowOrders(1),
        };
      case 'accept-then-close': {
        const n = between(1, 3);
        return {
          kind,
          label: `drop, then accept-and-close the next ${n} connection(s)`,
          durationMs: 0,
          apply: (f) => {
            f.acceptThenClose(n);
            f.dropAll();
          },
        };
      }
    }
  }

  return {
    next() {
      if (bag.length === 0) {
        bag = [...FAULT_KINDS];
        for (let i = bag.length - 1; i > 0; i--) {
          const k = Math.floor(rng.next() * (i + 1));
          [bag[i], bag[k]] = [bag[k] as FaultKind, bag[i] as FaultKind];
        }
      }
      return make(bag.pop() as FaultKind);
    },
  };
}
