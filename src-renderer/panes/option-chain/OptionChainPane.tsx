// Option chain: an underlying (picked here or followed through its color group), the expiry strip with days to
// expiry, calls │ strike │ puts with bid, ask, last, volume, open interest, IV and the model greeks (the columns the
// trader chose, kept in the pane's state), the strikes by count or by standard deviation, in-the-money sides shaded
// and the at-the-money row marked, scrolled to and pinned in sight; the underlying's quote and the expiry's implied
// move on top. Only the strikes in view hold option lines, within a share of the profile's line budget that leaves
// the other panes theirs; what that pauses is said above the table. A click on a bid or an ask hands that option,
// side and price to the order ticket.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Instrument } from '../../../src-shared/domain/instrument';
import { atmIndex, type OptionStrikeRow } from '../../../src-shared/domain/option';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { DataTable } from '../../ui/DataTable';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { setAttr, setText } from '../../ui/dom-write';
import { fmtPrice, fmtSize } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import { useRowsInView } from '../../ui/use-rows-in-view';
import { useClock } from '../../ui/use-clock';
import { expiryKey } from '../../stores/options-slice';
import type { QuoteView } from '../../stores/quotes-slice';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { useLiveQuote } from '../../stores/use-conflated-quote';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { useQuoteFocus } from '../../stores/use-quote-focus';
import { ChainTools } from './ChainTools';
import {
  CHAIN_MAX_LINES,
  chainFields,
  chainLineCap,
  expiryLabel,
  impliedMoveOf,
  inTheMoney,
  linesInView,
  pausedNotice,
  stdDevMove,
  strikeFilterOf,
  strikesShown,
  yearsToExpiry,
  type ChainField,
} from './chain-view';
import './option-chain.css';

const ROW_HEIGHT = 24;
const OVERSCAN = 2;
/**
 * An option's cells repaint at most this often (as a watchlist row): a beat's ticks can reach the window in two
 * batches, and at 100 ms the second one waited up to 100 ms for its paint.
 */
const REPAINT_MS = 50;

/** Calls mirror puts around the strike, bid and ask kept in that order next to it. */
function columnsOf(fields: readonly ChainField[]) {
  const callSide = [...fields.filter((f) => f !== 'Bid' && f !== 'Ask').reverse(), 'Bid', 'Ask'] as const;
  const title = (side: string, f: string) => `${side} ${f === 'OI' ? 'OI' : f.toLowerCase()}`;
  return {
    callSide: callSide as readonly ChainField[],
    columns: [
      ...callSide.map((f) => ({ title: title('Call', f), num: true, widthEm: 5 })),
      { title: 'Strike', num: true, widthEm: 6 },
      ...fields.map((f) => ({ title: title('Put', f), num: true, widthEm: 5 })),
    ],
  };
}

const underlyingOf = (s: WatchItem | null): WatchItem | null =>
  s && (s.secType === 'STK' || s.secType === 'IND') ? s : null;

export function OptionChainPane() {
  const paneId = usePaneId();
  const picked = useAppStore((s) => symbolOf(s, paneId));
  const setSymbol = useAppStore((s) => s.setSymbol);
  const prefetch = useAppStore((s) => s.prefetchOptionChain);
  const chosen = useAppStore((s) => s.paneStates[paneId]?.config.expiry);
  const underlying = underlyingOf(picked);
  return (
    <div className="pane-body option-chain">
      <PaneToolbar label="Option chain tools">
        <SymbolPicker
          label="Underlying"
          placeholder="Underlying…"
          onPick={(item) => setSymbol(paneId, item)}
          // The chain and the rows to show are asked for while the pick's details are looked up.
          onMatch={(m) => {
            if (m.secType === 'STK' || m.secType === 'IND')
              void prefetch(m, typeof chosen === 'string' ? chosen : undefined);
          }}
        />
        <ChainTools paneId={paneId} />
      </PaneToolbar>
      {underlying ? (
        <Chain key={underlying.conId} underlying={underlying} paneId={paneId} />
      ) : (
        <p className="empty">Pick a stock or an ETF: search above, or click a watchlist or scanner row.</p>
      )}
    </div>
  );
}

function Chain({ underlying, paneId }: { underlying: WatchItem; paneId: string }) {
  const chain = useAppStore((s) => s.optionChains[underlying.conId]);
  const loadChain = useAppStore((s) => s.loadOptionChain);
  const setPaneConfig = useAppStore((s) => s.setPaneConfig);
  const chosen = useAppStore((s) => s.paneStates[paneId]?.config.expiry);
  const [held] = useMemo(() => [[underlying]], [underlying]);
  useHeldQuotes(held);
  useEffect(() => {
    void loadChain(underlying);
  }, [loadChain, underlying]);

  if (chain?.error)
    return (
      <p className="field-error">
        No option chain for {underlying.symbol}: {chain.error.message}
      </p>
    );
  const data = chain?.data;
  if (!data) return <p className="empty">Loading the option chain of {underlying.symbol}…</p>;
  const expiry =
    typeof chosen === 'string' && data.expirations.includes(chosen) ? chosen : data.expirations[0];
  return (
    <>
      <div className="expiry-strip" role="group" aria-label="Expirations">
        {data.expirations.map((e) => (
          <button
            key={e}
            type="button"
            aria-pressed={e === expiry}
            onClick={() => setPaneConfig(paneId, { expiry: e })}
          >
            {expiryLabel(e)} <span className="dim">{daysLabel(e)}</span>
          </button>
        ))}
      </div>
      {expiry && (
        // One table for every expiry (not one per expiry): a change of expiry changes the lines it holds, and
        // useHeldQuotes asks for the new expiry's lines before it lets the old ones go, so the new requests are not
        // queued behind the old expiry's cancels at TWS's pace.
        <ExpiryTable
          paneId={paneId}
          underlying={underlying}
          expiry={expiry}
          tradingClass={data.tradingClass}
        />
      )}
    </>
  );
}

/** Days to an expiry by the window's clock (the strip's label; the table shows main's count). */
function daysLabel(expiry: string): string {
  const d = Math.round(
    (Date.UTC(+expiry.slice(0, 4), +expiry.slice(4, 6) - 1, +expiry.slice(6, 8)) -
      Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())) /
      86_400_000,
  );
  return `${d}d`;
}

function ExpiryTable({
  paneId,
  underlying,
  expiry,
  tradingClass,
}: {
  paneId: string;
  underlying: WatchItem;
  expiry: string;
  tradingClass: string;
}) {
  const loaded = useAppStore((s) => s.optionExpiries[expiryKey(underlying.conId, expiry)]);
  const loadExpiry = useAppStore((s) => s.loadOptionExpiry);
  const spotQuote = useAppStore((s) => s.quotes[underlying.conId]);
  const lines = useAppStore((s) => s.gauges?.lines);
  const savedFields = useAppStore((s) => s.paneStates[paneId]?.config.columns);
  const savedStrikes = useAppStore((s) => s.paneStates[paneId]?.config.strikes);
  useEffect(() => {
    void loadExpiry(underlying, expiry, tradingClass);
  }, [loadExpiry, underlying, expiry, tradingClass]);

  const rows = useMemo(() => loaded?.data?.rows ?? [], [loaded]);
  const days = loaded?.data?.daysToExpiry ?? 0;
  const spot = spotQuote?.last ?? null;
  const fields = useMemo(() => chainFields(savedFields), [savedFields]);
  const { columns, callSide } = useMemo(() => columnsOf(fields), [fields]);

  // σ from the at-the-money option's IV (of all the rows: the filter must not move its own centre).
  const allAtm = atmIndex(rows, spot);
  const ivAtm = useAppStore((s) => {
    const r = allAtm >= 0 ? rows[allAtm] : undefined;
    const q = r?.call ? s.quotes[r.call.conId] : r?.put ? s.quotes[r.put.conId] : undefined;
    return q?.greeks?.impliedVol ?? null;
  });
  // On the expiry day σ shrinks towards the close: the pane follows the one-second clock then (only then).
  const now = useClock(days === 0);
  const sigma = stdDevMove(spot, ivAtm, yearsToExpiry(days, now));
  const filter = useMemo(() => strikeFilterOf(savedStrikes), [savedStrikes]);
  const shown = useMemo(() => strikesShown(rows, spot, filter, sigma), [rows, spot, filter, sigma]);

  const atm = atmIndex(shown, spot);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inView = useRowsInView(scrollRef, shown.length, { rowHeight: ROW_HEIGHT, overscan: OVERSCAN });
  // Rendered rows include a few above and below the box (overscan): the row is out of sight past them.
  const shownFrom = inView.from > 0 ? inView.from + OVERSCAN : 0;
  const shownTo = inView.to < shown.length ? inView.to - OVERSCAN : inView.to;
  const atmOutOfView = atm >= 0 && (atm < shownFrom || atm >= shownTo);

  // The lines this chain holds that stream, and those the budget left waiting: the rest of `used` is the others'.
  const heldIds = useRef<readonly number[]>([]);
  const own = useAppStore(
    useShallow((s) => {
      let streaming = 0;
      let noLine = 0;
      for (const id of heldIds.current) {
        if (s.quotes[id]?.state === 'no-line') noLine++;
        else streaming++;
      }
      return { streaming, noLine };
    }),
  );
  const heldByOthers = lines ? Math.max(0, lines.used - own.streaming) : 0;
  const cap = lines ? chainLineCap(lines.budget, heldByOthers) : CHAIN_MAX_LINES;
  const plan = useMemo(
    () => linesInView(shown, inView.from, inView.to, cap, atm),
    [shown, inView.from, inView.to, cap, atm],
  );
  // While the next expiry loads, the lines of the one shown stay held: released only once the new ones are asked.
  const [shownHeld, setShownHeld] = useState<{ expiry: string; held: readonly WatchItem[] }>({
    expiry,
    held: [],
  });
  if (loaded?.data && (shownHeld.expiry !== expiry || shownHeld.held !== plan.held))
    setShownHeld({ expiry, held: plan.held });
  useHeldQuotes(loaded?.data ? plan.held : shownHeld.held);
  // The chain streams what it shows, and the underlying's quote is on top: their quotes go first in a frame that
  // cannot carry every change (a beat of 500 watched stocks and 80 options changes more than one frame holds).
  useQuoteFocus(paneId, [underlying.conId, ...plan.held.map((w) => w.conId)]);
  useEffect(() => {
    heldIds.current = plan.held.map((w) => w.conId);
  }, [plan.held]);
  const notice = lines
    ? pausedNotice({
        wanted: plan.wanted,
        held: plan.held.length,
        noLine: own.noLine,
        budget: lines.budget,
        heldByOthers,
      })
    : null;

  // The at-the-money row in the middle of the view once per expiry, when both the rows and a price are known.
  const centred = useRef<string | null>(null);
  useEffect(() => {
    const el = scrollRef.current;
    if (centred.current === expiry || atm < 0 || !el || !loaded?.data) return;
    centred.current = expiry;
    el.scrollTop = Math.max(0, atm * ROW_HEIGHT - el.clientHeight / 2 + ROW_HEIGHT);
  }, [atm, expiry, loaded]);

  const atmRow = atm >= 0 ? shown[atm] : undefined;
  const atmCall = useAppStore((s) => (atmRow?.call ? s.quotes[atmRow.call.conId] : undefined));
  const atmPut = useAppStore((s) => (atmRow?.put ? s.quotes[atmRow.put.conId] : undefined));
  const move = impliedMoveOf(atmCall, atmPut, spot);

  if (loaded?.error) return <p className="field-error">{loaded.error.message}</p>;
  if (!loaded?.data) return <p className="empty">Loading {expiryLabel(expiry)}…</p>;
  const row = (r: OptionStrikeRow, i: number, pinned = false) => (
    <StrikeRow
      key={pinned ? 'pinned' : r.strike}
      row={r}
      index={i}
      itmCall={inTheMoney('C', r.strike, spot)}
      itmPut={inTheMoney('P', r.strike, spot)}
      atm={i === atm}
      pinned={pinned}
      fields={fields}
      callSide={callSide}
    />
  );
  return (
    <>
      <div className="chain-head" aria-label="Underlying and implied move" role="group">
        <strong>{underlying.symbol}</strong> <span>Last {fmtPrice(spot)}</span>{' '}
        <span className="dim">
          Bid {fmtPrice(spotQuote?.bid)} · Ask {fmtPrice(spotQuote?.ask)}
        </span>
        <span>
          {' '}
          · {days} days to {expiryLabel(expiry)} · Implied move{' '}
          <strong>{move ? `±${move.move.toFixed(2)}` : '—'}</strong>
          {move?.pct != null && ` (${move.pct.toFixed(1)}%)`}
          {sigma !== null && ` · 1σ ${sigma.toFixed(2)}`}
        </span>
        <span className="dim chain-lines">
          {' '}
          · Lines: {plan.held.length} for these strikes ·{' '}
          {lines ? `${lines.used}/${lines.budget} in use` : ''}
        </span>
      </div>
      {notice && (
        <p className="chain-paused" role="status" aria-label="Paused option lines">
          {notice}
        </p>
      )}
      <div className="table-wrap" ref={scrollRef}>
        <DataTable
          label={`Option chain ${underlying.symbol} ${expiry}`}
          className="chain-table"
          columns={columns}
          rows={shown}
          rowKey={(r) => r.strike}
          inView={inView}
          renderRow={(r, i) => row(r, i)}
          footer={atmOutOfView && atmRow ? row(atmRow, atm, true) : undefined}
        />
        {shown.length === 0 && <p className="empty">TWS lists no options for this expiry.</p>}
      </div>
    </>
  );
}

/**
 * Memoized: the table re-renders on every tick of the underlying and of the at-the-money options (the head's
 * figures), and a row changes only when its strike goes in or out of the money; its cells follow their own quotes.
 */
const StrikeRow = memo(function StrikeRow(props: {
  row: OptionStrikeRow;
  index: number;
  itmCall: boolean;
  itmPut: boolean;
  atm: boolean;
  /** The at-the-money row kept in sight under the list while it is scrolled out of view. */
  pinned: boolean;
  fields: readonly ChainField[];
  callSide: readonly ChainField[];
}) {
  const { row, atm, pinned } = props;
  return (
    <tr
      className={pinned ? 'atm pinned' : atm ? 'atm' : undefined}
      data-strike={row.strike}
      aria-rowindex={props.index + 2}
      aria-current={atm && !pinned ? 'true' : undefined}
      title={pinned ? 'At the money (pinned while scrolled out of view)' : undefined}
    >
      <Side option={row.call} right="C" itm={props.itmCall} order={props.callSide} />
      <th scope="row" className="num strike">
        {row.strike}
      </th>
      <Side option={row.put} right="P" itm={props.itmPut} order={props.fields} />
    </tr>
  );
});

function Side(props: {
  option: Instrument | null;
  right: 'C' | 'P';
  itm: boolean;
  order: readonly ChainField[];
}) {
  const { itm } = props;
  if (!props.option)
    return (
      <>
        {props.order.map((t) => (
          <td key={t} className={itm ? 'num itm' : 'num'} />
        ))}
      </>
    );
  return <OptionCells option={props.option} right={props.right} itm={itm} order={props.order} />;
}

const SIDE_BIT = { bid: 1, ask: 2 } as const;

/** Which of the option's prices are clickable (a price above 0), as SIDE_BIT bits: what a tick changes without React. */
const pricedSides = (q: QuoteView | undefined): number =>
  ((q?.bid ?? 0) > 0 ? SIDE_BIT.bid : 0) | ((q?.ask ?? 0) > 0 ? SIDE_BIT.ask : 0);

/** What a cell shows (a price cell: its button's text, or "—" when there is no price). */
function cellText(t: ChainField, q: QuoteView | undefined, tick: number | undefined): string {
  const g = q?.greeks;
  switch (t) {
    case 'Bid':
      return (q?.bid ?? 0) > 0 ? fmtPrice(q!.bid, tick) : '—';
    case 'Ask':
      return (q?.ask ?? 0) > 0 ? fmtPrice(q!.ask, tick) : '—';
    case 'Last':
      return fmtPrice(q?.last, tick);
    case 'Volume':
      return fmtSize(q?.volume);
    case 'OI':
      return fmtSize(q?.openInterest);
    case 'IV':
      return g?.impliedVol != null ? `${(g.impliedVol * 100).toFixed(1)}%` : '—';
    case 'Delta':
      return fixed(g?.delta, 2);
    case 'Gamma':
      return fixed(g?.gamma, 3);
    case 'Theta':
      return fixed(g?.theta, 2);
    case 'Vega':
      return fixed(g?.vega, 2);
  }
}

const priceLabel = (side: 'bid' | 'ask', text: string, name: string): string =>
  `${text} ${side}: ${side === 'ask' ? 'buy' : 'sell'} ${name}`;

/**
 * One option's cells. A tick writes their text (and a price button's name) straight to the DOM through
 * useLiveQuote; React renders them again only when a price button comes or goes. Measured on 2026-12-07 (npm run
 * bench -- option-chain, a CPU profile): reconciling ticking rows was most of the script of a beat.
 */
function OptionCells(props: {
  option: Instrument;
  right: 'C' | 'P';
  itm: boolean;
  order: readonly ChainField[];
}) {
  const { option, right, itm, order } = props;
  const openTicket = useAppStore((s) => s.openOptionTicket);
  const tick = option.minTick;
  const name = option.localSymbol || `${option.symbol} ${option.strike}${right}`;
  const cells = useRef<(HTMLTableCellElement | null)[]>([]);
  const rendered = useRef(0);
  const [, rerender] = useState(0);
  const live = useLiveQuote(option.conId, REPAINT_MS, (next) => {
    // Written even when React renders next (a price button comes or goes): React only touches what differs from
    // its last render, so the DOM must already hold the latest everywhere else.
    if (pricedSides(next) !== rendered.current) rerender((n) => n + 1);
    order.forEach((t, i) => {
      const td = cells.current[i];
      if (!td) return;
      if (next?.state) setAttr(td, 'data-state', next.state);
      else td.removeAttribute('data-state');
      const text = cellText(t, next, tick);
      const button = td.firstElementChild;
      setText(button ?? td, text);
      if (button) setAttr(button, 'aria-label', priceLabel(t === 'Bid' ? 'bid' : 'ask', text, name));
    });
  });
  const q = live.quote;
  const priced = pricedSides(q);
  useLayoutEffect(() => {
    rendered.current = priced;
  });
  const cell = (t: ChainField): ReactNode => {
    const text = cellText(t, q, tick);
    const side = t === 'Bid' ? 'bid' : t === 'Ask' ? 'ask' : null;
    if (side === null || !(priced & SIDE_BIT[side])) return text;
    return (
      <button
        type="button"
        className={`chain-price ${side}`}
        aria-label={priceLabel(side, text, name)}
        // The price the trader clicked: the one shown now, which a tick may have written after this render.
        onClick={() => {
          const price = live.shown()?.[side] ?? 0;
          if (price > 0) openTicket(option, side === 'ask' ? 'BUY' : 'SELL', price);
        }}
      >
        {text}
      </button>
    );
  };
  return (
    <>
      {order.map((t, i) => (
        // Each cell names its option (a strike row holds a call and a put): tests and the bench's tick → paint
        // probe find an option's cells by it, as a watchlist row's data-conid.
        <td
          key={t}
          ref={(el) => {
            cells.current[i] = el;
          }}
          className={itm ? 'num itm' : 'num'}
          data-conid={option.conId}
          data-state={q?.state}
        >
          {cell(t)}
        </td>
      ))}
    </>
  );
}

const fixed = (v: number | null | undefined, d: number): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d);
