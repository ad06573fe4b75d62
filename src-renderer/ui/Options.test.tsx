// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from '../../tests/support/renderer/render';
import { CodeOptions, ListOptions, Options } from './Options';

const options = (host: HTMLElement) =>
  [...host.querySelectorAll('option')].map((o) => [o.value, o.textContent]);

describe('Options', () => {
  it('lists plain values as they are', () => {
    const host = render(
      <select>
        <Options values={['DAY', 'GTC']} />
      </select>,
    );
    expect(options(host)).toEqual([
      ['DAY', 'DAY'],
      ['GTC', 'GTC'],
    ]);
  });

  it('lists TWS code/name pairs by name, valued by code', () => {
    const host = render(
      <select>
        <CodeOptions items={[{ code: 'STK.US.MAJOR', name: 'US Stocks' }]} />
      </select>,
    );
    expect(options(host)).toEqual([['STK.US.MAJOR', 'US Stocks']]);
  });

  it('lists any items through their value and label, in order', () => {
    const items = [
      { kind: 'sma', name: 'SMA' },
      { kind: 'ema', name: 'EMA' },
    ];
    const host = render(
      <select>
        <ListOptions items={items} value={(i) => i.kind} label={(i) => `${i.name} (${i.kind})`} />
      </select>,
    );
    expect(options(host)).toEqual([
      ['sma', 'SMA (sma)'],
      ['ema', 'EMA (ema)'],
    ]);
  });
});
