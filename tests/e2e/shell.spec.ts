// The shell end to end in Chromium through the web host: first run on Demo, profiles persisted across a reload
// and a host restart.
import { test, expect } from './support/fixtures';
import { startBuiltWebHost } from './support/web-host';

test('first run shows the Demo profile in the status region, with no console errors', async ({ app }) => {
  const status = app.getByRole('status', { name: 'Connection' });
  await expect(status).toContainText('Demo');
  await expect(app.getByLabel('Account type: DEMO')).toBeVisible();
  await app.getByRole('tab', { name: 'Log' }).click();
  await expect(app.getByRole('region', { name: 'Log' })).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('first-run.png') });
});

test('a Paper profile saved in the dialog survives a reload and a host restart', async ({
  app,
  host,
  browser,
}) => {
  await app.getByRole('button', { name: 'Profiles…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Profiles' });
  await dialog.getByRole('button', { name: '+ New profile' }).click();
  await dialog.getByLabel('Name').fill('My Paper');
  await dialog.getByLabel('Port').fill('7497');
  await dialog.getByLabel('Client id').fill('17');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Saved "My Paper"');
  await expect(dialog.getByRole('button', { name: 'My Paper' })).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('profile-saved.png') });

  await app.reload();
  await app.getByRole('button', { name: 'Profiles…' }).click();
  await expect(
    app.getByRole('dialog', { name: 'Profiles' }).getByRole('button', { name: 'My Paper' }),
  ).toBeVisible();

  // Restart the host on the same data directory: the profile is read back from disk.
  const dataDir = host.dataDir;
  const second = await startBuiltWebHost({ dataDir });
  try {
    await app.goto('about:blank');
    await host.stop();
    const page = await browser.newPage();
    await page.goto(second.url);
    await page.getByRole('button', { name: 'Profiles…' }).click();
    const d2 = page.getByRole('dialog', { name: 'Profiles' });
    await d2.getByRole('button', { name: 'My Paper' }).click();
    await expect(d2.getByLabel('Client id')).toHaveValue('17');
    await page.close();
  } finally {
    await second.stop();
  }
});

test('the profile dialog shows field errors and keeps bad input out', async ({ app }) => {
  await app.getByRole('button', { name: 'Profiles…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Profiles' });
  await dialog.getByRole('button', { name: '+ New profile' }).click();
  await dialog.getByLabel('Name').fill('Broken');
  await dialog.getByLabel('Port').fill('70000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('port must be 1…65535')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await app.getByRole('button', { name: 'Profiles…' }).click();
  await expect(dialog.getByRole('button', { name: 'Broken' })).toHaveCount(0);
});
