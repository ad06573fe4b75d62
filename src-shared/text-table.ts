// Plain-text tables (right-aligned numbers, a header and a rule) and their number cells: what `ibdesk` prints,
// what result.txt holds and what the paper suite writes. Pure, so either process may use it.

export type Column<T> = { title: string; value: (row: T) => string; align?: 'left' | 'right' };

export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i]!.length)));
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, i))
      .join('  ')
      .trimEnd();
  return (
    [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
      '\n',
    ) + '\n'
  );
}

/** A number with a fixed number of decimals, or "-" when unknown. */
export function fmt(n: number | null | undefined, decimals = 2): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(decimals);
}

/** Volume-like counts with thousands separators. */
export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '-' : Math.round(n).toLocaleString('en-US');
}

export function fmtPct(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '-' : `${n >= 0 ? '+' : ''}${n.toFixed(2)}%`;
}
