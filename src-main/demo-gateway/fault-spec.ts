// Fault schedules given on the command line: --fault <name>[:arg[:arg]][@delayMs][/everyMs], e.g.
// "drop-all@30000", "silence:5000@10000", "connectivity:data-lost:3000/60000", "accept-then-close:3",
// "swallow-order:1@20000".
import type { FaultControls, MalformedKind, Restore } from './faults';

export interface FaultSpec {
  name: string;
  args: string[];
  delayMs: number;
  everyMs: number | undefined;
}

/** A numeric argument of a fault spec, or its default. */
type Arg = (i: number, dflt: number) => number;

/** Each fault a --fault flag can name, and what it does (numeric arguments with their defaults). */
const FAULTS: Record<string, (f: FaultControls, n: Arg, args: readonly string[]) => void> = {
  'drop-all': (f) => void f.dropAll(),
  silence: (f, n) => f.silence(n(0, 5000)),
  restart: (f, n) => void f.restart(n(0, 2000)),
  connectivity: (f, n, args) => {
    const restore = (args[0] ?? 'data-maintained') as Restore;
    if (restore !== 'data-lost' && restore !== 'data-maintained')
      throw new Error('connectivity needs data-lost or data-maintained');
    f.connectivityLoss(restore, n(1, 3000));
  },
  pacing: (f, n, args) => {
    const kind = args[0] ?? 'historical';
    if (kind !== 'historical' && kind !== 'rate') throw new Error('pacing needs historical or rate');
    f.pacingViolation(kind, n(1, 1));
  },
  'slow-reader': (f, n) => f.slowReader(n(0, 5000)),
  malformed: (f, _n, args) => f.malformedFrame((args[0] ?? 'extra-fields') as MalformedKind),
  'accept-then-close': (f, n) => f.acceptThenClose(n(0, 1)),
  'swallow-order': (f, n) => f.swallowOrders(n(0, 1)),
  reject: (f, n) => void f.rejectConnections(n(0, 5000)),
};
const NAMES = Object.keys(FAULTS);

export function parseFaultSpec(text: string): FaultSpec {
  const m = /^([a-z-]+)((?::[A-Za-z0-9-]+)*)(?:@(\d+))?(?:\/(\d+))?$/.exec(text.trim());
  if (!m || !NAMES.includes(m[1] as string)) {
    throw new Error(
      `bad --fault "${text}": expected <name>[:arg][@delayMs][/everyMs] with name one of ${NAMES.join(', ')}`,
    );
  }
  const everyMs = m[4] === undefined ? undefined : Number(m[4]);
  if (everyMs !== undefined && everyMs < 100)
    throw new Error(`bad --fault "${text}": the period must be at least 100 ms`);
  return {
    name: m[1] as string,
    args: (m[2] ?? '').split(':').filter((x) => x !== ''),
    delayMs: Number(m[3] ?? 0),
    everyMs,
  };
}

/** Runs one fault now. */
export function applyFault(f: FaultControls, spec: FaultSpec): void {
  const n = (i: number, dflt: number): number => {
    const v = spec.args[i];
    const x = v === undefined ? dflt : Number(v);
    if (!Number.isFinite(x)) throw new Error(`fault ${spec.name}: "${v}" is not a number`);
    return x;
  };
  FAULTS[spec.name]?.(f, n, spec.args);
}
