// Ladder (BookTrader-like): a price column on the tick grid centred on the last trade (re-centre with C or the
// button, auto-centre as an option), bid and ask size per price from the depth book, the volume traded at each price
// (from the symbol's time & sales, which the ladder holds: the trades before it opened, then every trade), the
// trader's working orders at their prices. A click on the bid side buys at that price, on the ask side sells (limit; Shift makes it a stop), a
// click on an order cancels it, dragging it to another price modifies it (the blotter's modify path). Orders go through the ticket's own sender, so the confirmation setting, the
// precautionary limits (main refuses with the reason) and the live-account guard apply, and every action is
// disabled with the reason when TWS is not ready.
import { useEffect, useRef, useState } from 'react';
import type { DragEvent, MouseEvent } from 'react';
import type { Order, OrderAction } from '../../../src-shared/domain/order';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { fmtMoney, fmtPrice, fmtSize, signClass } from '../../ui/format';
import { SymbolPane } from '../../ui/SymbolPane';
import { ResultLine } from '../../ui/ResultLine';
import { OrderDialogs } from '../order-entry/TicketDialogs';
import { buildTicket, initialForm } from '../order-entry/ticket-form';
import { useOrderInstrument } from '../order-entry/use-order-instrument';
import { useOrderSender } from '../order-entry/use-order-sender';
import { centrePrice, dragModify, ladderRows, QUANTITY_PRESETS, recentred, tickIndex } from './ladder-view';
import './ladder.css';

/** Rows above and below the centre. */
const HALF = 15;
/** What a dragged order carries: its id. */
const DRAG_TYPE = 'application/x-ibdesk-order';

export function LadderPane() {
  return (
    <SymbolPane
      label="Ladder symbol"
      className="ladder"
      body={(symbol) => <LadderBody key={symbol.conId} symbol={symbol} />}
    />
  );
}

function LadderBody({ symbol }: { symbol: WatchItem }) {
  const store = useAppStoreApi();
  const book = useAppStore((s) => s.books[symbol.conId]);
  const depthError = useAppStore((s) => s.depthErrors[symbol.conId]);
  const volume = useAppStore((s) => s.tapeVolumes[symbol.conId]);
  const orders = useAppStore((s) => s.orders);
  const positions = useAppStore((s) => s.portfolio?.positions);
  const cancelOrder = useAppStore((s) => s.cancelOrder);
  const modifyOrder = useAppStore((s) => s.modifyOrder);
  const [modifyText, setModifyText] = useState<string | null>(null);
  const { quote, minTick, check, addressed } = useOrderInstrument(symbol);
  const sender = useOrderSender(symbol.symbol, () => initialForm(null, minTick));
  const { blocked, flow } = sender;
  const [quantity, setQuantity] = useState(100);
  const [auto, setAuto] = useState(true);
  const [centre, setCentre] = useState<number | null>(null);
  const [cancelText, setCancelText] = useState<string | null>(null);
  useEffect(() => store.getState().acquireDepth(symbol), [store, symbol]);
  useEffect(() => store.getState().acquireTape(symbol), [store, symbol]);
  // "Re-centre the ladder" (a hotkey or the Actions menu) re-centres every ladder on screen.
  const recentreSeq = useAppStore((s) => s.recentreSeq);
  const [seenRecentre, setSeenRecentre] = useState(recentreSeq);

  // The centre row is kept in the middle of the scroll area whenever the centre moves.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>('tr.centre');
    if (!box || !row) return;
    box.scrollTop = row.offsetTop - box.clientHeight / 2 + row.offsetHeight / 2;
  }, [centre]);

  const c = centrePrice(quote);
  const target = c === null ? null : tickIndex(c, minTick);
  const forced = recentreSeq !== seenRecentre;
  if (forced) setSeenRecentre(recentreSeq);
  const next = forced ? target : auto || centre === null ? recentred(centre, target, HALF) : centre;
  if (next !== centre) setCentre(next);

  const position = (positions ?? [])
    .filter((p) => p.contract.conId === symbol.conId)
    .reduce((a, p) => ({ qty: a.qty + p.position, pnl: a.pnl + (p.unrealizedPnl ?? 0) }), { qty: 0, pnl: 0 });

  function trade(action: OrderAction, price: number, e: MouseEvent): void {
    if (blocked) return;
    const form = {
      ...initialForm(price, minTick),
      quantity: String(quantity),
      orderType: e.shiftKey ? ('STP' as const) : ('LMT' as const),
    };
    const built = buildTicket(form, symbol, action);
    if (!built.ok) return sender.dispatch({ type: 'invalid', errors: built.errors });
    sender.submit(addressed(built.ticket));
  }

  function cancel(o: Order): void {
    if (blocked) return;
    void cancelOrder(o.orderId).then((r) =>
      setCancelText(r.ok ? `Cancel of order ${o.orderId} sent` : `Not cancelled: ${r.error.message}`),
    );
  }

  /** An order dropped on a price row: moved there through the blotter's modify (main checks it as any modify). */
  function drop(e: DragEvent, price: number): void {
    const id = Number(e.dataTransfer.getData(DRAG_TYPE));
    const o = orders[id];
    if (blocked || !o) return;
    e.preventDefault();
    const m = dragModify(o, price, minTick);
    if (!m) return;
    const at = fmtPrice(price, minTick);
    void modifyOrder(m).then((r) =>
      setModifyText(r.ok ? `Order ${o.orderId} moved to ${at}` : `Not modified: ${r.error.message}`),
    );
  }

  const rows =
    centre === null
      ? []
      : ladderRows({
          centre,
          half: HALF,
          minTick,
          book,
          orders: Object.values(orders),
          conId: symbol.conId,
          last: quote?.last ?? null,
          volume,
        });
  const bookNote = depthError ?? book?.note;
  const orderCell = (list: Order[], side: string) =>
    list.map((o) => (
      <button
        key={o.orderId}
        type="button"
        className={`ladder-order ladder-order-${side}`}
        disabled={!!blocked}
        draggable={!blocked}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, String(o.orderId));
          e.dataTransfer.effectAllowed = 'move';
        }}
        aria-label={`Cancel order ${o.orderId}: ${o.action} ${o.remaining} ${o.orderType}`}
        title={`Click to cancel order ${o.orderId}, drag it to another price to move it`}
        onClick={() => cancel(o)}
      >
        {o.remaining}
        {o.orderType === 'LMT' ? '' : ` ${o.orderType}`}
      </button>
    ));

  /** A bid or ask size cell: a click buys (bid) or sells (ask) the preset quantity at its price. */
  const sideCell = (side: 'bid' | 'ask', size: number | null, label: string, price: number) => {
    const action: OrderAction = side === 'bid' ? 'BUY' : 'SELL';
    return (
      <td className={side}>
        <button
          type="button"
          disabled={!!blocked || flow.sending}
          aria-label={`${side === 'bid' ? 'Buy' : 'Sell'} ${quantity} at ${label}`}
          onClick={(e) => trade(action, price, e)}
        >
          {fmtSize(size)}
        </button>
      </td>
    );
  };

  return (
    <div
      className="ladder-body"
      onKeyDown={(e) => {
        if (e.key.toLowerCase() !== 'c' || e.ctrlKey || e.metaKey || e.altKey) return;
        if ((e.target as HTMLElement).closest('input, select, textarea')) return;
        e.preventDefault();
        setCentre(target);
      }}
    >
      <div className="ladder-head">
        <strong>{symbol.symbol}</strong>
        <span aria-label="Position">
          Position <span className={signClass(position.qty)}>{position.qty}</span>
        </span>
        <span aria-label="Unrealized PnL">
          PnL <span className={signClass(position.pnl)}>{fmtMoney(position.pnl, symbol.currency)}</span>
        </span>
        <span className={`ladder-state ${book?.state ?? 'pending'}`}>Book {book?.state ?? 'pending'}</span>
      </div>
      <div className="ladder-tools" role="group" aria-label="Ladder tools">
        <span role="radiogroup" aria-label="Quantity">
          {QUANTITY_PRESETS.map((q) => (
            <button
              key={q}
              type="button"
              role="radio"
              aria-checked={quantity === q}
              className={quantity === q ? 'on' : ''}
              onClick={() => setQuantity(q)}
            >
              {q}
            </button>
          ))}
        </span>
        <button type="button" onClick={() => setCentre(target)} title="C" aria-keyshortcuts="C">
          Re-centre
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
          Auto-centre
        </label>
      </div>
      {blocked && (
        <p className="ticket-blocked" role="note" aria-label="Ladder disabled">
          Trading from the ladder is disabled: {blocked}
        </p>
      )}
      {bookNote && <p className="ladder-note">{bookNote}</p>}
      <div className="ladder-scroll" ref={scroller}>
        <table className="ladder-table" data-conid={symbol.conId} aria-label={`${symbol.symbol} ladder`}>
          <thead>
            <tr>
              <th scope="col">Buys</th>
              <th scope="col">Bid size</th>
              <th scope="col">Price</th>
              <th scope="col">Ask size</th>
              <th scope="col">Sells</th>
              <th scope="col" title="Shares traded at each price since the ladder's trades began">
                Volume
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const p = fmtPrice(r.price, minTick);
              const cls = [r.last ? 'last' : '', i === HALF ? 'centre' : ''].join(' ').trim();
              return (
                <tr
                  key={r.price}
                  className={cls || undefined}
                  onDragOver={(e) => {
                    if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
                  }}
                  onDrop={(e) => drop(e, r.price)}
                >
                  <td className="orders buy">{orderCell(r.buys, 'buy')}</td>
                  {sideCell('bid', r.bidSize, p, r.price)}
                  <th scope="row" className="price">
                    {p}
                  </th>
                  {sideCell('ask', r.askSize, p, r.price)}
                  <td className="orders sell">{orderCell(r.sells, 'sell')}</td>
                  <td className="volume">{r.volume === null ? '' : fmtSize(r.volume)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {flow.errors.form && <p className="field-error">{flow.errors.form}</p>}
      <ResultLine result={flow.result} label="Order result" />
      {modifyText && (
        <p className="dim" role="status" aria-label="Modify result">
          {modifyText}
        </p>
      )}
      {cancelText && (
        <p className="dim" role="status" aria-label="Cancel result">
          {cancelText}
        </p>
      )}
      <OrderDialogs sender={sender} symbol={symbol} notional={(t) => check(t).notional} />
    </div>
  );
}
