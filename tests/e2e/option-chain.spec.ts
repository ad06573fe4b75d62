// The option chain end to end, in Chromium through the web host on the embedded demo gateway: open a chain pane,
// pick AAPL → the expiry strip and the strikes around the money with live greeks and open interest → another
// expiry → fewer columns and ±1σ of strikes, the at-the-money row pinned while scrolled away → click the
// at-the-money call's ask → the ticket shows that option, the side, the price and the premium × 100 → buy 1 →
// the order is working or filled. A screenshot of every step is kept in the test's output folder; with
// UPDATE_DOCS=1 the chain is also written to docs/options.png, the README's picture.
import { copyFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { connected, stepShots } from './support/actions';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;

/** A row's cell under a column header (the cells of the chain's rows are td and the strike's th, in order). */
async function cellOf(table: Locator, row: Locator, title: string): Promise<Locator> {
  const titles = (await table.locator('thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const i = titles.indexOf(title);
  expect(i, `column ${title} in ${titles.join(', ')}`).toBeGreaterThanOrEqual(0);
  return row.locator(':scope > td, :scope > th').nth(i);
}

test('an option chain with live greeks, and an option order from it', async ({ app: page }) => {
  test.setTimeout(120_000);
  const step = stepShots();
  await connected(page, LIVE_TIMEOUT);

  await page.getByRole('combobox', { name: 'Open pane' }).selectOption('option-chain');
  const pane = page.getByRole('region', { name: 'Option chain', exact: true });
  await expect(pane).toBeVisible();
  const picker = pane.getByRole('combobox', { name: 'Underlying' });
  await picker.fill('AAPL');
  await pane
    .getByRole('option', { name: /^AAPL\b/ })
    .first()
    .click();

  // The expiry strip and the nearest expiry's strikes; the at-the-money row gets its greeks.
  const strip = pane.getByRole('group', { name: 'Expirations' });
  await expect(strip.getByRole('button')).not.toHaveCount(0, { timeout: LIVE_TIMEOUT });
  expect(await strip.getByRole('button').count()).toBeGreaterThanOrEqual(8);
  const chainTable = () => pane.getByRole('table', { name: /^Option chain AAPL \d{8}$/ });
  const greeksOfAtm = async () => {
    const table = chainTable();
    const atm = table.locator('tbody tr[aria-current="true"]');
    await expect(atm).toHaveCount(1, { timeout: LIVE_TIMEOUT });
    await expect(await cellOf(table, atm, 'Call delta')).toHaveText(/^0\.\d\d$/, { timeout: LIVE_TIMEOUT });
    await expect(await cellOf(table, atm, 'Put delta')).toHaveText(/^-0\.\d\d$/, { timeout: LIVE_TIMEOUT });
    await expect(await cellOf(table, atm, 'Call iv')).toHaveText(/^\d+\.\d%$/);
    // Open interest (generic tick 101 → TWS's ticks 27/28).
    await expect(await cellOf(table, atm, 'Put OI')).toHaveText(/^\d[\d,.]*K?$/, { timeout: LIVE_TIMEOUT });
    return atm;
  };
  // On an expiry day the nearest expiry ends at 16:00 ET: in its last minutes even the at-the-money deltas read
  // 0.00 or 1.00, so on that day the greeks are read on the next expiry.
  const nearest = strip.getByRole('button').first();
  if (/\b0d$/.test((await nearest.textContent()) ?? '')) {
    await strip.getByRole('button').nth(1).click();
    await expect(strip.getByRole('button').nth(1)).toHaveAttribute('aria-pressed', 'true');
  }
  await greeksOfAtm();
  await expect(pane.getByRole('group', { name: 'Underlying and implied move' })).toContainText(
    /Implied move ±\d/,
    {
      timeout: LIVE_TIMEOUT,
    },
  );
  await step(page, 'chain-greeks');

  // Another expiry: its own strikes, greeks again.
  const fourth = strip.getByRole('button').nth(3);
  await fourth.click();
  await expect(fourth).toHaveAttribute('aria-pressed', 'true');
  await greeksOfAtm();
  await step(page, 'chain-expiry-changed');

  // Fewer columns (saved in the pane's state) and the strikes within one standard deviation.
  const columns = pane.locator('details.chain-columns');
  await columns.locator('summary').click();
  await columns.getByRole('checkbox', { name: 'Gamma' }).uncheck();
  await columns.getByRole('checkbox', { name: 'Last' }).uncheck();
  await columns.locator('summary').click();
  await expect(chainTable().getByRole('columnheader', { name: 'Call gamma' })).toHaveCount(0);
  await expect(chainTable().getByRole('columnheader', { name: 'Put last' })).toHaveCount(0);
  const strikesBefore = await chainTable().getAttribute('aria-rowcount');
  await pane.getByRole('combobox', { name: 'Strikes shown' }).selectOption('1sd');
  await expect(pane.getByRole('group', { name: 'Underlying and implied move' })).toContainText(/1σ \d/);
  await expect(chainTable()).not.toHaveAttribute('aria-rowcount', strikesBefore ?? '');
  await greeksOfAtm();
  if (process.env.UPDATE_DOCS === '1') {
    const shot = test.info().outputPath('readme-options.png');
    await page.screenshot({ path: shot });
    await copyFile(shot, 'docs/options.png');
  }
  await pane.getByRole('combobox', { name: 'Strikes shown' }).selectOption('all');
  // Scrolled to the top, the at-the-money row stays in sight, pinned under the list.
  await pane.locator('.table-wrap').evaluate((el) => el.scrollTo(0, 0));
  const atm = chainTable().locator('tfoot tr.pinned');
  await expect(atm).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  // The row's own box stays where the list would put it; its sticky cells are what is in sight.
  await expect(atm.locator('th.strike')).toBeInViewport();
  await expect(chainTable().locator('tbody tr.atm')).toHaveCount(0);
  await expect(await cellOf(chainTable(), atm, 'Call delta')).toHaveText(/^0\.\d\d$/);
  await step(page, 'chain-pinned');

  // The (pinned) ATM call's ask → the ticket with that option, BUY at that price, premium × 100.
  const ask = atm.getByRole('button', { name: / ask: buy AAPL \d{6}C/ });
  // Read and clicked in one step in the page: the at-the-money strike may change between two steps.
  const label = await ask.evaluate((el) => {
    el.click();
    return el.getAttribute('aria-label') ?? '';
  });
  const askText = label.replace(/ ask: .*$/, '');
  const local = label.replace(/^.* ask: buy /, '');
  const ticket = page.getByRole('region', { name: 'Order entry', exact: true });
  const form = ticket.getByRole('form', { name: 'Order ticket' });
  await expect(form).toContainText(local);
  const premium = form.getByLabel('Option premium');
  await expect(premium).toContainText('From the chain: Buy at the ask');
  await expect(premium).toContainText(`Premium ${Number(askText)} × 100`);
  await expect(form.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue('1');
  await expect(form.getByRole('spinbutton', { name: 'Limit price' })).toHaveValue(String(Number(askText)));
  await step(page, 'ticket-option');

  await form.getByRole('button', { name: 'Buy' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(confirm).toContainText(`BUY 1`);
  await confirm.getByRole('button', { name: 'Send order' }).click();
  await expect(form.getByRole('status', { name: 'Order result' })).toContainText('sent', {
    timeout: LIVE_TIMEOUT,
  });

  const ordersPane = page.getByRole('region', { name: 'Orders', exact: true });
  await ordersPane.getByRole('radio', { name: /^All \(/ }).click();
  const row = ordersPane.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: 'LMT' });
  await expect(row).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  await expect(row).toContainText(/Submitted|PreSubmitted|Filled/, { timeout: LIVE_TIMEOUT });
  // The blotter names the option by its OCC symbol, not by its underlying alone.
  await expect(row).toContainText(local);
  // Once filled, the position is the option's own (by its OCC symbol) with its delta and position delta
  // (delta × 1 × 100), and the pane sums the portfolio's delta.
  if ((await row.innerText()).includes('Filled')) {
    const positions = page.getByRole('region', { name: 'Positions', exact: true });
    const held = positions.getByRole('table', { name: 'Positions' });
    const position = held.getByRole('row').filter({ hasText: local });
    await expect(position).toHaveCount(1, { timeout: LIVE_TIMEOUT });
    await expect(await cellOf(held, position, 'Delta')).toHaveText(/^0\.\d\d$/, { timeout: LIVE_TIMEOUT });
    await expect(await cellOf(held, position, 'Position delta')).toHaveText(/^\d{1,3}$/);
    await expect(positions).toContainText(/portfolio delta \d+ shares/);
  }
  await step(page, 'option-order');
});
