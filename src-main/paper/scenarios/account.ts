// The account before the trading scenarios and after them: values and positions through the contract, and the
// suite's promise that a position it opened and closed is back where it was.
import { paperScenario } from '../context';
import { accountLine, positionOf } from '../observe';
import { money } from '../report';

export const accountBefore = paperScenario(
  { id: 'account-before', title: 'Positions and account summary (before)', needs: ['connect'] },
  async ({ driver: d, state }, note) => {
    // The contract has no "loaded" signal: the portfolio service's own one says the first values are in.
    await d.trading.portfolio.loaded(30_000);
    const snap = await d.until(
      () => {
        const s = d.trading.portfolio.snapshot();
        const first = s.accounts.find((a) => a.account === state.accounts[0]);
        return first && first.netLiquidation !== null ? s : null;
      },
      `the account summary of ${state.accounts[0]}`,
      30_000,
    );
    const viaContract = await d.call('portfolio.get', {});
    state.before = viaContract;
    for (const a of state.accounts) note(accountLine(viaContract, a));
    if (snap.accounts.length === 0) throw new Error('no account values');
  },
);

export const accountAfter = paperScenario(
  { id: 'account-after', title: 'Positions and account summary (after)', needs: ['account-before'] },
  async ({ driver: d, state }, note) => {
    await d.trading.portfolio.loaded(30_000);
    const snap = await d.call('portfolio.get', {});
    state.after = snap;
    for (const a of state.accounts) note(accountLine(snap, a));
    const first = snap.accounts.find((a) => a.account === state.accounts[0]);
    if (!first || first.netLiquidation === null)
      throw new Error(`no account summary for ${state.accounts[0]}`);
    const stock = state.stock;
    if (stock && state.before) {
      const b = positionOf(state.before, state.accounts[0]!, stock.conId);
      const a = positionOf(snap, state.accounts[0]!, stock.conId);
      note(`${stock.symbol} position before ${b}, after ${a}`);
      if (state.netShares === 0 && a !== b)
        throw new Error(
          `the ${stock.symbol} position changed from ${b} to ${a} although the suite closed what it bought`,
        );
    }
    const nb = state.before?.accounts.find((a) => a.account === state.accounts[0])?.netLiquidation ?? null;
    if (nb !== null)
      note(
        `net liquidation ${money(nb)} → ${money(first.netLiquidation)} (${money(first.netLiquidation - nb)})`,
      );
  },
);
