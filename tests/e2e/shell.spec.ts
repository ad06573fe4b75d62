// The shell end to end in Chromium through the web host: first run on Demo, profiles persisted across a reload
// and a host restart, and the setup checker in the profile dialog.
import net from 'node:net';
import { test, expect } from './support/fixtures';
import { startBuiltWebHost } from '../../tools/web-host-process';

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

  // A second host on the same data directory: the profile is read back from disk. The first host stays up (idle)
  // until the fixture stops it: stopping it removes the directory it made, and the second host now listens before
  // its app has read the settings, so an early stop raced that read (and the second host's own writes).
  const dataDir = host.dataDir;
  const second = await startBuiltWebHost({ dataDir });
  try {
    await app.goto('about:blank');
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

test('Test connection in the profile dialog says what is wrong and how to fix it', async ({ app }) => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  await app.getByRole('button', { name: 'Profiles…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Profiles' });
  await dialog.getByRole('button', { name: '+ New profile' }).click();
  await dialog.getByLabel('Port').fill(String(port));
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('status', { name: 'Setup check' });
  await expect(result).toContainText(`Nothing is listening on 127.0.0.1:${port}`, { timeout: 20_000 });
  await expect(result).toContainText('Enable ActiveX and Socket Clients');
  await app.screenshot({ path: test.info().outputPath('setup-check.png') });
});
