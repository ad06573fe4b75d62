// The option chain end to end, in Chromium through the web host on the embedded demo gateway: open a chain pane,
// pick AAPL → the expiry strip and the strikes around the money with live greeks → another expiry → click the
// at-the-money call's ask → the ticket shows that option, the side, the price and the premium × 100 → buy 1 →
// the order is working or filled. A screenshot of every step is kept in the test's output folder.
import { connected, stepShots } from './support/actions';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;

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
  const greeksOfAtm = async () => {
    const table = pane.getByRole('table', { name: /^Option chain AAPL \d{8}$/ });
    const atm = table.locator('tr[aria-current="true"]');
    await expect(atm).toHaveCount(1, { timeout: LIVE_TIMEOUT });
    // Call delta is the 4th cell from the left, put delta the 6th after the strike (mirrored columns).
    await expect(atm.locator('td').nth(3)).toHaveText(/^0\.\d\d$/, { timeout: LIVE_TIMEOUT });
    await expect(atm.locator('td').nth(14)).toHaveText(/^-0\.\d\d$/, { timeout: LIVE_TIMEOUT });
    await expect(atm.locator('td').nth(4)).toHaveText(/^\d+\.\d%$/);
    return atm;
  };
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
  const atm = await greeksOfAtm();
  await step(page, 'chain-expiry-changed');

  // The ATM call's ask → the ticket with that option, BUY at that price, premium × 100.
  const ask = atm.getByRole('button', { name: / ask: buy AAPL \d{6}C/ });
  const askText = (await ask.innerText()).trim();
  const local = ((await ask.getAttribute('aria-label')) ?? '').replace(/^.* ask: buy /, '');
  await ask.click();
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
  // Once filled, the position is the option's own (by its OCC symbol), valued × 100.
  if ((await row.innerText()).includes('Filled')) {
    const positions = page.getByRole('region', { name: 'Positions', exact: true });
    await expect(positions.getByRole('row').filter({ hasText: local })).toHaveCount(1, {
      timeout: LIVE_TIMEOUT,
    });
  }
  await step(page, 'option-order');
});
