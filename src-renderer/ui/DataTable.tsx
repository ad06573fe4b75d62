// The one grid every pane shows rows in: a real <table> with column headers (screen readers and the E2E tests find
// cells by them), driven by a list of columns. Big lists render only the rows in view (see use-rows-in-view.ts),
// and a row that subscribes to its own data (a quote) renders itself with the same columns through `renderRow` +
// <DataCells>.
import type { HTMLAttributes, Key, ReactNode } from 'react';
import type { RowsInView } from './use-rows-in-view';
import './data-table.css';

/** What the header row needs of a column. */
type ColumnHead = {
  /** What the header says (and the column's key). */
  title: string;
  /** The title is for screen readers only (a column of buttons). */
  titleHidden?: boolean;
  /** Numbers: right-aligned. */
  num?: boolean;
  /** Width under a fixed table layout (em): a changed cell then lays out itself, not every column. */
  widthEm?: number;
};

export type Column<R> = ColumnHead & {
  /** The cell names its row (<th scope="row">). */
  rowHeader?: boolean;
  /** The cell's class, for every row or per row (sign colours, dim text…). */
  className?: string | ((row: R) => string);
  cell(row: R): ReactNode;
};

/** What a row's <tr> carries besides its cells: class, data attributes, click and keyboard handlers. */
type RowProps = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number };

type Common<R> = {
  label: string;
  rows: readonly R[];
  rowKey(row: R): Key;
  /** The table's own class besides `grid`. */
  className?: string;
  /** Only these rows are rendered (a long list); each row then says where it is in the whole list. */
  inView?: RowsInView;
  /** Rows kept under the list (<tfoot>): a row pinned in sight while the list scrolls. */
  footer?: ReactNode;
};

export type DataTableProps<R> = Common<R> &
  (
    | {
        // The rows say what R is; cells and rowProps are then checked against it.
        columns: readonly Column<NoInfer<R>>[];
        rowProps?(row: R, index: number): RowProps;
        renderRow?: undefined;
      }
    | {
        /** The columns' cells are the row component's: it renders <tr> and <DataCells> with its own data. */
        columns: readonly ColumnHead[];
        renderRow(row: R, index: number): ReactNode;
        rowProps?: undefined;
      }
  );

/** A cell's class: its column's (for this row) and `num` for numbers. */
export function cellClass<R>(col: Column<R>, row: R): string | undefined {
  const own = typeof col.className === 'function' ? col.className(row) : col.className;
  const cls = col.num ? (own ? `num ${own}` : 'num') : own;
  return cls || undefined;
}

/** A row's cells, by the table's columns. */
export function DataCells<R>({ columns, row }: { columns: readonly Column<R>[]; row: R }) {
  return (
    <>
      {columns.map((col) =>
        col.rowHeader ? (
          <th key={col.title} scope="row" className={cellClass(col, row)}>
            {col.cell(row)}
          </th>
        ) : (
          <td key={col.title} className={cellClass(col, row)}>
            {col.cell(row)}
          </td>
        ),
      )}
    </>
  );
}

function Row<R>({ table, row, index }: { table: DataTableProps<R>; row: R; index: number }) {
  if (table.renderRow) return table.renderRow(row, index);
  return (
    // Rows in view only: each says where it is in the whole list (the header row is 1).
    <tr aria-rowindex={table.inView ? index + 2 : undefined} {...table.rowProps?.(row, index)}>
      <DataCells columns={table.columns} row={row} />
    </tr>
  );
}

function SpacerRow({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}

function AllRows<R>({ table }: { table: DataTableProps<R> }) {
  return (
    <tbody>
      {table.rows.map((row, i) => (
        <Row key={table.rowKey(row)} table={table} row={row} index={i} />
      ))}
    </tbody>
  );
}

function SomeRows<R>({ table, inView }: { table: DataTableProps<R>; inView: RowsInView }) {
  const span = table.columns.length;
  const shown = [];
  for (let i = inView.from; i < Math.min(inView.to, table.rows.length); i++) {
    const row = table.rows[i]!;
    shown.push(<Row key={table.rowKey(row)} table={table} row={row} index={i} />);
  }
  return (
    <tbody>
      <SpacerRow height={inView.padTop} span={span} />
      {shown}
      <SpacerRow height={inView.padBottom} span={span} />
    </tbody>
  );
}

export function DataTable<R>(props: DataTableProps<R>) {
  const { label, columns, rows, className, inView } = props;
  const fixed = columns.some((c) => c.widthEm !== undefined);
  return (
    <table
      className={className ? `grid ${className}` : 'grid'}
      aria-label={label}
      aria-rowcount={inView ? rows.length + 1 : undefined}
    >
      {fixed && (
        <colgroup>
          {columns.map((c) => (
            <col key={c.title} style={c.widthEm !== undefined ? { width: `${c.widthEm}em` } : undefined} />
          ))}
        </colgroup>
      )}
      <thead>
        <tr aria-rowindex={inView ? 1 : undefined}>
          {columns.map((c) => (
            <th key={c.title} scope="col" className={c.num ? 'num' : undefined}>
              {c.titleHidden ? <span className="sr-only">{c.title}</span> : c.title}
            </th>
          ))}
        </tr>
      </thead>
      {inView ? <SomeRows table={props} inView={inView} /> : <AllRows table={props} />}
      {props.footer && <tfoot>{props.footer}</tfoot>}
    </table>
  );
}
