// Carries out the order actions of hotkeys and of the Actions menu for the symbol they were asked for: buy / sell
// at the quote and flatten go through the ticket's own sender (the confirmation setting, the live account's typed
// confirmation, the precautionary limits main applies, disabled with the reason when TWS is not ready); cancels go
// through the blotter's cancel. What happened is said in a status line.
import { useEffect, useState } from 'react';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import type { ActionRequest } from '../../stores/hotkeys-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { OrderDialogs } from '../order-entry/TicketDialogs';
import { buildTicket, initialForm, type TicketInput } from '../order-entry/ticket-form';
import { useOrderInstrument } from '../order-entry/use-order-instrument';
import { useOrderSender } from '../order-entry/use-order-sender';
import { planOrderAction } from './hotkey-orders';

export function HotkeyRunner() {
  const request = useAppStore((s) => s.actionRequest);
  const [last, setLast] = useState<ActionRequest | null>(null);
  if (request && request.seq !== last?.seq) setLast(request);
  if (!last) return null;
  if (!last.symbol)
    return (
      <Status text="No symbol to trade: pick one in a linked pane (a watchlist row) or in the active pane" />
    );
  return <RunFor key={last.seq} request={last} symbol={last.symbol} />;
}

function Status({ text }: { text: string }) {
  return (
    <p className="hotkey-result" role="status" aria-label="Hotkey result">
      {text}
    </p>
  );
}

type Step =
  | { kind: 'note'; text: string }
  | { kind: 'cancel'; orderIds: number[] }
  | { kind: 'send'; ticket: TicketInput };

function RunFor({ request, symbol }: { request: ActionRequest; symbol: WatchItem }) {
  const store = useAppStoreApi();
  const { minTick, check, addressed } = useOrderInstrument(symbol);
  const sender = useOrderSender(symbol.symbol, () => initialForm(null, minTick));
  // What the request does is decided once, from the state when it ran.
  const [step] = useState((): Step => {
    const s = store.getState();
    const position = (s.portfolio?.positions ?? [])
      .filter((p) => p.contract.conId === symbol.conId)
      .reduce((n, p) => n + p.position, 0);
    const plan = planOrderAction(request.action, {
      symbol: symbol.symbol,
      conId: symbol.conId,
      quote: s.quotes[symbol.conId],
      minTick,
      orders: Object.values(s.orders),
      position,
    });
    if (plan.kind === 'refused') return { kind: 'note', text: `Nothing sent: ${plan.reason}` };
    if (sender.blocked) return { kind: 'note', text: `Nothing sent: ${sender.blocked}` };
    if (plan.kind === 'cancel') return plan;
    const built = buildTicket(plan.form, symbol, plan.action);
    if (!built.ok) return { kind: 'note', text: `Nothing sent: ${Object.values(built.errors).join('; ')}` };
    return { kind: 'send', ticket: addressed(built.ticket) };
  });
  const [cancelNote, setCancelNote] = useState<string | null>(null);

  // Acts once per request: the component is keyed by it, and takeAction refuses a second run.
  useEffect(() => {
    const s = store.getState();
    if (!s.takeAction(request.seq)) return;
    if (step.kind === 'send') sender.submit(step.ticket);
    if (step.kind !== 'cancel') return;
    void Promise.all(step.orderIds.map((id) => s.cancelOrder(id))).then((results) => {
      const failed = results.find((r) => !r.ok);
      setCancelNote(
        failed && !failed.ok
          ? `Not cancelled: ${failed.error.message}`
          : `Cancel of order ${step.orderIds.join(', ')} sent`,
      );
    });
    // The sender is this request's own: nothing else starts it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text =
    (step.kind === 'note' ? step.text : cancelNote) ??
    sender.flow.result?.text ??
    (sender.flow.sending ? 'Sending…' : null);
  return (
    <>
      {text && <Status text={text} />}
      <OrderDialogs sender={sender} symbol={symbol} notional={(t) => check(t).notional} />
    </>
  );
}
