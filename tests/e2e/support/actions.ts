// What several E2E specs do the same way, as a trader would: wait for the connection to TWS (the embedded demo
// gateway), find a symbol with Ctrl+K, add one to the watchlist, tear a pane off into a tab of its own, keep step
// screenshots; and the browser's notifications recorded instead of shown.
import { expect, test, type Locator, type Page } from '@playwright/test';

/** A pane (or the shell's landmark) by its accessible name, exactly. */
export function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The connection indicator in the status bar. */
export function connection(page: Page) {
  return page.getByRole('status', { name: 'Connection' });
}

/** Waits until the status bar says TWS is connected. */
export async function connected(page: Page, timeout: number): Promise<void> {
  await expect(connection(page)).toContainText('Connected', { timeout });
}

/** Finds `symbol` with Ctrl+K and takes the match: it goes to the active pane and its link group. */
export async function searchSymbol(page: Page, symbol: string, timeout: number): Promise<void> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Symbol search' });
  await dialog.getByRole('combobox', { name: 'Find symbol' }).fill(symbol);
  await expect(dialog.getByRole('option', { name: new RegExp(`^${symbol}\\b`) }).first()).toBeVisible({
    timeout,
  });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

/**
 * A wide screen with `symbol` in two charts of the chart pane, each with its bars: the pane, its two charts and the
 * first chart's box (measured once the dock has laid it out).
 */
export async function twoCharts(
  page: Page,
  symbol: string,
  timeout: number,
): Promise<{
  chart: Locator;
  images: Locator;
  box: { x: number; y: number; width: number; height: number };
}> {
  await page.setViewportSize({ width: 2400, height: 1300 });
  await connected(page, timeout);
  await searchSymbol(page, symbol, timeout);
  const chart = page.getByRole('region', { name: 'Chart', exact: true });
  await chart.getByRole('combobox', { name: 'Chart layout' }).selectOption('2');
  const images = chart.getByRole('img', { name: new RegExp(`^${symbol} .* candlestick chart$`) });
  await expect(images).toHaveCount(2);
  for (const legend of await chart.getByRole('note', { name: 'Chart legend' }).all())
    await expect(legend).toContainText('O ', { timeout });
  await expect.poll(async () => (await images.nth(0).boundingBox())?.width ?? 0).toBeGreaterThan(250);
  return { chart, images, box: (await images.nth(0).boundingBox())! };
}

/** Opens a pane (shown by its tab) in a tab of its own with its ↗ button; returns that tab. */
export async function tearOff(page: Page, pane: string): Promise<Page> {
  await page.getByRole('tab', { name: pane }).click();
  const popup = page.waitForEvent('popup');
  await page
    .getByRole('region', { name: pane })
    .getByRole('button', { name: 'Open in a new window' })
    .click();
  return popup;
}

/** A test's step screenshots: numbered files in its output folder, attached to the report. One per test. */
export function stepShots(): (page: Page, name: string) => Promise<void> {
  let shot = 0;
  return async (page, name) => {
    const file = test.info().outputPath(`${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    await test.info().attach(name, { path: file, contentType: 'image/png' });
  };
}

/** Adds `symbol` to the watchlist by its "Add symbol" search; returns the list and the symbol's row. */
export async function addToWatchlist(page: Page, symbol: string): Promise<{ list: Locator; row: Locator }> {
  const list = page.getByRole('region', { name: 'Watchlist', exact: true });
  await list.getByRole('combobox', { name: 'Add symbol' }).fill(symbol);
  await list
    .getByRole('option', { name: new RegExp(`^${symbol}\\b`) })
    .first()
    .click();
  return { list, row: list.getByRole('row').filter({ has: page.getByText(symbol, { exact: true }) }) };
}

/**
 * The browser's Notification as once allowed, recording `title: body` of each in `globalThis.shownNotifications`
 * (the web host raises fills and alerts through it).
 */
export async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shown: string[] = [];
    Object.assign(globalThis, { shownNotifications: shown });
    Object.defineProperty(globalThis, 'Notification', {
      configurable: true,
      value: class {
        static permission = 'granted';
        constructor(title: string, options?: { body?: string }) {
          shown.push(`${title}: ${options?.body ?? ''}`);
        }
      },
    });
  });
}

/** What recordNotifications has recorded so far. */
export function shownNotifications(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { shownNotifications: string[] }).shownNotifications);
}

/** A watchlist row's prices and sizes (Last … Low), without the tick age that changes by itself. */
export async function prices(row: Locator): Promise<string> {
  return (await row.getByRole('cell').allInnerTexts()).slice(1, 11).join('|');
}

/** Waits until `read` returns something else than it does now (a tick, a new bar, a re-rank). */
export async function changes(
  read: () => Promise<string | null>,
  message: string,
  timeout: number,
): Promise<void> {
  const before = await read();
  await expect.poll(read, { message, timeout }).not.toBe(before);
}
