// `ibdesk positions` and `ibdesk account`: the portfolio service's positions and account values, for one account
// (--account) or all of them.
import { ALL_ACCOUNTS, inView } from '../../../src-shared/domain/accounts';
import { fmt, table } from '../../../src-shared/text-table';
import type { Trading } from '../../trading';
import type { Ctx } from '../command-context';

export async function positionsCommand(t: Trading, account: string | undefined, ctx: Ctx): Promise<void> {
  await t.portfolio.loaded();
  const positions = inView(t.portfolio.snapshot().positions, account ?? ALL_ACCOUNTS);
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ ok: true, positions }, null, 2)}\n`);
    return;
  }
  ctx.out(
    table(positions, [
      { title: 'Account', value: (p) => p.account },
      { title: 'Symbol', value: (p) => p.contract.symbol },
      { title: 'Position', value: (p) => String(p.position), align: 'right' },
      { title: 'Avg cost', value: (p) => fmt(p.avgCost), align: 'right' },
      { title: 'Market value', value: (p) => fmt(p.marketValue), align: 'right' },
      { title: 'Unrealized', value: (p) => fmt(p.unrealizedPnl), align: 'right' },
    ]),
  );
}

export async function accountCommand(t: Trading, account: string | undefined, ctx: Ctx): Promise<void> {
  await t.portfolio.loaded();
  const accounts = inView(t.portfolio.snapshot().accounts, account ?? ALL_ACCOUNTS);
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ ok: true, accounts }, null, 2)}\n`);
    return;
  }
  for (const a of accounts) {
    ctx.out(`Account ${a.account} (${a.currency})\n`);
    const rows = [
      ['Net liquidation', a.netLiquidation],
      ['Buying power', a.buyingPower],
      ['Available funds', a.availableFunds],
      ['Total cash', a.totalCash],
      ['Gross position value', a.grossPositionValue],
      ['Daily P&L', a.dailyPnl],
      ['Unrealized P&L', a.unrealizedPnl],
      ['Realized P&L', a.realizedPnl],
    ] as const;
    ctx.out(
      table(rows, [
        { title: 'Value', value: (r) => r[0] },
        { title: 'Amount', value: (r) => fmt(r[1]), align: 'right' },
      ]),
    );
  }
}
