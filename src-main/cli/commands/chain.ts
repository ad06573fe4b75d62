// `ibdesk chain SYMBOL [--expiry YYYYMMDD] [--strikes N]`: an expiry of the underlying's option chain (the nearest
// one unless asked), the N strikes nearest the money with each side's quote, volume, open interest, IV and model
// greeks, printed as a table (or JSON) and written to result.txt or --out. The option lines are held only until
// every one has quoted (or 15 s), inside the profile's line budget.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Expiry, nearestStrikes, type OptionStrikeRow } from '../../../src-shared/domain/option';
import type { Quote } from '../../../src-shared/domain/quote';
import { fmt, fmtInt, table, type Column } from '../../../src-shared/text-table';
import type { ResolvedContract } from '../../ib/adapter';
import type { Trading } from '../../trading';
import { jsonAnswer, resolveSymbol, str, type Ctx, type Plan, type Values } from '../command-context';
import { CliError, EXIT } from '../exit';

const MAX_STRIKES = 40;
const QUOTES_WITHIN_MS = 15_000;

type Side = { conId: number; localSymbol: string; quote: Quote | null } | null;
type Row = { strike: number; call: Side; put: Side };

export function chainCommand(args: string[], o: Values, ctx: Ctx): Plan {
  const symbol = args[0];
  if (!symbol) throw new CliError(EXIT.usage, 'chain needs a symbol');
  const strikes = Number(str(o.strikes) ?? '10');
  if (!Number.isInteger(strikes) || strikes < 1 || strikes > MAX_STRIKES)
    throw new CliError(EXIT.usage, `--strikes must be 1…${MAX_STRIKES}`);
  const wanted = str(o.expiry);
  if (wanted !== undefined && !Expiry.safeParse(wanted).success)
    throw new CliError(EXIT.usage, '--expiry must be YYYYMMDD');
  const outFile = path.resolve(ctx.io.cwd, str(o.out) ?? 'result.txt');

  return async (t) => {
    const u = await resolveSymbol(t, symbol);
    const chain = await t.options.chain({ conId: u.conId, symbol: u.symbol });
    const expiry = wanted ?? chain.expirations[0];
    if (!expiry || !chain.expirations.includes(expiry))
      throw new CliError(
        EXIT.usage,
        `${u.symbol} has no options expiring ${expiry ?? '(none listed)'}; TWS lists ${chain.expirations.slice(0, 12).join(', ')}`,
      );
    const e = await t.options.expiry({ ...u, expiry, tradingClass: chain.tradingClass });
    const spot = (await t.marketData.snapshot(u)).last;
    const rows = await quoted(t, nearestStrikes(e.rows, spot, strikes));
    const head = `${u.symbol} ${expiry} (${e.daysToExpiry} days) · last ${fmt(spot)} · multiplier ${e.multiplier} · ${chain.tradingClass}`;
    const text = ctx.json
      ? jsonAnswer({
          symbol: u.symbol,
          expiry,
          daysToExpiry: e.daysToExpiry,
          spot,
          multiplier: e.multiplier,
          rows,
        })
      : `${head}\n\n${table(rows, COLUMNS)}`;
    ctx.out(text);
    await writeFile(outFile, text, 'utf8');
    if (!ctx.json)
      ctx.io.stderr.write(`${rows.length} strikes of ${u.symbol} ${expiry} written to ${outFile}\n`);
  };
}

/** Holds the rows' option lines until each has a quote with greeks (or the time is up), then lets them go. */
async function quoted(t: Trading, rows: readonly OptionStrikeRow[]): Promise<Row[]> {
  const options = rows.flatMap((r) => [r.call, r.put]).filter((x) => x !== null);
  const contracts: ResolvedContract[] = options.map((i) => ({
    conId: i.conId,
    symbol: i.symbol,
    secType: 'OPT',
    exchange: 'SMART',
    currency: i.currency,
  }));
  const holder = { key: 'cli-chain', clientId: 'cli' };
  t.marketData.subscribe(holder, contracts);
  const ready = (q: Quote | undefined) =>
    q !== undefined && (q.state === 'error' || q.state === 'no-line' || (q.greeks != null && q.bid !== null));
  const deadline = Date.now() + QUOTES_WITHIN_MS;
  while (Date.now() < deadline && !contracts.every((c) => ready(t.marketData.quote(c.conId))))
    await new Promise((r) => setTimeout(r, 100));
  const side = (i: OptionStrikeRow['call']): Side =>
    i && { conId: i.conId, localSymbol: i.localSymbol, quote: t.marketData.quote(i.conId) ?? null };
  const out = rows.map((r) => ({ strike: r.strike, call: side(r.call), put: side(r.put) }));
  t.marketData.unsubscribe(
    holder,
    contracts.map((c) => c.conId),
  );
  return out;
}

const VALUES: [string, (q: Quote) => string][] = [
  ['Bid', (q) => fmt(q.bid)],
  ['Ask', (q) => fmt(q.ask)],
  ['Last', (q) => fmt(q.last)],
  ['Vol', (q) => fmtInt(q.volume)],
  ['OI', (q) => fmtInt(q.openInterest)],
  ['IV', (q) => (q.greeks?.impliedVol != null ? `${(q.greeks.impliedVol * 100).toFixed(1)}%` : '-')],
  ['Delta', (q) => fmt(q.greeks?.delta)],
  ['Gamma', (q) => fmt(q.greeks?.gamma, 3)],
  ['Theta', (q) => fmt(q.greeks?.theta)],
  ['Vega', (q) => fmt(q.greeks?.vega)],
];

const sideColumns = (label: 'C' | 'P', pick: (r: Row) => Side): Column<Row>[] =>
  VALUES.map(([title, value]) => ({
    title: `${label} ${title}`,
    align: 'right' as const,
    value: (r: Row) => {
      const s = pick(r);
      return s?.quote ? value(s.quote) : '-';
    },
  }));

/** Calls on the left (mirrored, bid and ask next to the strike), puts on the right, as the chain pane shows them. */
const calls = sideColumns('C', (r) => r.call);
const COLUMNS: Column<Row>[] = [
  ...calls.slice(2).reverse(),
  ...calls.slice(0, 2),
  { title: 'Strike', align: 'right', value: (r) => String(r.strike) },
  ...sideColumns('P', (r) => r.put),
];
