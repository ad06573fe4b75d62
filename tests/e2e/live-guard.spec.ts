// The live-trading guard end to end, in Chromium through the built web host, against a demo gateway that reports a
// live (non-"D") account: the red banners show, the first order asks for the typed account id, a wrong one is
// refused, and nothing reaches the gateway before the right one. A read-only profile on the same gateway has order
// entry disabled, and even a request sent straight over the page's own WebSocket is refused: no order and no
// cancel reaches the gateway.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDemoGateway, type DemoGateway } from '../../src-main/demo-gateway/gateway';
import { defaultSettings, type Profile } from '../../src-shared/domain/settings';
import { searchSymbol } from './support/actions';
import { test, expect } from './support/fixtures';
import { startBuiltWebHost, type RunningHost } from '../../tools/web-host-process';

const LIVE_ACCOUNT = 'U7654321';
const LIVE_TIMEOUT = 30_000;
const PLACE_ORDER = 3;
const CANCEL_ORDER = 4;
const GLOBAL_CANCEL = 58;

let gw: DemoGateway;
let dataDir: string;
let web: RunningHost | null = null;

test.beforeEach(async () => {
  gw = await createDemoGateway({ host: '127.0.0.1', port: 0, accounts: [LIVE_ACCOUNT] });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-live-'));
});

test.afterEach(async () => {
  await web?.stop();
  web = null;
  await gw.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function hostWith(profile: Partial<Profile>): Promise<RunningHost> {
  const s = defaultSettings();
  const p: Profile = {
    ...s.profiles[1]!,
    id: 'gw',
    name: 'Gateway',
    kind: 'tws',
    host: '127.0.0.1',
    port: gw.port,
    clientId: 17,
    readOnly: false,
    ...profile,
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ ...s, profiles: [...s.profiles, p], activeProfileId: 'gw' }),
  );
  web = await startBuiltWebHost({ dataDir });
  return web;
}

const sent = (msgId: number) => gw.received(17).filter((m) => m.msgId === msgId).length;

test('a live account: banners, and the typed account id before the first order', async ({ page }) => {
  const host = await hostWith({});
  await page.goto(host.url);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected', {
    timeout: LIVE_TIMEOUT,
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'LIVE ACCOUNT — orders trade real money' }),
  ).toBeVisible();

  await searchSymbol(page, 'AAPL', LIVE_TIMEOUT);
  const ticket = page.getByRole('region', { name: 'Order entry', exact: true });
  await expect(ticket.getByRole('alert')).toContainText('LIVE ACCOUNT');
  const form = ticket.getByRole('form', { name: 'Order ticket' });
  await expect(form.getByText(/^Bid \d/)).toBeVisible({ timeout: LIVE_TIMEOUT });
  const bid = Number((await form.getByText(/^Bid /).innerText()).replace('Bid ', ''));
  await form.getByRole('combobox', { name: 'Order type' }).selectOption('LMT');
  await form.getByRole('spinbutton', { name: 'Quantity' }).fill('1');
  await form.getByRole('spinbutton', { name: 'Limit price' }).fill((bid * 0.98).toFixed(2));
  await form.getByRole('button', { name: 'Buy' }).click();

  const ask = page.getByRole('dialog', { name: 'Confirm live trading' });
  await expect(ask).toContainText(LIVE_ACCOUNT);
  await page.screenshot({ path: test.info().outputPath('live-confirm.png') });
  await ask.getByRole('textbox', { name: 'Account id' }).fill('U765432');
  await ask.getByRole('button', { name: 'Allow live orders' }).click();
  await expect(ask).toContainText(`Type the account id ${LIVE_ACCOUNT}`);
  expect(sent(PLACE_ORDER), 'orders at the gateway before the confirmation').toBe(0);

  await ask.getByRole('textbox', { name: 'Account id' }).fill(LIVE_ACCOUNT.toLowerCase());
  await ask.getByRole('button', { name: 'Allow live orders' }).click();
  await expect(ask).toBeHidden();
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await confirm.getByRole('button', { name: 'Send order' }).click();
  await expect(form.getByRole('status', { name: 'Order result' })).toContainText('sent', {
    timeout: LIVE_TIMEOUT,
  });
  await expect.poll(() => sent(PLACE_ORDER)).toBe(1);
  await expect(form).toContainText('Live orders allowed for this session.');
});

test('a read-only profile: order entry disabled, and the host refuses orders and cancels sent around the UI', async ({
  page,
}) => {
  const host = await hostWith({ readOnly: true });
  await page.goto(host.url);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected', {
    timeout: LIVE_TIMEOUT,
  });
  await expect(page.getByText('READ-ONLY', { exact: true })).toBeVisible();
  await searchSymbol(page, 'AAPL', LIVE_TIMEOUT);
  const form = page
    .getByRole('region', { name: 'Order entry', exact: true })
    .getByRole('form', { name: 'Order ticket' });
  await expect(form.getByRole('note', { name: 'Order entry disabled' })).toContainText('read-only');
  await expect(form.getByRole('button', { name: 'Buy' })).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Sell' })).toBeDisabled();

  // Straight over a WebSocket of the page's own origin, with the page's token (the page keeps it in its tab's
  // sessionStorage once it has taken it out of the address bar): what a script in the page could do.
  const answers = await page.evaluate(async () => {
    const g = globalThis as unknown as {
      location: { host: string };
      sessionStorage: { getItem(k: string): string | null };
    };
    const here = g.location;
    const token = g.sessionStorage.getItem('ibdesk.token');
    const ws = new WebSocket(`ws://${here.host}/api?token=${token}`);
    await new Promise((r) => ws.addEventListener('open', r, { once: true }));
    const replies = new Map<number, { ok: boolean; error?: { code: string } }>();
    ws.addEventListener('message', (e) => {
      const m = JSON.parse(String(e.data)) as { id?: number; ok: boolean; error?: { code: string } };
      if (typeof m.id === 'number') replies.set(m.id, m);
    });
    const calls: [string, unknown][] = [
      ['orders.place', { contract: { symbol: 'AAPL' }, action: 'BUY', quantity: 1, orderType: 'MKT' }],
      ['orders.cancel', { orderId: 1 }],
      ['orders.cancelAll', {}],
      ['orders.modify', { orderId: 1, quantity: 2 }],
    ];
    calls.forEach(([method, params], i) => ws.send(JSON.stringify({ id: i + 1, method, params })));
    const deadline = Date.now() + 10_000;
    while (replies.size < calls.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    ws.close();
    return calls.map((_, i) => replies.get(i + 1)?.error?.code ?? 'no error');
  });
  expect(answers).toEqual(['READ_ONLY', 'READ_ONLY', 'READ_ONLY', 'READ_ONLY']);
  expect(sent(PLACE_ORDER)).toBe(0);
  expect(sent(CANCEL_ORDER)).toBe(0);
  expect(sent(GLOBAL_CANCEL)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('read-only.png') });
});
