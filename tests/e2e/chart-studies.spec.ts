// Chart studies and drawings on the embedded demo gateway: EMA(20) and RSI(14) added from the Studies dialog (a
// bad period refused at its field) draw and follow the live bars, and are still there after a reload.
import type { Page } from '@playwright/test';
import { connected, searchSymbol } from './support/actions';
import { test, expect } from './support/fixtures';
import { savedText } from './support/saved';

const LIVE_TIMEOUT = 30_000;
const chartRegion = (page: Page) => page.getByRole('region', { name: 'Chart', exact: true });

async function addStudy(page: Page, kind: string, period: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Studies' });
  await dialog.getByRole('combobox', { name: 'Study' }).selectOption(kind);
  await dialog.getByRole('textbox', { name: 'Period (bars)' }).fill(period);
  await dialog.getByRole('button', { name: 'Add study' }).click();
}

test('EMA(20) and RSI(14) draw, follow live bars and survive a reload', async ({ app: page, host }) => {
  await connected(page, LIVE_TIMEOUT);
  await searchSymbol(page, 'SPY', LIVE_TIMEOUT);
  const chart = chartRegion(page);
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });

  await chart.getByRole('button', { name: 'Studies…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Studies' });
  await addStudy(page, 'rsi', '0');
  const period = dialog.getByRole('textbox', { name: 'Period (bars)' });
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('period must be at least 1 bar')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('study-field-error.png') });
  await addStudy(page, 'rsi', '14');
  await addStudy(page, 'ema', '20');
  const list = dialog.getByRole('list', { name: 'Studies on this chart' });
  await expect(list.getByRole('listitem')).toHaveText([/^RSI\(14\)/, /^EMA\(20\)/]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const values = chart.getByRole('note', { name: 'Study values' });
  const reading = /^RSI\(14\) \d+\.\d\d {2}· {2}EMA\(20\) \d+\.\d\d$/;
  await expect(values).toHaveText(reading, { timeout: LIVE_TIMEOUT });
  const first = await values.innerText();
  // Live bars move the studies' values at the live bar.
  await expect.poll(() => values.innerText(), { timeout: LIVE_TIMEOUT }).not.toBe(first);
  await expect(values).toHaveText(reading);
  await page.screenshot({ path: test.info().outputPath('studies.png') });

  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain('"ema-1"');
  await page.reload();
  await expect(chartRegion(page).getByRole('note', { name: 'Study values' })).toHaveText(reading, {
    timeout: LIVE_TIMEOUT,
  });
  await page.screenshot({ path: test.info().outputPath('studies-after-reload.png') });
});
