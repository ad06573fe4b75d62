// Chart studies and drawings on the embedded demo gateway: EMA(20) and RSI(14) added from the Studies dialog (a
// bad period refused at its field) draw and follow the live bars, and are still there after a reload; a horizontal
// and a trend line drawn with the mouse, moved, kept across a reload, and deleted with the keyboard; a rectangle and
// a text note on both charts of a 2-chart layout: the note written in its field (a blank one refused), the rectangle
// dragged, both kept across a reload, one deleted with the keyboard and one with the eraser.
import { copyFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { connected, searchSymbol, twoCharts } from './support/actions';
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

  // A wide screen and a trend line: the chart for the README (copied to docs/ with DOCS_SCREENSHOTS=1).
  await page.setViewportSize({ width: 2400, height: 1300 });
  const wide = chartRegion(page);
  await expect(wide.getByRole('note', { name: 'Study values' })).toHaveText(reading);
  const chartImg = wide.getByRole('img', { name: /candlestick chart$/ });
  // The dock lays the panes out again after the resize: measure the chart once it has grown.
  await expect.poll(async () => (await chartImg.boundingBox())?.width ?? 0).toBeGreaterThan(600);
  const img = (await chartImg.boundingBox())!;
  await wide.getByRole('button', { name: 'Trend line', exact: true }).click();
  // Both ends in the candles' pane (the upper half: RSI has the pane below).
  await page.mouse.click(img.x + img.width * 0.15, img.y + img.height * 0.45);
  await page.mouse.click(img.x + img.width * 0.75, img.y + img.height * 0.2);
  await expect(wide.getByRole('button', { name: /^Trend line from / })).toHaveCount(1);
  await page.mouse.move(img.x + img.width * 0.5, img.y + img.height * 0.9);
  const shot = test.info().outputPath('chart-studies.png');
  await wide.screenshot({ path: shot });
  if (process.env.DOCS_SCREENSHOTS) await copyFile(shot, 'docs/chart-studies.png');
});

test('a horizontal line and a trend line: drawn, moved, kept across a reload, deleted by keyboard', async ({
  app: page,
  host,
}) => {
  await connected(page, LIVE_TIMEOUT);
  await searchSymbol(page, 'SPY', LIVE_TIMEOUT);
  const chart = chartRegion(page);
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });
  const box = (await chart.getByRole('img', { name: /candlestick chart$/ }).boundingBox())!;
  const drawings = chart.getByRole('button', { name: /^(Horizontal|Trend) line (at|from) / });

  await chart.getByRole('button', { name: 'Horizontal line', exact: true }).click();
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.4);
  const hline = chart.getByRole('button', { name: /^Horizontal line at \d+\.\d\d$/ });
  await expect(hline).toHaveCount(1);
  const placedAt = await hline.getAttribute('aria-label');

  await chart.getByRole('button', { name: 'Trend line', exact: true }).click();
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.7);
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.3);
  const trend = chart.getByRole('button', { name: /^Trend line from / });
  await expect(trend).toHaveCount(1);
  await expect(chart.getByRole('button', { name: 'Trend line', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // The mouse drags the horizontal line down; the arrow keys move it back up.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(hline).not.toHaveAttribute('aria-label', placedAt!);
  const dragged = await hline.getAttribute('aria-label');
  await hline.focus();
  await page.keyboard.press('ArrowUp');
  await expect(hline).not.toHaveAttribute('aria-label', dragged!);
  await page.screenshot({ path: test.info().outputPath('drawings.png') });

  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain('"trend-2"');
  const saved = await hline.getAttribute('aria-label');
  await page.reload();
  await expect(chartRegion(page).getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });
  await expect(drawings).toHaveCount(2);
  await expect(hline).toHaveAttribute('aria-label', saved!);

  await hline.focus();
  await page.keyboard.press('Delete');
  await expect(hline).toHaveCount(0);
  await trend.focus();
  await page.keyboard.press('Delete');
  await expect(drawings).toHaveCount(0);
  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).not.toContain('"trend-2"');
  await page.screenshot({ path: test.info().outputPath('drawings-deleted.png') });
});

test('a rectangle and a text note on both charts: drawn, moved, kept across a reload, deleted', async ({
  app: page,
  host,
}) => {
  test.setTimeout(90_000);
  const { chart, box } = await twoCharts(page, 'SPY', LIVE_TIMEOUT);
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const rects = chart.getByRole('button', { name: /^Rectangle from \d+\.\d\d at / });
  const notes = chart.getByRole('button', { name: /^Note "Breakout watch" at \d+\.\d\d at / });

  // A rectangle from two opposite corners: drawn on both charts.
  await chart.getByRole('button', { name: 'Rectangle', exact: true }).click();
  await page.mouse.click(...at(0.3, 0.3));
  await page.mouse.click(...at(0.5, 0.5));
  await expect(rects).toHaveCount(2);
  const placed = (await rects.nth(0).getAttribute('aria-label'))!;
  await expect(rects.nth(1)).toHaveAttribute('aria-label', placed);

  // A text note: written in the field that opens where the chart was clicked; a blank one is refused there.
  await chart.getByRole('button', { name: 'Text note', exact: true }).click();
  await page.mouse.click(...at(0.6, 0.6));
  const form = chart.getByRole('form', { name: 'New note' });
  const field = form.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await form.getByRole('button', { name: 'Add note' }).click();
  await expect(form.getByRole('alert')).toHaveText('a note needs its text');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: test.info().outputPath('note-refused.png') });
  await field.fill('Breakout watch');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(notes).toHaveCount(2);

  // The mouse drags the rectangle down by its top edge; both charts follow.
  await page.mouse.move(...at(0.4, 0.3));
  await page.mouse.down();
  await page.mouse.move(...at(0.4, 0.4), { steps: 6 });
  await page.mouse.up();
  await expect(rects.nth(0)).not.toHaveAttribute('aria-label', placed);
  const moved = (await rects.nth(0).getAttribute('aria-label'))!;
  await expect(rects.nth(1)).toHaveAttribute('aria-label', moved);
  await page.mouse.move(10, box.y + box.height * 2);
  await page.screenshot({ path: test.info().outputPath('rectangle-and-note.png') });
  const drawn = test.info().outputPath('chart-drawings.png');
  await chart.screenshot({ path: drawn });
  if (process.env.DOCS_SCREENSHOTS) await copyFile(drawn, 'docs/chart-drawings.png');

  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain('"Breakout watch"');
  // The moved rectangle is what was saved (its first corner's price as the label shows it).
  const savedRect = async () => {
    const text = await savedText(host.dataDir, 'layouts/demo.json');
    const doc = (text ? JSON.parse(text) : {}) as {
      layout?: { drawings?: Record<string, { kind: string; a?: { price: number } }[]> };
    };
    const rect = Object.values(doc.layout?.drawings ?? {})
      .flat()
      .find((d) => d.kind === 'rect');
    return rect?.a?.price.toFixed(2) ?? null;
  };
  await expect.poll(savedRect).toBe(moved.split(' ')[2]);
  await page.reload();
  const again = chartRegion(page);
  await expect(again.getByRole('img', { name: /^SPY .* candlestick chart$/ })).toHaveCount(2, {
    timeout: LIVE_TIMEOUT,
  });
  await expect(rects).toHaveCount(2, { timeout: LIVE_TIMEOUT });
  await expect(rects.nth(0)).toHaveAttribute('aria-label', moved);
  await expect(notes).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('after-reload.png') });

  // The rectangle deleted with the keyboard on the second chart is gone from both; the note with the eraser.
  await rects.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(rects).toHaveCount(0);
  const note = (await notes.nth(0).boundingBox())!;
  await again.getByRole('button', { name: 'Erase drawing', exact: true }).click();
  await page.mouse.click(note.x + note.width / 2, note.y + note.height / 2);
  await expect(notes).toHaveCount(0);
  await expect(again.getByRole('button', { name: 'Erase drawing', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).not.toContain('"Breakout watch"');
  await page.screenshot({ path: test.info().outputPath('deleted.png') });
});
