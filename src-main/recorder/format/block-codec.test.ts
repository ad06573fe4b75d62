// The block payload codec: any records come back exactly (fields, times, requests, gaps), the bytes path and the
// fields path agree, quote traffic shrinks to a few bytes a message, and a damaged payload is a typed error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteTraffic } from '../../../tests/support/quote-traffic';
import { decodeBlock } from './block-decoder';
import { BlockEncoder } from './block-encoder';
import { RecordingError } from './errors';
import type { RecordingEntry } from './records';

const T0 = Date.UTC(2026, 6, 9, 13, 30);

/** Field text of the kinds TWS sends: ids, prices, sizes, empties, words, unset markers, some non-ASCII. */
const field = fc.oneof(
  fc.constantFrom('1', '2', '6', '0', '', '1001', '1.7976931348623157E308', '2147483647', 'SMART', 'USD'),
  fc.integer({ min: -1e6, max: 1e9 }).map(String),
  fc.integer({ min: 1, max: 1e7 }).map((c) => String(c / 100)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\0/g, '')),
);
const message = fc.oneof(
  // tick-shaped: few streams, so deltas against the previous message of a stream are exercised
  fc
    .tuple(
      fc.constantFrom('1', '2', '46', '12'),
      fc.constantFrom('6', '1'),
      fc.constantFrom('1001', '1002'),
      fc.constantFrom('1', '2', '4'),
      fc.array(field, { maxLength: 4 }),
    )
    .map(([a, b, c, d, rest]) => [a, b, c, d, ...rest]),
  fc.array(field, { minLength: 0, maxLength: 9 }),
);
const json = fc.jsonValue({ maxDepth: 2 });
type Gen =
  | { type: 'in'; dt: number; fields: string[] }
  | { type: 'req'; dt: number; kind: string; reqId: number | null; contract: object; params: object }
  | { type: 'gap'; dt: number; dropped: number; back: number; reason: 'queue-full' | 'damaged' };
const entry: fc.Arbitrary<Gen> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('in' as const),
      fields: message,
      dt: fc.integer({ min: -5, max: 2000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('req' as const),
      kind: fc.constantFrom('reqMktData', 'placeOrder', 'reqHistoricalData'),
      reqId: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
      contract: fc.record({ conId: fc.integer(), symbol: fc.string(), secType: fc.constant('STK') }),
      params: fc.dictionary(fc.string({ maxLength: 5 }), json, { maxKeys: 3 }),
      dt: fc.nat(10),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('gap' as const),
      dropped: fc.nat(1e6),
      back: fc.nat(1e5),
      reason: fc.constantFrom('queue-full' as const, 'damaged' as const),
      dt: fc.nat(10),
    }),
  },
);

/** Turns generated entries into records with absolute times (requests normalised as JSON would). */
function materialise(gen: readonly Gen[]): RecordingEntry[] {
  let t = T0;
  return gen.map((g): RecordingEntry => {
    t += g.dt;
    if (g.type === 'in') return { type: 'in', t, fields: g.fields };
    if (g.type === 'gap') return { type: 'gap', t, dropped: g.dropped, since: t - g.back, reason: g.reason };
    const { kind, reqId, contract, params } = g;
    return JSON.parse(JSON.stringify({ type: 'req', t, kind, reqId, contract, params })) as RecordingEntry;
  });
}

function roundTrip(records: readonly RecordingEntry[]): RecordingEntry[] {
  const enc = new BlockEncoder();
  for (const r of records) enc.add(r);
  const first = enc.firstTime;
  const count = enc.count;
  const out = decodeBlock(enc.finish(), first);
  expect(out).toHaveLength(count);
  return out;
}

describe('block codec', () => {
  it('gives back any records exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (gen) => {
        const records = materialise(gen);
        // Lone surrogates cannot be UTF-8: compare against what UTF-8 makes of them.
        const expected = records.map((r) =>
          r.type === 'in'
            ? { ...r, fields: r.fields.map((f) => Buffer.from(f, 'utf8').toString('utf8')) }
            : r,
        );
        expect(roundTrip(records)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('starts every block from empty state: a second block decodes on its own', () => {
    const enc = new BlockEncoder();
    const msgs = [...quoteTraffic({ count: 2000, symbols: 20 })];
    for (const m of msgs.slice(0, 1000)) enc.addIncoming(m.t, m.fields);
    enc.finish();
    for (const m of msgs.slice(1000)) enc.addIncoming(m.t, m.fields);
    const first = enc.firstTime;
    const out = decodeBlock(enc.finish(), first);
    expect(out).toEqual(msgs.slice(1000).map((m) => ({ type: 'in', t: m.t, fields: m.fields })));
  });

  it('encodes socket bytes and field arrays to the same payload', () => {
    const msgs = [...quoteTraffic({ count: 3000, symbols: 50 })];
    const a = new BlockEncoder();
    const b = new BlockEncoder();
    for (const m of msgs) {
      a.addIncoming(m.t, m.fields);
      const body = Buffer.from(m.fields.map((f) => `${f}\0`).join(''), 'latin1');
      b.addMessage(m.t, body, 0, body.length);
    }
    expect(b.finish().equals(a.finish())).toBe(true);
  });

  it('grows its tables past their first sizes: 5,000 streams in a block, a message of 300 fields', () => {
    const enc = new BlockEncoder();
    const sent: string[][] = [];
    for (let id = 1; id <= 5000; id++) sent.push(['1', '6', String(id), '1', String(id / 100), '100', '1']);
    sent.push(Array.from({ length: 300 }, (_, i) => String(i)));
    for (const fields of sent) {
      const body = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'latin1');
      enc.addMessage(T0, body, 0, body.length);
    }
    const out = decodeBlock(enc.finish(), enc.firstTime);
    expect(out).toEqual(sent.map((fields) => ({ type: 'in', t: T0, fields })));
  });

  it('codes quote traffic in a few bytes a message before compression', () => {
    const enc = new BlockEncoder();
    const msgs = [...quoteTraffic({ count: 16_384 })];
    for (const m of msgs) enc.addIncoming(m.t, m.fields);
    const raw = msgs.reduce((n, m) => n + m.fields.join('\0').length + 1, 0);
    const payload = enc.finish();
    // ~22 bytes of text a message become ~9 (fields same as before, deltas of prices and sizes).
    expect(payload.length / msgs.length).toBeLessThan(10);
    expect(payload.length).toBeLessThan(raw / 2);
  });

  it('refuses a time that is not an integer and a field holding NUL', () => {
    const enc = new BlockEncoder();
    expect(() => enc.addIncoming(1.5, ['1'])).toThrow(RecordingError);
    expect(() => enc.addIncoming(1, ['a\0b'])).toThrow(/NUL/);
  });

  it('reports a damaged payload as DAMAGED_BLOCK, never another error (property)', () => {
    const enc = new BlockEncoder();
    const msgs = [...quoteTraffic({ count: 300, symbols: 10 })];
    for (const m of msgs) enc.addIncoming(m.t, m.fields);
    enc.addRequest(T0, { kind: 'reqMktData', reqId: 1, contract: { conId: 1 } });
    enc.addGap(T0, 3, T0 - 1);
    const first = enc.firstTime;
    const payload = enc.finish();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(payload.length - 1), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (flips) => {
          const p = Buffer.from(payload);
          for (const [at, x] of flips) p[at]! ^= x;
          try {
            decodeBlock(p, first);
          } catch (e) {
            expect(e).toBeInstanceOf(RecordingError);
            expect((e as RecordingError).code).toBe('DAMAGED_BLOCK');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
