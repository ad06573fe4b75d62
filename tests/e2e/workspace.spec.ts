// The workspace end to end (no TWS needed): panes as landmarks, several charts, the layout and watchlists saved
// per profile across a reload, reset to default, Ctrl+K, a torn-off pane, and the theme.
import { tearOff } from './support/actions';
import { test, expect } from './support/fixtures';
import { savedText } from './support/saved';

test('the default screen has every pane, each a region named by its title', async ({ app }) => {
  for (const name of ['Scanner', 'Watchlist', 'Chart', 'Order entry', 'Orders', 'Positions']) {
    await expect(app.getByRole('region', { name })).toBeVisible();
  }
  for (const tab of ['Executions', 'Log', 'Account'])
    await expect(app.getByRole('tab', { name: tab })).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('default-layout.png') });
});

test('a second chart and scanner and a new watchlist survive a reload; reset layout restores the default', async ({
  app,
  host,
}) => {
  await app.getByRole('combobox', { name: 'Open pane' }).selectOption('chart');
  await expect(app.getByRole('tab', { name: 'Chart 2' })).toBeVisible();
  await app.getByRole('combobox', { name: 'Open pane' }).selectOption('scanner');
  await expect(app.getByRole('region', { name: 'Scanner 2' })).toBeVisible();

  const watchlist = app.getByRole('region', { name: 'Watchlist' });
  await watchlist.getByRole('button', { name: 'New list' }).click();
  await watchlist.getByRole('textbox', { name: 'New list name' }).fill('Tech');
  await watchlist.getByRole('button', { name: 'Create' }).click();
  await expect(watchlist.getByRole('combobox', { name: 'Watchlist' })).toHaveValue('tech');

  // Saves are debounced: wait until the files on disk hold the new pane and list, then reload.
  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain('scanner-2');
  // The watchlist pane's choice of list is part of the layout, saved by its own debounced write.
  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain('"tech"');
  await expect.poll(() => savedText(host.dataDir, 'watchlists.json')).toContain('"tech"');
  await app.reload();
  await expect(app.getByRole('tab', { name: 'Chart 2' })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Scanner 2' })).toBeVisible();
  await expect(
    app.getByRole('region', { name: 'Watchlist' }).getByRole('combobox', { name: 'Watchlist' }),
  ).toHaveValue('tech');
  await app.screenshot({ path: test.info().outputPath('restored.png') });

  await app.getByRole('button', { name: 'Reset layout' }).click();
  await expect(app.getByRole('tab', { name: 'Chart 2' })).toHaveCount(0);
  await expect(app.getByRole('region', { name: 'Scanner' })).toBeVisible();
});

test('Ctrl+K opens the symbol search and Esc closes it', async ({ app }) => {
  await expect(app.getByRole('region', { name: 'Scanner' })).toBeVisible();
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: 'Symbol search' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Find symbol' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a torn-off pane (?pane=log) shows that pane alone', async ({ app, host }) => {
  const url = new URL(host.url);
  url.searchParams.set('pane', 'log');
  await app.goto(url.toString());
  await expect(app.getByRole('region', { name: 'Log' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Log' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Scanner' })).toHaveCount(0);
  await expect(app).toHaveTitle('Log — IBDesk');
});

test('the ↗ button opens a pane in a tab of its own', async ({ app }) => {
  const tab = await tearOff(app, 'Log');
  await expect(tab.getByRole('region', { name: 'Log' })).toBeVisible();
  expect(new URL(tab.url()).searchParams.get('pane')).toBe('log');
  await tab.close();
});

test('the theme switches between dark and light', async ({ app }) => {
  await app.getByRole('button', { name: 'Light', exact: true }).click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
});
