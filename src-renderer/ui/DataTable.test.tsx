// @vitest-environment happy-dom
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from '../../tests/support/renderer/render';
import { DataCells, DataTable, type Column } from './DataTable';
import { useRowsInView } from './use-rows-in-view';

type Fill = { id: number; symbol: string; pnl: number };

const COLUMNS: readonly Column<Fill>[] = [
  { title: 'Symbol', rowHeader: true, cell: (f) => f.symbol },
  { title: 'PnL', num: true, className: (f) => (f.pnl < 0 ? 'down' : 'up'), cell: (f) => f.pnl.toFixed(2) },
  { title: 'Note', className: 'dim', cell: () => 'ok' },
  { title: 'Actions', titleHidden: true, cell: (f) => <button type="button">Close {f.symbol}</button> },
];

const fills = (n: number): Fill[] =>
  Array.from({ length: n }, (_, i) => ({ id: i, symbol: `S${i}`, pnl: i % 2 ? -i : i }));

const texts = (els: NodeListOf<Element>) => [...els].map((e) => e.textContent);

/** What every table of these tests shares: its name, two fills, keyed by id. */
const twoFills = { label: 'Fills', rows: fills(2), rowKey: (f: Fill) => f.id };

describe('DataTable', () => {
  it('is a real table named by its label, with a column header per column and a cell per column in each row', () => {
    const host = render(
      <DataTable label="Fills" columns={COLUMNS} rows={fills(3)} rowKey={(f) => f.id} className="fills" />,
    );
    const table = host.querySelector('table')!;
    expect(table.getAttribute('aria-label')).toBe('Fills');
    expect(table.className).toBe('grid fills');
    expect(texts(table.querySelectorAll('thead th[scope="col"]'))).toEqual([
      'Symbol',
      'PnL',
      'Note',
      'Actions',
    ]);
    // A hidden title still names the column for a screen reader.
    expect(table.querySelector('thead th:last-child .sr-only')?.textContent).toBe('Actions');
    expect(table.querySelector('thead th:nth-child(2)')?.className).toBe('num');
    expect(texts(table.querySelectorAll('tbody th[scope="row"]'))).toEqual(['S0', 'S1', 'S2']);
    const second = table.querySelectorAll('tbody tr')[1]!;
    expect([...second.children].map((c) => [c.tagName, c.className, c.textContent])).toEqual([
      ['TH', '', 'S1'],
      ['TD', 'num down', '-1.00'],
      ['TD', 'dim', 'ok'],
      ['TD', '', 'Close S1'],
    ]);
    // Not virtual: no row count or positions, no column widths.
    expect(table.hasAttribute('aria-rowcount')).toBe(false);
    expect(table.querySelector('colgroup')).toBeNull();
  });

  it('puts each row’s own attributes on its <tr>', () => {
    const host = render(
      <DataTable
        {...twoFills}
        columns={COLUMNS}
        rowProps={(f, i) => ({ className: `row-${i}`, 'data-fill': f.id })}
      />,
    );
    const rows = host.querySelectorAll('tbody tr');
    expect([...rows].map((r) => [r.className, r.getAttribute('data-fill')])).toEqual([
      ['row-0', '0'],
      ['row-1', '1'],
    ]);
  });

  it('lets a row component of its own render the same cells, and fixes column widths when given', () => {
    const sized: Column<Fill>[] = COLUMNS.map((c, i) => ({ ...c, widthEm: i + 1 }));
    const host = render(
      <DataTable
        {...twoFills}
        columns={sized}
        renderRow={(f) => (
          <tr data-own="yes">
            <DataCells columns={sized} row={{ ...f, symbol: `${f.symbol}!` }} />
          </tr>
        )}
      />,
    );
    expect(texts(host.querySelectorAll('tbody tr[data-own="yes"] th'))).toEqual(['S0!', 'S1!']);
    expect([...host.querySelectorAll('col')].map((c) => (c as HTMLElement).style.width)).toEqual([
      '1em',
      '2em',
      '3em',
      '4em',
    ]);
  });

  it('renders only the rows in view plus the overscan, with spacers keeping the height and each row’s position', () => {
    function Scrolling() {
      const scrollRef = useRef<HTMLDivElement>(null);
      const inView = useRowsInView(scrollRef, 100, { rowHeight: 24, overscan: 3 });
      return (
        <div
          ref={(el) => {
            // happy-dom lays nothing out: give the scroller the height of five rows.
            if (el) Object.defineProperty(el, 'clientHeight', { value: 120, configurable: true });
            scrollRef.current = el;
          }}
        >
          <DataTable label="Fills" columns={COLUMNS} rows={fills(100)} rowKey={(f) => f.id} inView={inView} />
        </div>
      );
    }
    const host = render(<Scrolling />);
    const table = host.querySelector('table')!;
    expect(table.getAttribute('aria-rowcount')).toBe('101');
    expect(table.querySelector('thead tr')?.getAttribute('aria-rowindex')).toBe('1');
    const rows = [...table.querySelectorAll('tbody tr:not(.spacer-row)')];
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(fills(8).map((f) => f.symbol));
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual([
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    const spacers = table.querySelectorAll('tbody tr.spacer-row');
    expect(spacers).toHaveLength(1);
    expect(spacers[0]!.getAttribute('aria-hidden')).toBe('true');
    const cell = spacers[0]!.querySelector('td')!;
    expect(cell.colSpan).toBe(COLUMNS.length);
    expect(cell.style.height).toBe(`${(100 - 8) * 24}px`);
  });
});
