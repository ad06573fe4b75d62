// Command line of `npm run soak`: --minutes N [--seed S] [--fault-every A-B] [--out DIR] and the limits checked.
export type SoakOptions = {
  minutes: number;
  seed: number;
  /** Seconds between the end of one recovery check and the next fault (uniform in [min, max]). */
  faultEveryS: [number, number];
  /** Symbols watched (500 in the issue). */
  symbols: number;
  /** Every subscription must tick again within this long after a recovery. */
  recoveryLimitMs: number;
  maxHeapGrowthMb: number;
  /** Where the journal, the app log and result.json go (a fresh temp dir by default). */
  out: string | null;
  quiet: boolean;
  /** The next fault does not wait for the recovery check: faults land in replays and reconciliations. */
  overlap: boolean;
};

const SOAK_USAGE =
  'usage: npm run soak -- --minutes N [--seed S] [--fault-every MIN-MAX (seconds, default 5-60)] [--symbols 500] [--recovery-limit-s 15] [--max-heap-growth-mb 64] [--out DIR] [--overlap] [--quiet]';

export function parseSoakArgs(argv: readonly string[]): SoakOptions {
  const o: SoakOptions = {
    minutes: 2,
    seed: 1,
    faultEveryS: [5, 60],
    symbols: 500,
    recoveryLimitMs: 15_000,
    maxHeapGrowthMb: 64,
    out: null,
    quiet: false,
    overlap: false,
  };
  const num = (flag: string, v: string | undefined, min: number, max: number): number => {
    const x = Number(v);
    if (v === undefined || !Number.isFinite(x) || x < min || x > max)
      throw new Error(`${flag} needs a number in [${min}, ${max}], got ${v ?? 'nothing'}\n${SOAK_USAGE}`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes('=') ? (a.split('=', 2) as [string, string]) : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--minutes':
        o.minutes = num(flag, value(), 0.1, 24 * 60);
        break;
      case '--seed':
        o.seed = Math.trunc(num(flag, value(), 0, 2 ** 31 - 1));
        break;
      case '--fault-every': {
        const text = value() ?? '';
        const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
        if (!m || Number(m[1]) > Number(m[2]) || Number(m[1]) < 0.5)
          throw new Error(`--fault-every needs MIN-MAX in seconds (MIN ≥ 0.5), got ${text}\n${SOAK_USAGE}`);
        o.faultEveryS = [Number(m[1]), Number(m[2])];
        break;
      }
      case '--symbols':
        o.symbols = Math.trunc(num(flag, value(), 1, 500));
        break;
      case '--recovery-limit-s':
        o.recoveryLimitMs = num(flag, value(), 1, 600) * 1000;
        break;
      case '--max-heap-growth-mb':
        o.maxHeapGrowthMb = num(flag, value(), 1, 10_000);
        break;
      case '--out':
        o.out = value() ?? null;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--overlap':
        o.overlap = true;
        break;
      default:
        throw new Error(`unknown argument ${a}\n${SOAK_USAGE}`);
    }
  }
  return o;
}
