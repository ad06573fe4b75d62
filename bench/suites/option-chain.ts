// Option chain figures (#16), in Chromium against the built web host on the Demo profile with 500 watched symbols
// streaming at 4 updates a second: chain open (picking an underlying → the first painted at-the-money row with
// TWS's model greeks, median of 5 underlyings, each chain fetched fresh), expiry change (a click on the strip → the
// new expiry's at-the-money row with greeks, median of 5), and the frame rate while the chain streams every line
// it may hold beside the watchlist. Each time is taken inside the page: the click and the frame that shows the row.
import type { Locator, Page } from '@playwright/test';
import { figure, type Figure } from '../figure';
import { launchChromium, openApp, waitForSubscriptions } from '../web/app-session';
import { bundleBrowser } from '../web/bundle';
import { frames } from '../web/harness-page';
import { fps, longestFrame, median } from '../web/stats';

const SYMBOLS = 500;
const UNDERLYINGS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL'];
const FPS_SECONDS = Number(process.env.BENCH_FPS_SECONDS ?? 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * In the page: clicks `el`, then looks in every frame for a chain table other than `before` whose at-the-money
 * row shows a greek; resolves with the ms from the click to that frame (or -1 after 20 s).
 */
const CLICK_TO_GREEKS = `(el, before) => new Promise((resolve) => {
  const t0 = performance.now();
  el.click();
  const greek = /^-?0\\.\\d\\d$/;
  const check = () => {
    const now = performance.now();
    for (const t of document.querySelectorAll('table.chain-table')) {
      if (t.getAttribute('aria-label') === before) continue;
      const row = t.querySelector('tbody tr[aria-current="true"]');
      if (row && [...row.querySelectorAll('td')].some((td) => greek.test(td.textContent.trim())))
        return resolve(now - t0);
    }
    if (now - t0 > 20000) return resolve(-1);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

export async function run(): Promise<Figure[]> {
  const probe = (await bundleBrowser('bench/browser/probe.ts')).js;
  const browser = await launchChromium();
  try {
    const app = await openApp({ symbols: SYMBOLS, demo: 'rate=4', probe, browser });
    try {
      await waitForSubscriptions(app, SYMBOLS);
      const page = app.page;
      await page.getByRole('combobox', { name: 'Open pane' }).selectOption('option-chain');
      const pane = page.getByRole('region', { name: 'Option chain', exact: true });
      await pane.waitFor();
      const opens: number[] = [];
      const changes: number[] = [];
      for (const symbol of UNDERLYINGS) {
        opens.push(await openChain(page, symbol));
        const strip = pane.getByRole('group', { name: 'Expirations' });
        // The fifth expiry not shown now (the pane keeps the expiry picked last, so it may open on one).
        changes.push(await clickToGreeks(page, strip.locator('button[aria-pressed="false"]').nth(4)));
      }
      // Every strike listed, scrolled to the money: the chain holds as many lines as it may.
      await pane.getByRole('combobox', { name: 'Strikes shown' }).selectOption('all');
      await sleep(3000);
      const held = (await pane.locator('.chain-lines').innerText()).trim();
      const f = await frames(page, FPS_SECONDS);
      const fail = (t: number[]) => t.some((x) => x < 0);
      return [
        figure({
          id: 'options.chain-open',
          name: `option chain: pick an underlying → ATM row with model greeks painted, median of ${UNDERLYINGS.length}`,
          value: fail(opens) ? Infinity : median(opens),
          unit: 'ms',
          budget: { max: 1500 },
          note: `${UNDERLYINGS.join(', ')}: ${opens.map((t) => t.toFixed(0)).join(', ')} ms; ${SYMBOLS} watched symbols streaming`,
        }),
        figure({
          id: 'options.expiry-change',
          name: `option chain: change expiry → ATM row with model greeks painted, median of ${UNDERLYINGS.length}`,
          value: fail(changes) ? Infinity : median(changes),
          unit: 'ms',
          budget: { max: 500 },
          note: `${changes.map((t) => t.toFixed(0)).join(', ')} ms`,
        }),
        figure({
          id: 'options.chain-fps',
          name: `option chain streaming beside ${SYMBOLS} watched symbols at 4/s: frame rate`,
          value: fps(f),
          unit: 'fps',
          budget: { min: 58 },
          note: `${held.replace(/^·\s*/, '')}; longest frame ${longestFrame(f).toFixed(0)} ms over ${FPS_SECONDS} s`,
        }),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}

async function openChain(page: Page, symbol: string): Promise<number> {
  const pane = page.getByRole('region', { name: 'Option chain', exact: true });
  await pane.getByRole('combobox', { name: 'Underlying' }).fill(symbol);
  const option = pane.getByRole('option', { name: new RegExp(`^${symbol}\\b`) }).first();
  await option.waitFor();
  return clickToGreeks(page, option);
}

/** Clicks in the page and times the frame that shows greeks on the new table's at-the-money row. */
async function clickToGreeks(page: Page, target: Locator): Promise<number> {
  const tables = page.locator('table.chain-table');
  const before = (await tables.count()) > 0 ? await tables.first().getAttribute('aria-label') : null;
  const handle = await target.elementHandle();
  if (!handle) throw new Error('nothing to click');
  const timed = new Function('el', 'before', `return (${CLICK_TO_GREEKS})(el, before);`) as (
    el: unknown,
    before: string | null,
  ) => Promise<number>;
  return handle.evaluate(timed, before);
}
