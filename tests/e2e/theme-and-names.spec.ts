// The light theme reaches every pane, the chart included, and every control's visible words are in its accessible
// name (a user of speech control says what they see: "click Light", "click Orders").
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;
const ROLES = 'button|tab|link|menuitem|option|radio|checkbox|switch|combobox';
const LINE = new RegExp(`^\\s*- (${ROLES}) "([^"]*)"(?: \\[[^\\]]*\\])*: (.+)$`);

/** Controls whose visible text is not where their accessible name starts (aria snapshot: `role "name": text`). */
async function namesThatHideTheirWords(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const bad: string[] = [];
  for (const line of snapshot.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, role, name, text] = m as unknown as [string, string, string, string];
    const words = text.replace(/^"|"$/g, '').trim();
    if (!/[a-z0-9]/i.test(words)) continue; // a glyph (↗, ×): its name is all a user can say
    if (!name.toLowerCase().startsWith(words.toLowerCase()))
      bad.push(`${role} named "${name}" shows "${words}"`);
  }
  // Tabs: the name is the tab's own words, not its close button's ("Orders", not "Orders Close Orders").
  for (const tab of await page.getByRole('tab').all()) {
    const visible = (await tab.innerText()).trim();
    const name = (await tab.getAttribute('aria-label')) ?? visible;
    if (visible && name !== visible) bad.push(`tab named "${name}" shows "${visible}"`);
  }
  return bad;
}

/** The part of a canvas element this test reads (the E2E sources compile without the DOM library). */
type Canvas = {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
};

/** Luminance (0–255) of the chart's plot background, read from its canvas away from grid lines and candles. */
async function chartBackground(page: Page): Promise<number> {
  return page
    .getByRole('region', { name: 'Chart', exact: true })
    .locator('canvas')
    .evaluateAll((canvases) => {
      const plot = (canvases as unknown as Canvas[]).reduce((a, b) =>
        b.width * b.height > a.width * a.height ? b : a,
      );
      const ctx = plot.getContext('2d');
      // The brightest of a few corner samples: a grid line or a candle can only make one darker in dark mode, and
      // a light background is bright wherever the samples fall.
      const values = [
        [3, 3],
        [plot.width - 4, 3],
        [3, 7],
        [9, 3],
      ].map(([x, y]) => {
        const [r, g, b] = ctx.getImageData(x!, y!, 1, 1).data;
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      });
      return Math.round(values.sort((a, b) => a - b)[1]!);
    });
}

test('Light turns the whole screen light, the chart too; every control is named by the words it shows', async ({
  app: page,
}) => {
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected', {
    timeout: LIVE_TIMEOUT,
  });
  const chart = page.getByRole('region', { name: 'Chart', exact: true });
  const symbol = chart.getByRole('combobox', { name: 'Chart symbol' });
  await symbol.fill('SPY');
  await symbol.press('Enter');
  await expect(chart.getByText(/[\d,]+ bars/)).toBeVisible({ timeout: LIVE_TIMEOUT });
  expect(await namesThatHideTheirWords(page)).toEqual([]);
  await expect.poll(() => chartBackground(page)).toBeLessThan(60);

  await page.getByRole('button', { name: 'Light', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => chartBackground(page), { timeout: 5_000 }).toBeGreaterThan(200);
  expect(await namesThatHideTheirWords(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('light.png') });

  await page.getByRole('button', { name: 'Profiles…' }).click();
  expect(await namesThatHideTheirWords(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect.poll(() => chartBackground(page), { timeout: 5_000 }).toBeLessThan(60);
});
