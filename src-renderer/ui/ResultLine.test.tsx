// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from '../../tests/support/renderer/render';
import { ResultLine } from './ResultLine';

describe('ResultLine', () => {
  it('says nothing without an outcome, and names the outcome it shows', () => {
    expect(render(<ResultLine result={null} label="Order result" />).innerHTML).toBe('');
    const ok = render(<ResultLine result={{ ok: true, text: 'Order 1 sent' }} label="Order result" />);
    const line = ok.querySelector('[role="status"]')!;
    expect(line.getAttribute('aria-label')).toBe('Order result');
    expect(line.className).toBe('ticket-result ok');
    expect(line.textContent).toBe('Order 1 sent');
    const bad = render(<ResultLine result={{ ok: false, text: 'Not saved' }} label="Hotkeys result" />);
    expect(bad.querySelector('[role="status"]')!.className).toBe('ticket-result error');
  });
});
