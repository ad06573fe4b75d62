import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DepthError, DepthView, MAX_DEPTH_ROWS, diffSide, sameRow } from './depth-diff';
import type { DepthOp, DepthRow, DepthSide } from './depth-diff';

/**
 * A client's book as TWS clients keep it (ib_async's lists): insert shifts rows down, delete shifts them up, an
 * update or delete of a row that is not there is an error (ib_async #33), and so is an insert past the end.
 */
class ReferenceClient {
  readonly rows: [DepthRow[], DepthRow[]] = [[], []];
  maxRows = 0;

  apply(ops: readonly DepthOp[]): void {
    for (const o of ops) {
      const rows = this.rows[o.side];
      const row = { price: o.price, size: o.size, marketMaker: o.marketMaker };
      if (o.operation === 0) {
        if (o.position < 0 || o.position > rows.length)
          throw new Error(`insert at ${o.position} of ${rows.length}`);
        rows.splice(o.position, 0, row);
      } else if (o.operation === 1) {
        if (o.position < 0 || o.position >= rows.length)
          throw new Error(`update at ${o.position} of ${rows.length}`);
        rows[o.position] = row;
      } else {
        if (o.position < 0 || o.position >= rows.length)
          throw new Error(`delete at ${o.position} of ${rows.length}`);
        rows.splice(o.position, 1);
      }
      this.maxRows = Math.max(this.maxRows, rows.length);
    }
  }

  clear(): void {
    this.rows[0] = [];
    this.rows[1] = [];
  }
}

/** Plain recursive edit distance (insert, delete, update of any field = 1; equal rows free): the minimum to match. */
function editDistance(a: readonly DepthRow[], b: readonly DepthRow[]): number {
  const memo = new Map<number, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length) return b.length - j;
    if (j === b.length) return a.length - i;
    const key = i * 1000 + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const v = Math.min(
      go(i + 1, j + 1) + (sameRow(a[i] as DepthRow, b[j] as DepthRow) ? 0 : 1),
      go(i + 1, j) + 1,
      go(i, j + 1) + 1,
    );
    memo.set(key, v);
    return v;
  };
  return go(0, 0);
}

/** Books shaped like real ones: distinct descending prices from a narrow band, so consecutive books overlap. */
const rowsArb = (withMm: boolean, maxRows: number): fc.Arbitrary<DepthRow[]> =>
  fc
    .array(
      fc.record({
        tick: fc.integer({ min: 0, max: 30 }),
        size: fc.constantFrom(100, 200, 300, 500),
        mm: withMm ? fc.constantFrom('NSDQ', 'ARCA', 'BATS', 'IEX') : fc.constant(''),
      }),
      { maxLength: maxRows },
    )
    .map((xs) => {
      const seen = new Set<string>();
      const rows: DepthRow[] = [];
      for (const x of xs) {
        const key = `${x.tick}/${x.mm}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ price: 100 - x.tick * 0.01, size: x.size, marketMaker: x.mm });
      }
      return rows.sort((p, q) => q.price - p.price || p.marketMaker.localeCompare(q.marketMaker));
    });

describe('depth-diff', () => {
  for (const withMm of [true, false]) {
    it(`brings a client from any book to any other with the fewest operations (${withMm ? 'L2 with market makers' : 'one exchange, no market maker'})`, () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 20 })
            .chain((numRows) =>
              fc.tuple(
                fc.constant(numRows),
                fc.array(rowsArb(withMm, numRows), { minLength: 1, maxLength: 6 }),
                fc.array(rowsArb(withMm, numRows), { minLength: 1, maxLength: 6 }),
              ),
            ),
          ([numRows, bidBooks, askBooks]) => {
            const client = new ReferenceClient();
            const shown: [DepthRow[], DepthRow[]] = [[], []];
            const steps = Math.max(bidBooks.length, askBooks.length);
            for (let k = 0; k < steps; k++) {
              const next: [DepthRow[], DepthRow[]] = [
                askBooks[k % askBooks.length] as DepthRow[],
                bidBooks[k % bidBooks.length] as DepthRow[],
              ];
              for (const side of [0, 1] as DepthSide[]) {
                const ops = diffSide(shown[side], next[side], side);
                expect(ops.length).toBe(editDistance(shown[side], next[side]));
                expect(ops.every((o) => o.side === side)).toBe(true);
                client.apply(ops);
                expect(client.rows[side]).toEqual(next[side]);
                shown[side] = next[side];
              }
              // Deletes go first: the client never holds more rows than it asked for.
              expect(client.maxRows).toBeLessThanOrEqual(numRows);
            }
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('fills a new subscription with inserts at positions 0, 1, 2… and sends nothing when nothing changed', () => {
    const rows: DepthRow[] = [0, 1, 2, 3].map((i) => ({
      price: 50 - i * 0.01,
      size: 100 * (i + 1),
      marketMaker: '',
    }));
    const ops = diffSide([], rows, 1);
    expect(ops.map((o) => [o.operation, o.position])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(diffSide(rows, rows.slice(), 1)).toEqual([]);
  });

  it('shifts a book whose quote moved up a tick with one insert at the top and one delete at the bottom', () => {
    const row = (i: number): DepthRow => ({
      price: Math.round((50 - i * 0.01) * 100) / 100,
      size: 100 + i,
      marketMaker: '',
    });
    const before = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(row);
    const after = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(row);
    const ops = diffSide(before, after, 1);
    expect(ops.map((o) => [o.operation, o.position, o.price])).toEqual([
      [2, 9, 49.9],
      [0, 0, 50],
    ]);
  });

  it('keeps what its client was shown, answers RESET with 317 and the whole book, and starts empty when new', () => {
    type Book = { bids: DepthRow[]; asks: DepthRow[] };
    const rowsOf = (b: Book, side: DepthSide, n: number): DepthRow[] =>
      (side === 1 ? b.bids : b.asks).slice(0, n);
    const book = (shift: number): Book => ({
      bids: [0, 1, 2, 3, 4].map((i) => ({
        price: 10 - (i + shift) * 0.01,
        size: 100 * (i + 1),
        marketMaker: 'ARCA',
      })),
      asks: [0, 1, 2, 3, 4].map((i) => ({
        price: 10.01 + (i + shift) * 0.01,
        size: 200,
        marketMaker: 'BATS',
      })),
    });
    const view = new DepthView<Book>(3, rowsOf);
    const client = new ReferenceClient();
    client.apply(view.update(book(0)));
    client.apply(view.update(book(1)));
    expect(client.rows[1]).toEqual(book(1).bids.slice(0, 3));
    expect(view.rows(0)).toEqual(book(1).asks.slice(0, 3));
    const reset = view.reset(book(2));
    expect(reset.code).toBe(317);
    expect(reset.message).toMatch(/^Market depth data has been RESET/);
    expect(reset.ops.every((o) => o.operation === 0)).toBe(true);
    client.clear();
    client.apply(reset.ops);
    expect(client.rows).toEqual([book(2).asks.slice(0, 3), book(2).bids.slice(0, 3)]);
    // A subscription made again after a reconnect: a new view, rebuilt from empty.
    const again = new DepthView<Book>(3, rowsOf);
    expect(again.update(book(2)).map((o) => o.operation)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses a row count outside 1…MAX_DEPTH_ROWS with a typed error', () => {
    const rowsOf = (): DepthRow[] => [];
    for (const n of [0, -1, 1.5, MAX_DEPTH_ROWS + 1]) {
      expect(() => new DepthView(n, rowsOf)).toThrow(DepthError);
    }
    expect(new DepthView(MAX_DEPTH_ROWS, rowsOf).numRows).toBe(MAX_DEPTH_ROWS);
  });
});
