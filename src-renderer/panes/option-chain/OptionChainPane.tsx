// Option chain: an underlying (picked here or followed through its color group), the expiry strip with days to
// expiry, calls │ strike │ puts with bid, ask, last, volume, IV and the model greeks, in-the-money sides shaded and
// the at-the-money row marked and scrolled to; the underlying's quote and the expiry's implied move on top. Only
// the strikes in view hold option lines (within the profile's line budget); rows scrolled out release theirs.
// A click on a bid or an ask hands that option, side and price to the order ticket.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Instrument } from '../../../src-shared/domain/instrument';
import type { OptionStrikeRow } from '../../../src-shared/domain/option';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { DataTable } from '../../ui/DataTable';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { fmtPrice, fmtSize } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import { useRowsInView } from '../../ui/use-rows-in-view';
import { expiryKey } from '../../stores/options-slice';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { useConflatedQuote } from '../../stores/use-conflated-quote';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { atmIndex, expiryLabel, impliedMoveOf, inTheMoney, linesInView } from './chain-view';
import './option-chain.css';

const ROW_HEIGHT = 24;
/** Lines one chain may hold at most (20 strikes in view × 2): the rest of the budget stays the watchlist's. */
const CHAIN_MAX_LINES = 40;
const REPAINT_MS = 100;

const SIDE = ['Bid', 'Ask', 'Last', 'Volume', 'IV', 'Delta', 'Gamma', 'Theta', 'Vega'] as const;
/** Calls mirror puts around the strike, bid and ask kept in that order next to it. */
const CALL_SIDE = [...SIDE.slice(2).reverse(), 'Bid', 'Ask'] as const;
const COLUMNS = [
  ...CALL_SIDE.map((t) => ({ title: `Call ${t.toLowerCase()}`, num: true, widthEm: 5 })),
  { title: 'Strike', num: true, widthEm: 6 },
  ...SIDE.map((t) => ({ title: `Put ${t.toLowerCase()}`, num: true, widthEm: 5 })),
];

const underlyingOf = (s: WatchItem | null): WatchItem | null =>
  s && (s.secType === 'STK' || s.secType === 'IND') ? s : null;

export function OptionChainPane() {
  const paneId = usePaneId();
  const picked = useAppStore((s) => symbolOf(s, paneId));
  const setSymbol = useAppStore((s) => s.setSymbol);
  const underlying = underlyingOf(picked);
  return (
    <div className="pane-body option-chain">
      <PaneToolbar label="Option chain tools">
        <SymbolPicker
          label="Underlying"
          placeholder="Underlying…"
          onPick={(item) => setSymbol(paneId, item)}
        />
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
        <ExpiryTable key={expiry} underlying={underlying} expiry={expiry} tradingClass={data.tradingClass} />
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
  underlying,
  expiry,
  tradingClass,
}: {
  underlying: WatchItem;
  expiry: string;
  tradingClass: string;
}) {
  const loaded = useAppStore((s) => s.optionExpiries[expiryKey(underlying.conId, expiry)]);
  const loadExpiry = useAppStore((s) => s.loadOptionExpiry);
  const spotQuote = useAppStore((s) => s.quotes[underlying.conId]);
  const lines = useAppStore((s) => s.gauges?.lines);
  useEffect(() => {
    void loadExpiry(underlying, expiry, tradingClass);
  }, [loadExpiry, underlying, expiry, tradingClass]);

  const rows = useMemo(() => loaded?.data?.rows ?? [], [loaded]);
  const spot = spotQuote?.last ?? null;
  const atm = atmIndex(rows, spot);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inView = useRowsInView(scrollRef, rows.length, { rowHeight: ROW_HEIGHT, overscan: 2 });
  const holding = useMemo(
    () => linesInView(rows, inView.from, inView.to, CHAIN_MAX_LINES),
    [rows, inView.from, inView.to],
  );
  useHeldQuotes(holding);

  // The at-the-money row in the middle of the view once per expiry, when both the rows and a price are known.
  const centred = useRef(false);
  useEffect(() => {
    const el = scrollRef.current;
    if (centred.current || atm < 0 || !el) return;
    centred.current = true;
    el.scrollTop = Math.max(0, atm * ROW_HEIGHT - el.clientHeight / 2 + ROW_HEIGHT);
  }, [atm]);

  const atmRow = atm >= 0 ? rows[atm] : undefined;
  const atmCall = useAppStore((s) => (atmRow?.call ? s.quotes[atmRow.call.conId] : undefined));
  const atmPut = useAppStore((s) => (atmRow?.put ? s.quotes[atmRow.put.conId] : undefined));
  const move = impliedMoveOf(atmCall, atmPut, spot);

  if (loaded?.error) return <p className="field-error">{loaded.error.message}</p>;
  if (!loaded?.data) return <p className="empty">Loading {expiryLabel(expiry)}…</p>;
  return (
    <>
      <div className="chain-head" aria-label="Underlying and implied move" role="group">
        <strong>{underlying.symbol}</strong> <span>Last {fmtPrice(spot)}</span>{' '}
        <span className="dim">
          Bid {fmtPrice(spotQuote?.bid)} · Ask {fmtPrice(spotQuote?.ask)}
        </span>
        <span>
          {' '}
          · {loaded.data.daysToExpiry} days to {expiryLabel(expiry)} · Implied move{' '}
          <strong>{move ? `±${move.move.toFixed(2)}` : '—'}</strong>
          {move?.pct != null && ` (${move.pct.toFixed(1)}%)`}
        </span>
        <span className="dim chain-lines">
          {' '}
          · Lines: {holding.length} for these strikes · {lines ? `${lines.used}/${lines.budget} in use` : ''}
        </span>
      </div>
      <div className="table-wrap" ref={scrollRef}>
        <DataTable
          label={`Option chain ${underlying.symbol} ${expiry}`}
          className="chain-table"
          columns={COLUMNS}
          rows={rows}
          rowKey={(r) => r.strike}
          inView={inView}
          renderRow={(r, i) => <StrikeRow key={r.strike} row={r} index={i} spot={spot} atm={i === atm} />}
        />
        {rows.length === 0 && <p className="empty">TWS lists no options for this expiry.</p>}
      </div>
    </>
  );
}

function StrikeRow(props: { row: OptionStrikeRow; index: number; spot: number | null; atm: boolean }) {
  const { row, spot, atm } = props;
  return (
    <tr
      className={atm ? 'atm' : undefined}
      data-strike={row.strike}
      aria-rowindex={props.index + 2}
      aria-current={atm ? 'true' : undefined}
    >
      <Side option={row.call} right="C" strike={row.strike} spot={spot} />
      <th scope="row" className="num strike">
        {row.strike}
      </th>
      <Side option={row.put} right="P" strike={row.strike} spot={spot} />
    </tr>
  );
}

function Side(props: { option: Instrument | null; right: 'C' | 'P'; strike: number; spot: number | null }) {
  const itm = inTheMoney(props.right, props.strike, props.spot);
  if (!props.option)
    return (
      <>
        {SIDE.map((t) => (
          <td key={t} className={itm ? 'num itm' : 'num'} />
        ))}
      </>
    );
  return <OptionCells option={props.option} right={props.right} itm={itm} />;
}

function OptionCells({ option, right, itm }: { option: Instrument; right: 'C' | 'P'; itm: boolean }) {
  const q = useConflatedQuote(option.conId, REPAINT_MS);
  const openTicket = useAppStore((s) => s.openOptionTicket);
  const g = q?.greeks;
  const tick = option.minTick;
  const name = option.localSymbol || `${option.symbol} ${option.strike}${right}`;
  const priceButton = (side: 'bid' | 'ask') => {
    const price = q?.[side] ?? null;
    if (price === null || price <= 0) return '—';
    const action = side === 'ask' ? 'BUY' : 'SELL';
    return (
      <button
        type="button"
        className={`chain-price ${side}`}
        aria-label={`${fmtPrice(price, tick)} ${side}: ${action === 'BUY' ? 'buy' : 'sell'} ${name}`}
        onClick={() => openTicket(option, action, price)}
      >
        {fmtPrice(price, tick)}
      </button>
    );
  };
  const cells: Record<(typeof SIDE)[number], ReactNode> = {
    Bid: priceButton('bid'),
    Ask: priceButton('ask'),
    Last: fmtPrice(q?.last, tick),
    Volume: fmtSize(q?.volume),
    IV: g?.impliedVol != null ? `${(g.impliedVol * 100).toFixed(1)}%` : '—',
    Delta: fixed(g?.delta, 2),
    Gamma: fixed(g?.gamma, 3),
    Theta: fixed(g?.theta, 2),
    Vega: fixed(g?.vega, 2),
  };
  const order = right === 'C' ? CALL_SIDE : SIDE;
  return (
    <>
      {order.map((t) => (
        <td key={t} className={itm ? 'num itm' : 'num'} data-state={q?.state}>
          {cells[t]}
        </td>
      ))}
    </>
  );
}

const fixed = (v: number | null | undefined, d: number): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d);
