import { describe, expect, it } from 'vitest';
import { item } from '../../../tests/support/renderer/fixtures';
import { buildTicket, initialForm } from './ticket-form';
import { nextStep, placeOutcome, startFlow, ticketFlow } from './ticket-flow';
import type { TicketEvent, TicketFlow } from './ticket-flow';

/** BUY 10 AAPL LMT @ 100, DAY, as the ticket's form builds it. */
const built = buildTicket({ ...initialForm(100, 0.01), quantity: '10' }, item(1, 'AAPL'), 'BUY');
if (!built.ok) throw new Error('the test ticket does not build');
const ticket = built.ticket;

const run = (state: TicketFlow, ...events: TicketEvent[]) => events.reduce(ticketFlow, state);

describe('ticket flow', () => {
  it('starts seeded when a price was known, and otherwise fills the empty prices from the first one, once', () => {
    expect(startFlow(initialForm(100, 0.01)).seeded).toBe(true);
    const empty = startFlow(initialForm(null, 0.01));
    expect(empty).toMatchObject({
      seeded: false,
      pending: null,
      liveAsk: null,
      sending: false,
      result: null,
    });
    const typedStop = run(empty, { type: 'edit', field: 'stopPrice', value: '49' });
    const seeded = run(typedStop, { type: 'seed', reference: 50.004, minTick: 0.01 });
    expect(seeded.form).toMatchObject({ limitPrice: '50', stopPrice: '49' });
    expect(seeded.seeded).toBe(true);
    // A later price changes nothing (the same state comes back).
    expect(run(seeded, { type: 'seed', reference: 70, minTick: 0.01 })).toBe(seeded);
  });

  it('an edit clears that field’s message only', () => {
    const s = run(startFlow(initialForm(100, 0.01)), {
      type: 'invalid',
      errors: { quantity: 'quantity is required', limitPrice: 'limit price must be a number' },
    });
    const edited = run(s, { type: 'edit', field: 'quantity', value: '5' });
    expect(edited.form.quantity).toBe('5');
    expect(edited.errors).toEqual({ limitPrice: 'limit price must be a number' });
    // Editing a field without a message keeps the messages as they are.
    expect(run(edited, { type: 'edit', field: 'bracket', value: true }).errors).toBe(edited.errors);
  });

  it('a ticket that does not build shows its field messages and drops the last result', () => {
    const s = run(
      startFlow(initialForm(100, 0.01)),
      { type: 'placed', text: 'Order 1 sent' },
      {
        type: 'invalid',
        errors: { quantity: 'quantity is required' },
      },
    );
    expect(s.result).toBeNull();
    expect(s.errors).toEqual({ quantity: 'quantity is required' });
  });

  it('routes a valid ticket: the live confirmation first, then the trader’s confirmation, else straight out', () => {
    expect(nextStep({ live: true, liveConfirmed: false, confirmOrders: false })).toBe('ask-live');
    expect(nextStep({ live: true, liveConfirmed: true, confirmOrders: true })).toBe('confirm');
    expect(nextStep({ live: false, liveConfirmed: false, confirmOrders: true })).toBe('confirm');
    expect(nextStep({ live: false, liveConfirmed: false, confirmOrders: false })).toBe('send');
  });

  it('confirms, sends and shows the answer', () => {
    const start = run(startFlow(initialForm(100, 0.01)), { type: 'invalid', errors: { quantity: 'x' } });
    const asked = run(start, { type: 'submitted', ticket, step: 'confirm' });
    expect(asked).toMatchObject({ pending: ticket, errors: {}, sending: false });
    expect(run(asked, { type: 'close-confirm' }).pending).toBeNull();
    const sending = run(asked, { type: 'confirmed' });
    expect(sending).toMatchObject({ pending: null, sending: true });
    expect(run(sending, { type: 'placed', text: 'Order 7 sent' })).toMatchObject({
      sending: false,
      result: { ok: true, text: 'Order 7 sent' },
    });
    const refused = run(sending, {
      type: 'refused',
      errors: { limitPrice: 'off the grid' },
      text: 'Not sent',
    });
    expect(refused).toMatchObject({
      sending: false,
      errors: { limitPrice: 'off the grid' },
      result: { ok: false, text: 'Not sent' },
    });
    expect(run(start, { type: 'submitted', ticket, step: 'send' })).toMatchObject({
      pending: null,
      errors: {},
      sending: true,
    });
  });

  it('asks a live profile for the typed account id first, then goes on as the trader set it', () => {
    const start = run(startFlow(initialForm(100, 0.01)), { type: 'type-live', typed: 'old' });
    const asked = run(start, { type: 'submitted', ticket, step: 'ask-live' });
    expect(asked).toMatchObject({ liveAsk: ticket, typed: '', pending: null, sending: false });
    const typed = run(asked, { type: 'type-live', typed: 'U9' });
    const refused = run(typed, { type: 'live-refused', message: 'Type the account id U123' });
    expect(refused).toMatchObject({ liveAsk: ticket, errors: { typed: 'Type the account id U123' } });
    expect(run(refused, { type: 'live-allowed', ticket, step: 'confirm' })).toMatchObject({
      liveAsk: null,
      pending: ticket,
      sending: false,
    });
    expect(run(refused, { type: 'live-allowed', ticket, step: 'send' })).toMatchObject({
      liveAsk: null,
      pending: null,
      sending: true,
    });
    expect(run(asked, { type: 'close-live' }).liveAsk).toBeNull();
  });

  it('words what main answered: the order ids and main’s warnings, or why not with each field’s message', () => {
    expect(
      placeOutcome({ ok: true, value: { orderIds: [7, 8], warnings: ['outside RTH'] } }, ticket, 'AAPL'),
    ).toEqual({
      type: 'placed',
      text: 'Order 7, 8 sent: BUY 10 AAPL LMT @ 100 · DAY (outside RTH)',
    });
    expect(
      placeOutcome(
        {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'Ticket refused',
            issues: [{ path: 'bracket.stopLoss', message: 'below the entry' }],
          },
        },
        ticket,
        'AAPL',
      ),
    ).toEqual({ type: 'refused', errors: { stopLoss: 'below the entry' }, text: 'Not sent: Ticket refused' });
    expect(
      placeOutcome(
        { ok: false, error: { code: 'IB_REJECTED', message: 'No trading permission', twsCode: 201 } },
        ticket,
        'AAPL',
      ),
    ).toEqual({ type: 'refused', errors: {}, text: 'Not sent: No trading permission (TWS 201)' });
  });
});
