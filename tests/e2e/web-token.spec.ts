// The web host's access token in the page: once read it leaves the address bar and the history, a reload (and back /
// forward) still connects from the tab's copy, a torn-off pane's tab connects, and a new tab on the bare address —
// which has no copy — does not.
import { tearOff } from './support/actions';
import { test, expect } from './support/fixtures';

const CONNECT_TIMEOUT = 20_000;

test('the token leaves the address bar and history; reloads and torn-off tabs connect, a new bare tab does not', async ({
  app,
  host,
  context,
}) => {
  const status = app.getByRole('status', { name: 'Connection' });
  await expect(status).toContainText('Demo', { timeout: CONNECT_TIMEOUT });
  const token = new URL(host.url).searchParams.get('token')!;
  expect(app.url()).not.toContain(token);
  expect(new URL(app.url()).searchParams.has('token')).toBe(false);

  // A reload, and going back and forward through the history entry the token was taken out of.
  await app.reload();
  await expect(status).toContainText('Demo', { timeout: CONNECT_TIMEOUT });
  expect(app.url()).not.toContain(token);
  await app.goBack();
  await app.goForward();
  expect(app.url()).not.toContain(token);
  await expect(app.getByRole('status', { name: 'Connection' })).toContainText('Demo', {
    timeout: CONNECT_TIMEOUT,
  });

  // A pane torn off into a tab of its own connects, and its address bar has no token either.
  const tab = await tearOff(app, 'Log');
  await expect(tab.getByRole('status', { name: 'Connection' })).toContainText('Demo', {
    timeout: CONNECT_TIMEOUT,
  });
  expect(tab.url()).not.toContain(token);
  expect(new URL(tab.url()).searchParams.get('pane')).toBe('log');
  await tab.close();

  // A new tab on the address as it now reads: nothing to connect with.
  const bare = await context.newPage();
  await bare.goto(app.url());
  await expect(bare.getByRole('status', { name: 'Connection' })).toContainText(
    'Lost the connection to the IBDesk host',
    { timeout: CONNECT_TIMEOUT },
  );
  await bare.close();
  expect(host.output()).toMatch(/WebSocket refused: no token/);
});
