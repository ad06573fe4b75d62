// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { item } from '../../../tests/support/renderer/fixtures';
import { click, typeInto } from '../../../tests/support/renderer/input';
import { render } from '../../../tests/support/renderer/render';
import { ConfirmOrderDialog, LiveTradingDialog } from './TicketDialogs';
import type { TicketInput } from './ticket-form';

const sell: TicketInput = { contract: item(1, 'AAPL'), action: 'SELL', quantity: 5, orderType: 'MKT' };

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('ticket dialogs', () => {
  it('the confirmation shows the ticket and its value, and sends or cancels', () => {
    const calls: string[] = [];
    const host = render(
      <ConfirmOrderDialog
        ticket={sell}
        summary="SELL 5 AAPL MKT · DAY"
        notional={937.5}
        currency="USD"
        onSend={() => calls.push('send')}
        onClose={() => calls.push('close')}
      />,
    );
    expect(host.querySelector('h2')?.textContent).toBe('Confirm order');
    expect(host.querySelector('.confirm-summary.sell')?.textContent).toBe('SELL 5 AAPL MKT · DAY');
    expect(host.textContent).toContain('Estimated value: 937.50 USD');
    expect(button(host, 'Send order').className).toBe('sell');
    click(button(host, 'Send order'));
    click(button(host, 'Cancel'));
    expect(calls).toEqual(['send', 'close']);
  });

  it('the confirmation is empty without a ticket', () => {
    const host = render(
      <ConfirmOrderDialog
        ticket={null}
        summary=""
        notional={null}
        currency="USD"
        onSend={() => {}}
        onClose={() => {}}
      />,
    );
    expect(host.querySelector('.confirm-summary')).toBeNull();
  });

  it('the live confirmation names the account, takes the typed id and shows why it was refused', () => {
    const calls: string[] = [];
    const host = render(
      <LiveTradingDialog
        open
        account="U123"
        typed="U12"
        errors={{ typed: 'Type the account id U123' }}
        onType={(t) => calls.push(`type ${t}`)}
        onAllow={() => calls.push('allow')}
        onClose={() => calls.push('close')}
      />,
    );
    expect(host.textContent).toContain('on account U123');
    const field = host.querySelector('input')!;
    expect(field.value).toBe('U12');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('.field-error')?.textContent).toBe('Type the account id U123');
    typeInto(field, 'U123');
    click(button(host, 'Allow live orders'));
    click(button(host, 'Cancel'));
    expect(calls).toEqual(['type U123', 'allow', 'close']);
  });
});
