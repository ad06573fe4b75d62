// Takes the README's screenshot: starts the built web host on a fresh data dir, opens it in the system
// Chromium, waits for the page to settle and writes docs/screenshot.png. Usage: node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ibdesk-shot-'));
const exe =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
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
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url);
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  host.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
