// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changedInstrument, createInstrumentLookup } from './cells';

/** A watchlist (rows named by conId, clock columns) and an option chain (cells named by conId) side by side. */
function page(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `
    <table aria-label="Watchlist Bench"><thead><tr><th>Symbol</th><th>Last</th><th>Age</th></tr></thead>
      <tbody><tr data-conid="265598"><td>AAPL</td><td id="last">190.10</td><td id="age">1s</td></tr></tbody></table>
    <table class="chain-table"><thead><tr><th>Call bid</th><th>Strike</th><th>Put bid</th><th>Put ask</th></tr></thead>
      <tbody><tr data-strike="190"><td data-conid="1901" id="call"><button>1.20</button></td>
        <th id="strike">190</th><td data-conid="1902" id="put">1.10</td><td id="empty"></td></tr></tbody></table>`;
  document.body.replaceChildren(root);
  return root;
}

const at = (root: HTMLElement, id: string) => root.querySelector(`#${id}`)!;

describe('changedInstrument', () => {
  it('names the watchlist row’s instrument, not for its clock cells', () => {
    const root = page();
    expect(changedInstrument(at(root, 'last').firstChild!)).toBe(265598);
    expect(changedInstrument(at(root, 'age').firstChild!)).toBeNull();
  });

  it('names the option of a chain cell: the call’s on the call side, the put’s on the put side', () => {
    const root = page();
    expect(changedInstrument(at(root, 'call').querySelector('button')!.firstChild!)).toBe(1901);
    expect(changedInstrument(at(root, 'put'))).toBe(1902);
    // The strike and a side with no option name none.
    expect(changedInstrument(at(root, 'strike').firstChild!)).toBeNull();
    expect(changedInstrument(at(root, 'empty'))).toBeNull();
  });

  it('counts only changes inside the scope when given one', () => {
    const root = page();
    expect(changedInstrument(at(root, 'last').firstChild!, 'table.chain-table')).toBeNull();
    expect(changedInstrument(at(root, 'put'), 'table.chain-table')).toBe(1902);
  });

  it('a lookup answers as changedInstrument, and reads the conId again when a cell is re-keyed in place', () => {
    const root = page();
    const lookup = createInstrumentLookup('table.chain-table');
    const nodes = ['last', 'put', 'strike', 'empty'].map((id) => at(root, id).firstChild ?? at(root, id));
    const call = at(root, 'call').querySelector('button')!.firstChild!;
    for (const n of [...nodes, call]) expect(lookup(n)).toBe(changedInstrument(n, 'table.chain-table'));
    at(root, 'call').setAttribute('data-conid', '1911');
    expect(lookup(call)).toBe(1911);
    expect(lookup(call)).toBe(1911);
  });
});
