// Synthetic quote traffic with the shape of what TWS sends for level-1 market data (as the demo gateway sends it):
// per update of an instrument bid or ask (tickPrice with its size), a size-only change (tickSize), or a trade (last
// price with size, the last-trade timestamp as tickString 45, the day's volume as tickSize 8). Prices move in cent
// steps around realistic levels, sizes in shares (round lots mostly), arrival times in ms. Deterministic per seed.

export type QuoteMessage = { t: number; fields: string[] };

/** Deterministic PRNG (mulberry32): the same sequence for the same seed, in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Price text as TWS writes a double: shortest form ("187.3", "187.25", "42"). */
function priceText(cents: number): string {
  return String(cents / 100);
}

function sizeText(r: () => number): string {
  const u = r();
  if (u < 0.08) return String(1 + Math.floor(r() * 99)); // odd lot
  return String(100 * (1 + Math.floor(r() * (u < 0.8 ? 5 : 40))));
}

/**
 * Messages in arrival order: `symbols` instruments (request ids 1001…), `messagesPerSecond` each on average (a
 * trade update yields three messages at once, every other update one), from `startMs`, until `count` messages.
 */
export function* quoteTraffic(opts: {
  count: number;
  symbols?: number;
  messagesPerSecond?: number;
  startMs?: number;
  seed?: number;
}): Generator<QuoteMessage> {
  const symbols = opts.symbols ?? 500;
  const rate = symbols * (opts.messagesPerSecond ?? 4);
  const r = prng(opts.seed ?? 1);
  const mid = Array.from({ length: symbols }, () => Math.round((5 + r() * 600) * 100));
  const spread = Array.from({ length: symbols }, () => 1 + Math.floor(r() * 3));
  const volume = Array.from({ length: symbols }, () => Math.floor(r() * 5_000_000));
  let t = opts.startMs ?? Date.UTC(2026, 6, 9, 13, 30);
  let acc = 0;
  let produced = 0;
  while (produced < opts.count) {
    const i = Math.floor(r() * symbols);
    const id = String(1001 + i);
    const u = r();
    if (u < 0.3) {
      mid[i]! += Math.round((r() - 0.5) * 4);
      yield { t, fields: ['1', '6', id, '1', priceText(mid[i]! - spread[i]!), sizeText(r), '1'] };
      produced++;
    } else if (u < 0.6) {
      mid[i]! += Math.round((r() - 0.5) * 4);
      yield { t, fields: ['1', '6', id, '2', priceText(mid[i]! + spread[i]!), sizeText(r), '1'] };
      produced++;
    } else if (u < 0.8) {
      yield { t, fields: ['2', '6', id, r() < 0.5 ? '0' : '3', sizeText(r)] };
      produced++;
    } else {
      const size = sizeText(r);
      volume[i]! += Number(size);
      const last = mid[i]! + (r() < 0.5 ? -spread[i]! : spread[i]!);
      const trade = [
        ['1', '6', id, '4', priceText(last), size, '0'],
        ['46', '6', id, '45', String(Math.floor(t / 1000))],
        ['2', '6', id, '8', String(volume[i]!)],
      ];
      for (const fields of trade) {
        if (produced === opts.count) break;
        yield { t, fields };
        produced++;
      }
    }
    // Arrivals at `rate` messages per second on average, clumped into ms as a socket delivers them.
    acc += (1000 / rate) * 2 * r() * (u < 0.8 ? 1 : 3);
    if (acc >= 1) {
      t += Math.floor(acc);
      acc -= Math.floor(acc);
    }
  }
}
