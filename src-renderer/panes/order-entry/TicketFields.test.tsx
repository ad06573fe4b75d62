// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { click, typeInto } from '../../../tests/support/renderer/input';
import { render } from '../../../tests/support/renderer/render';
import { initialForm, type TicketForm } from './ticket-form';
import { TicketFields } from './TicketFields';

function mount(
  patch: Partial<TicketForm>,
  opts: { errors?: Record<string, string>; accounts?: string[] } = {},
) {
  const edits: [string, unknown][] = [];
  const picked: string[] = [];
  const host = render(
    <TicketFields
      form={{ ...initialForm(100, 0.05), ...patch }}
      errors={opts.errors ?? {}}
      minTick={0.05}
      accounts={opts.accounts ?? null}
      account={opts.accounts?.[1]}
      onAccount={(a) => picked.push(a)}
      edit={(k, v) => edits.push([k, v])}
    />,
  );
  const labels = () => [...host.querySelectorAll('label')].map((l) => l.firstChild?.textContent?.trim());
  const input = (label: string) =>
    [...host.querySelectorAll('label')]
      .find((l) => l.firstChild?.textContent?.trim() === label)!
      .querySelector('input, select') as HTMLInputElement;
  return { host, edits, picked, labels, input };
}

describe('ticket fields', () => {
  it('shows the prices the order type needs, stepping by the min tick', () => {
    expect(mount({ orderType: 'MKT' }).labels()).not.toContain('Limit price');
    const stpLmt = mount({ orderType: 'STP LMT' });
    expect(stpLmt.labels()).toEqual(expect.arrayContaining(['Limit price', 'Stop price']));
    expect(stpLmt.input('Limit price').step).toBe('0.05');
    expect(stpLmt.input('Quantity')).toMatchObject({ step: '1', min: '1' });
    const trail = mount({ orderType: 'TRAIL', trailMode: 'percent' });
    expect(trail.labels()).toEqual(expect.arrayContaining(['Trail by', 'Trailing percent']));
    expect(trail.input('Trailing percent').step).toBe('0.1');
    expect(mount({ orderType: 'TRAIL' }).input('Trailing amount').step).toBe('0.05');
    expect(mount({ bracket: true }).labels()).toEqual(expect.arrayContaining(['Take-profit', 'Stop-loss']));
  });

  it('hands every edit to the flow by field', () => {
    const { input, edits, host } = mount({});
    typeInto(input('Limit price'), '101.5');
    typeInto(input('Order type') as unknown as HTMLSelectElement, 'STP');
    click(host.querySelector('input[type="checkbox"]')!);
    expect(edits).toEqual([
      ['limitPrice', '101.5'],
      ['orderType', 'STP'],
      ['outsideRth', true],
    ]);
  });

  it('marks a field with its message, and asks for the account only when TWS manages several', () => {
    const { input, host } = mount({}, { errors: { quantity: 'quantity is required' } });
    expect(input('Quantity').getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector(`#${input('Quantity').getAttribute('aria-describedby')}`)?.textContent).toBe(
      'quantity is required',
    );
    expect(mount({}).labels()).not.toContain('Account');
    const two = mount({}, { accounts: ['DU1', 'DU2'] });
    expect((two.input('Account') as unknown as HTMLSelectElement).value).toBe('DU2');
    typeInto(two.input('Account') as unknown as HTMLSelectElement, 'DU1');
    expect(two.picked).toEqual(['DU1']);
  });
});
