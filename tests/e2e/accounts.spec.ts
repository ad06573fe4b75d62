// Several accounts in Chromium through the web host, whose embedded demo gateway manages two
// (`--demo-accounts`): the status bar's account selector switches Positions (and Account) between them and is
// remembered across a reload; the ticket's account field places an order into the second account. A login with
// one account shows no selector. Screenshots of each step are kept (the status bar one on its own).
import type { Locator, Page } from '@playwright/test';
import { region, searchSymbol } from './support/actions';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;
const A1 = 'DU1111111';
const A2 = 'DU2222222';

async function connected(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected', {
    timeout: LIVE_TIMEOUT,
  });
}

async function shot(target: Page | Locator, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await target.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

async function show(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name, exact: true }).click();
  const r = region(page, name);
  await expect(r).toBeVisible();
  return r;
}

/** Puts a symbol on the linked panes (the ticket among them) through Ctrl+K. */
async function pick(page: Page, symbol: string): Promise<void> {
  await searchSymbol(page, symbol, LIVE_TIMEOUT);
  await expect(region(page, 'Order entry').getByRole('form', { name: 'Order ticket' })).toContainText(symbol);
}

/** Buys at market from the ticket, into `account`, through the confirmation. */
async function buy(page: Page, symbol: string, qty: number, account: string): Promise<void> {
  await pick(page, symbol);
  const form = region(page, 'Order entry').getByRole('form', { name: 'Order ticket' });
  await form.getByRole('combobox', { name: 'Account' }).selectOption(account);
  await form.getByRole('combobox', { name: 'Order type' }).selectOption('MKT');
  await form.getByRole('spinbutton', { name: 'Quantity' }).fill(String(qty));
  await form.getByRole('button', { name: 'Buy' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(confirm).toContainText(`BUY ${qty} ${symbol} MKT · DAY · account ${account}`);
  await shot(page, `confirm-${symbol}-${account}`);
  await confirm.getByRole('button', { name: 'Send order' }).click();
  await expect(form.getByRole('status', { name: 'Order result' })).toContainText('sent', {
    timeout: LIVE_TIMEOUT,
  });
}

const positionSymbols = (positions: Locator) =>
  positions.getByRole('table', { name: 'Positions' }).locator('tbody th').allInnerTexts();

test.describe('a login with two accounts', () => {
  test.use({ hostArgs: ['--demo-accounts', `${A1},${A2}`] });

  test('the status bar selector switches Positions between accounts; the ticket trades the second', async ({
    app: page,
  }) => {
    test.setTimeout(120_000);
    await connected(page);
    const statusBar = page.getByRole('contentinfo');
    const selector = statusBar.getByRole('combobox', { name: 'Account' });
    await expect(selector).toHaveValue('all');
    await expect(selector.getByRole('option')).toHaveText(['All accounts (2)', A1, A2]);
    await shot(statusBar, 'status-bar-selector');

    // The ticket starts on the first account; an order into the first, then one into the second.
    const form = region(page, 'Order entry').getByRole('form', { name: 'Order ticket' });
    await pick(page, 'MSFT');
    await expect(form.getByRole('combobox', { name: 'Account' })).toHaveValue(A1);
    await buy(page, 'IBM', 3, A1);
    await buy(page, 'MSFT', 5, A2);

    const positions = await show(page, 'Positions');
    await expect
      .poll(() => positionSymbols(positions), { timeout: LIVE_TIMEOUT })
      .toEqual(expect.arrayContaining(['MSFT', 'IBM']));
    const row = (symbol: string) =>
      positions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: symbol }) });
    await expect(row('MSFT')).toContainText(A2);
    await expect(row('IBM')).toContainText(A1);
    await shot(page, 'positions-all');

    await selector.selectOption(A2);
    await expect.poll(() => positionSymbols(positions)).toEqual(['MSFT']);
    await expect(positions.getByRole('toolbar', { name: 'Position tools' })).toContainText(
      `1 positions · ${A2}`,
    );
    await shot(page, 'positions-du2');
    await shot(statusBar, 'status-bar-du2');

    await selector.selectOption(A1);
    await expect.poll(() => positionSymbols(positions)).toEqual(['IBM']);
    const account = await show(page, 'Account');
    await expect(account.getByRole('table', { name: `Account ${A1}` })).toBeVisible();
    await expect(account.getByRole('table', { name: `Account ${A2}` })).toHaveCount(0);
    await shot(page, 'account-du1');

    // The orders carry their account; the choice of view and of ticket account are remembered for the profile.
    const orders = await show(page, 'Orders');
    await orders.getByRole('radio', { name: /^All/ }).click();
    await expect(
      orders.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: 'IBM' }),
    ).toContainText(A1);
    await expect(
      orders.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: 'MSFT' }),
    ).toHaveCount(0);

    await page.reload();
    await connected(page);
    await expect(page.getByRole('contentinfo').getByRole('combobox', { name: 'Account' })).toHaveValue(A1);
    await pick(page, 'AAPL');
    await expect(
      region(page, 'Order entry')
        .getByRole('form', { name: 'Order ticket' })
        .getByRole('combobox', { name: 'Account' }),
    ).toHaveValue(A2);
  });
});

test.describe('a login with one account', () => {
  test('shows the account, and no selector, as before', async ({ app: page }) => {
    await connected(page);
    const statusBar = page.getByRole('contentinfo');
    await expect(statusBar.getByTitle('Accounts')).toHaveText('DU1234567');
    await expect(statusBar.getByRole('combobox', { name: 'Account' })).toHaveCount(0);
    await pick(page, 'MSFT');
    await expect(
      region(page, 'Order entry')
        .getByRole('form', { name: 'Order ticket' })
        .getByRole('combobox', { name: 'Account' }),
    ).toHaveCount(0);
    await shot(statusBar, 'status-bar-single');
  });
});
