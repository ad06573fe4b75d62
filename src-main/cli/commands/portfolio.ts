// `ibdesk positions` and `ibdesk account`: the portfolio service's positions and account values, for one account
// (--account) or all of them.
import { ALL_ACCOUNTS, inView } from '../../../src-shared/domain/accounts';
import { fmt, table } from '../../../src-shared/text-table';
import type { Trading } from '../../trading';
import { jsonAnswer, type Ctx } from '../command-context';

/** The portfolio once TWS has sent it, as seen from one account (or all of them when none is named). */
async function portfolioOf(t: Trading, account: string | undefined) {
  await t.portfolio.loaded();
  const { positions, accounts } = t.portfolio.snapshot();
  const view = account ?? ALL_ACCOUNTS;
  return { positions: inView(positions, view), accounts: inView(accounts, view) };
}

export async function positionsCommand(t: Trading, account: string | undefined, ctx: Ctx): Promise<void> {
  const { positions } = await portfolioOf(t, account);
  if (ctx.json) {
    ctx.out(jsonAnswer({ positions }));
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
  const { accounts } = await portfolioOf(t, account);
  if (ctx.json) {
    ctx.out(jsonAnswer({ accounts }));
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
