// Alerts end to end in Chromium through the web host on the Demo profile: a watchlist row's "Set alert…" opens the
// Alerts pane's form on that symbol; a bad level is refused under its field (the Alert schema's message); a price
// alert at the last price fires in main when the price comes back to it → the in-app toast, the browser's
// notification (permission granted), the history entry, and the symbol set in the alert's color group.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  addToWatchlist,
  connected,
  recordNotifications,
  region,
  shownNotifications,
} from './support/actions';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;

async function shot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

test.use({ demoControl: true });

test('a price alert set from the watchlist fires: toast, notification, history', async ({
  app: page,
  host,
}) => {
  test.setTimeout(90_000);
  await connected(page, LIVE_TIMEOUT);
  await recordNotifications(page);
  const { row } = await addToWatchlist(page, 'AAPL');
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d/, { timeout: LIVE_TIMEOUT });

  await row.getByRole('button', { name: 'Set alert on AAPL…' }).click();
  const alertsPane = region(page, 'Alerts');
  const form = alertsPane.getByRole('form', { name: 'New alert' });
  await expect(form).toBeVisible();
  await expect(form.getByText('AAPL', { exact: true })).toBeVisible();

  // The form starts at the last price; a level that is not a number is refused under its field.
  await form.getByRole('combobox', { name: 'Alert when' }).selectOption('price-touch');
  const level = form.getByRole('textbox', { name: 'Level' });
  const last = await level.inputValue();
  expect(Number(last)).toBeGreaterThan(0);
  await level.fill('abc');
  await form.getByRole('button', { name: 'Create alert' }).click();
  await expect(form.getByText('the level must be a number')).toBeVisible();
  await expect(level).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '01-field-error');

  // 1 % above the last price: out of the walk's reach for the length of the test, so only the jump reaches it.
  const target = (Math.round(Number(last) * 101) / 100).toFixed(2);
  await level.fill(target);
  await form.getByRole('combobox', { name: 'Show in group' }).selectOption('red');
  await form.getByRole('button', { name: 'Create alert' }).click();
  await expect(form).toBeHidden();
  const alerts = alertsPane.getByRole('table', { name: 'Alerts', exact: true });
  await expect(
    alerts.getByRole('row', { name: new RegExp(`AAPL last touches ${Number(target)}`) }),
  ).toBeVisible();
  await expect(alerts.getByRole('cell', { name: /^Watching/ })).toBeVisible({ timeout: LIVE_TIMEOUT });
  await shot(page, '02-alert-set');

  // Not touched while the walk stays below the level; then AAPL jumps 3 % on the gateway's tick stream.
  const toast = page.getByRole('alert', { name: /^Alert: AAPL touched/ });
  await expect(toast).toHaveCount(0);
  await host.demoFault('price-jump', { symbol: 'AAPL', percent: 3 });
  await expect(toast).toBeVisible({ timeout: LIVE_TIMEOUT });
  // Fired by a last price above the level: the jumped tick that main evaluated.
  const fired = /\(last (\d+(?:\.\d+)?)\)/.exec((await toast.getAttribute('aria-label')) ?? '');
  expect(Number(fired?.[1])).toBeGreaterThan(Number(target));
  await shot(page, '03-toast');
  const history = alertsPane.getByRole('table', { name: 'Alert history' });
  await expect(history.getByRole('row').filter({ hasText: `AAPL touched ${Number(target)}` })).toHaveCount(1);
  await expect(alerts.getByRole('cell', { name: /^Fired/ })).toBeVisible();
  expect(await shownNotifications(page)).toEqual([expect.stringMatching(/^IBDesk alert: AAPL touched/)]);
  // The red group (the chart and the ticket of the default layout) shows the alert's symbol.
  await expect(region(page, 'Chart').getByRole('img', { name: /^AAPL / })).toBeVisible();
  await shot(page, '04-history');
  // The README's picture of the feature: `UPDATE_DOCS=1 npx playwright test tests/e2e/alerts.spec.ts`.
  if (process.env.UPDATE_DOCS === '1')
    await copyFile(test.info().outputPath('04-history.png'), path.join(process.cwd(), 'docs', 'alerts.png'));
});
