// The order ticket's flow as one pure reducer: the trader's edits, the first price filling the empty prices, a
// ticket refused before sending, the confirmation and the live-account confirmation it may need first, sending,
// and what came back. The pane dispatches events and carries out the sending itself (placeOrder, confirmLive).
import type { PlaceResult } from '../../../src-shared/domain/order';
import type { Result } from '../../../src-shared/result';
import { withoutKey } from '../../stores/records';
import { fieldMessages, fmtError } from '../../ui/format';
import { seedPrices, ticketSummary, type TicketForm, type TicketInput } from './ticket-form';

export type TicketFlow = {
  form: TicketForm;
  /** The empty prices were filled from the first price seen (once: the quote often comes after the ticket). */
  seeded: boolean;
  /** Messages per field (names as in TicketForm, `form` for the whole ticket, `typed` for the live dialog). */
  errors: Readonly<Record<string, string>>;
  /** A ticket waiting for the trader's confirmation. */
  pending: TicketInput | null;
  /** A ticket waiting for the live account's typed confirmation (then for its own confirmation, if asked). */
  liveAsk: TicketInput | null;
  /** What the trader typed in the live confirmation. */
  typed: string;
  result: { ok: boolean; text: string } | null;
  sending: boolean;
};

/** What a valid ticket needs before it goes: the live confirmation, the trader's confirmation, or nothing. */
export type TicketStep = 'ask-live' | 'confirm' | 'send';

export type TicketEvent =
  | { type: 'edit'; field: keyof TicketForm; value: TicketForm[keyof TicketForm] }
  | { type: 'seed'; reference: number; minTick: number }
  /** The ticket did not build: the field errors, and no result line. */
  | { type: 'invalid'; errors: Record<string, string> }
  | { type: 'submitted'; ticket: TicketInput; step: TicketStep }
  /** Send pressed in the confirmation. */
  | { type: 'confirmed' }
  | { type: 'close-confirm' }
  | { type: 'type-live'; typed: string }
  | { type: 'live-refused'; message: string }
  | { type: 'live-allowed'; ticket: TicketInput; step: Exclude<TicketStep, 'ask-live'> }
  | { type: 'close-live' }
  | { type: 'placed'; text: string }
  | { type: 'refused'; errors: Record<string, string>; text: string };

export function startFlow(form: TicketForm): TicketFlow {
  return {
    form,
    seeded: form.limitPrice !== '',
    errors: {},
    pending: null,
    liveAsk: null,
    typed: '',
    result: null,
    sending: false,
  };
}

/** Where a valid ticket goes next. */
export function nextStep(opts: {
  live: boolean;
  liveConfirmed: boolean;
  confirmOrders: boolean;
}): TicketStep {
  if (opts.live && !opts.liveConfirmed) return 'ask-live';
  return opts.confirmOrders ? 'confirm' : 'send';
}

function withoutError(errors: TicketFlow['errors'], field: string): TicketFlow['errors'] {
  return errors[field] ? withoutKey(errors, field) : errors;
}

export function ticketFlow(state: TicketFlow, event: TicketEvent): TicketFlow {
  switch (event.type) {
    case 'edit':
      return {
        ...state,
        form: { ...state.form, [event.field]: event.value },
        errors: withoutError(state.errors, event.field),
      };
    case 'seed':
      if (state.seeded) return state;
      return { ...state, seeded: true, form: seedPrices(state.form, event.reference, event.minTick) };
    case 'invalid':
      return { ...state, errors: event.errors, result: null };
    case 'submitted':
      if (event.step === 'ask-live') return { ...state, errors: {}, typed: '', liveAsk: event.ticket };
      if (event.step === 'confirm') return { ...state, errors: {}, pending: event.ticket };
      return { ...state, errors: {}, sending: true };
    case 'confirmed':
      return { ...state, pending: null, sending: true };
    case 'close-confirm':
      return { ...state, pending: null };
    case 'type-live':
      return { ...state, typed: event.typed };
    case 'live-refused':
      return { ...state, errors: { typed: event.message } };
    case 'live-allowed':
      return event.step === 'confirm'
        ? { ...state, liveAsk: null, pending: event.ticket }
        : { ...state, liveAsk: null, sending: true };
    case 'close-live':
      return { ...state, liveAsk: null };
    case 'placed':
      return { ...state, sending: false, result: { ok: true, text: event.text } };
    case 'refused':
      return { ...state, sending: false, errors: event.errors, result: { ok: false, text: event.text } };
  }
}

/** What main answered to a sent ticket, as the event that shows it: the order ids, or why not with the fields. */
export function placeOutcome(r: Result<PlaceResult>, ticket: TicketInput, symbol: string): TicketEvent {
  if (r.ok) {
    const warnings = r.value.warnings.length ? ` (${r.value.warnings.join('; ')})` : '';
    return {
      type: 'placed',
      text: `Order ${r.value.orderIds.join(', ')} sent: ${ticketSummary(ticket, symbol)}${warnings}`,
    };
  }
  return { type: 'refused', errors: fieldMessages(r.error), text: `Not sent: ${fmtError(r.error)}` };
}
