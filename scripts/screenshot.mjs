// Takes the README's screenshot: starts the built web host on a fresh data dir (Demo profile, embedded demo
// gateway), opens it in Chromium (tools/chromium.mjs), starts a TOP_PERC_GAIN scan, puts its first rows in the watchlist and
// the first on the chart and ticket, waits for live data and writes docs/screenshot.png.
// Usage: npm run build && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, provisionChromium } from '../tools/chromium.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ibdesk-shot-'));
const exe = provisionChromium();
const settleMs = Number(process.env.SETTLE_MS ?? 4000);

const host = spawn(
  process.execPath,
  [path.join(root, 'dist/main/web.js'), '--port', '0', '--data-dir', dataDir],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (d) => {
    out += d;
    const m = /IBDesk web host: (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  host.once('exit', () => reject(new Error(`web host exited:\n${out}`)));
});
const browser = await chromium.launch({ executablePath: exe, args: [...chromiumArgs] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url);
  const live = { timeout: 60_000 };
  await page.getByRole('status', { name: 'Connection' }).getByText('Connected').waitFor(live);
  const scanner = page.getByRole('region', { name: 'Scanner', exact: true });
  await scanner.getByRole('combobox', { name: 'Scan' }).selectOption('TOP_PERC_GAIN');
  await scanner.getByRole('button', { name: 'Start' }).click();
  const rows = scanner.getByRole('table', { name: 'Scan results' }).locator('tbody tr');
  await rows.nth(12).waitFor(live);
  const watchlist = page.getByRole('region', { name: 'Watchlist', exact: true });
  for (let i = 7; i >= 0; i--) {
    await rows.nth(i).click();
    await watchlist.getByRole('button', { name: /^Add / }).click();
  }
  await page.getByRole('note', { name: 'Chart legend' }).getByText(/^O /).waitFor(live);
  // Let the quotes tick and the flashes fade.
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  host.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
