// TWS depth-stream semantics: a subscriber holds rows by side and position (0 = best), and TWS moves it from one
// book to the next with insert (0, rows at ≥ position shift down), update (1) and delete (2, rows below shift up)
// operations (MARKET_DEPTH 12 / MARKET_DEPTH_L2 13; side 0 = ask, 1 = bid). diffSide computes the fewest such
// operations (an edit distance where an update may change price, size and market maker at once) and orders them
// deletes first, so a client's book never holds more rows than it was asked for; the first snapshot is inserts
// 0…n-1, as ib_async and stoqey expect (protocol-depth-ticks.md §0.3, §3.3). DepthView keeps what one
// subscription was shown and handles error 317 (RESET: the client empties its book, the rows are sent again).

/** One row of a depth subscription. `marketMaker` is '' for single-exchange depth (MARKET_DEPTH 12). */
export interface DepthRow {
  readonly price: number;
  readonly size: number;
  readonly marketMaker: string;
}

/** TWS side codes: 0 ask, 1 bid. */
export type DepthSide = 0 | 1;

/** TWS operation codes: 0 insert, 1 update, 2 delete. */
type DepthOperation = 0 | 1 | 2;

/** One depth message's payload. A delete carries the deleted row's price, size and market maker. */
export interface DepthOp {
  readonly position: number;
  readonly operation: DepthOperation;
  readonly side: DepthSide;
  readonly price: number;
  readonly size: number;
  readonly marketMaker: string;
}

export class DepthError extends Error {
  constructor(
    readonly code: 'BAD_NUM_ROWS',
    message: string,
  ) {
    super(message);
    this.name = 'DepthError';
  }
}

/** The most rows a subscription may ask for (TWS's own cap is unconfirmed; the demo's books are ≤ ~60 rows). */
export const MAX_DEPTH_ROWS = 100;

export function sameRow(a: DepthRow, b: DepthRow): boolean {
  return a.price === b.price && a.size === b.size && a.marketMaker === b.marketMaker;
}

/** Edit-distance table, reused (the middle of a diff is at most MAX_DEPTH_ROWS a side). */
let table = new Int32Array((MAX_DEPTH_ROWS + 1) * (MAX_DEPTH_ROWS + 1));

/**
 * The fewest insert/update/delete operations that turn `prev` into `next` for a client applying them in order.
 * Deletes come first (highest position first), then updates and inserts from the top down.
 */
export function diffSide(
  prev: readonly DepthRow[],
  next: readonly DepthRow[],
  side: DepthSide,
  out: DepthOp[] = [],
): DepthOp[] {
  const m = prev.length;
  const n = next.length;
  let p0 = 0;
  while (p0 < m && p0 < n && sameRow(prev[p0] as DepthRow, next[p0] as DepthRow)) p0++;
  let s = 0;
  while (s < m - p0 && s < n - p0 && sameRow(prev[m - 1 - s] as DepthRow, next[n - 1 - s] as DepthRow)) s++;
  const a = m - p0 - s;
  const b = n - p0 - s;
  if (a === 0 && b === 0) return out;
  if (a === 0) {
    for (let j = 0; j < b; j++) out.push(op(p0 + j, 0, side, next[p0 + j] as DepthRow));
    return out;
  }
  if (b === 0) {
    for (let i = a - 1; i >= 0; i--) out.push(op(p0 + i, 2, side, prev[p0 + i] as DepthRow));
    return out;
  }
  // D[i][j] = cost of turning prev[p0 .. p0+i) into next[p0 .. p0+j).
  const w = b + 1;
  if (table.length < (a + 1) * w) table = new Int32Array((a + 1) * w);
  const D = table;
  for (let j = 0; j <= b; j++) D[j] = j;
  for (let i = 1; i <= a; i++) {
    const row = i * w;
    D[row] = i;
    const pr = prev[p0 + i - 1] as DepthRow;
    for (let j = 1; j <= b; j++) {
      const sub = (D[row - w + j - 1] as number) + (sameRow(pr, next[p0 + j - 1] as DepthRow) ? 0 : 1);
      const del = (D[row - w + j] as number) + 1;
      const ins = (D[row + j - 1] as number) + 1;
      D[row + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  // Walk back: for each target row, which previous row (or none) it comes from; previous rows left over go.
  const from = new Int32Array(b).fill(-1);
  const kept = new Uint8Array(a);
  let i = a;
  let j = b;
  while (i > 0 || j > 0) {
    const here = D[i * w + j] as number;
    if (i > 0 && j > 0) {
      const same = sameRow(prev[p0 + i - 1] as DepthRow, next[p0 + j - 1] as DepthRow);
      if (here === (D[(i - 1) * w + j - 1] as number) + (same ? 0 : 1)) {
        from[j - 1] = i - 1;
        kept[i - 1] = 1;
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && here === (D[(i - 1) * w + j] as number) + 1) {
      i--;
      continue;
    }
    j--;
  }
  for (let k = a - 1; k >= 0; k--) {
    if (!kept[k]) out.push(op(p0 + k, 2, side, prev[p0 + k] as DepthRow));
  }
  for (let k = 0; k < b; k++) {
    const target = next[p0 + k] as DepthRow;
    const src = from[k] as number;
    if (src < 0) out.push(op(p0 + k, 0, side, target));
    else if (!sameRow(prev[p0 + src] as DepthRow, target)) out.push(op(p0 + k, 1, side, target));
  }
  return out;
}

function op(position: number, operation: DepthOperation, side: DepthSide, row: DepthRow): DepthOp {
  return { position, operation, side, price: row.price, size: row.size, marketMaker: row.marketMaker };
}

/** Rows of each side of a book as one subscription sees them (at most `numRows` a side, best first). */
export type RowsOf<B> = (book: B, side: DepthSide, numRows: number) => DepthRow[];

/** The RESET notice TWS sends before a depth subscription's rows are re-sent (ERR_MSG 4, code 317). */
const DEPTH_RESET = {
  code: 317,
  message:
    'Market depth data has been RESET. Please empty deep book contents before applying any new entries.',
} as const;

/**
 * One depth subscription: what its client was shown, and the operations that bring it to a new book. A new view
 * starts empty, so a subscription made after a reconnect is rebuilt from inserts.
 */
export class DepthView<B> {
  private shown: [DepthRow[], DepthRow[]] = [[], []];

  constructor(
    readonly numRows: number,
    private readonly rowsOf: RowsOf<B>,
  ) {
    if (!Number.isInteger(numRows) || numRows < 1 || numRows > MAX_DEPTH_ROWS) {
      throw new DepthError(
        'BAD_NUM_ROWS',
        `numRows must be an integer from 1 to ${MAX_DEPTH_ROWS}: ${numRows}`,
      );
    }
  }

  /** The rows the client holds now (side 0 ask, 1 bid). */
  rows(side: DepthSide): readonly DepthRow[] {
    return this.shown[side];
  }

  /** Operations from what was shown to `book` (asks first, then bids); the first call yields inserts only. */
  update(book: B): DepthOp[] {
    const out: DepthOp[] = [];
    for (const side of [0, 1] as const) {
      const next = this.rowsOf(book, side, this.numRows);
      diffSide(this.shown[side], next, side, out);
      this.shown[side] = next;
    }
    return out;
  }

  /** Error 317 then the whole book again: the client empties its rows on the notice, then applies the inserts. */
  reset(book: B): { code: 317; message: string; ops: DepthOp[] } {
    this.shown = [[], []];
    return { code: DEPTH_RESET.code, message: DEPTH_RESET.message, ops: this.update(book) };
  }
}
