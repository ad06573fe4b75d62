// What the replay specs share: the recorded AAPL asks read from a recording file (what a replayed fill must match),
// New York clock times (as the transport bar and a replay's executions show them), and a market buy from a row.
import { expect, type Locator, type Page } from '@playwright/test';
import { openRecording } from '../../../src-main/recorder/format';
import { region } from './actions';

const LIVE_TIMEOUT = 30_000;

/** The asks (tickPrice 2) of AAPL's recorded quote line, as (time, price), in order. */
export async function recordedAsks(file: string): Promise<{ t: number; price: number }[]> {
  const r = await openRecording(file);
  const asks: { t: number; price: number }[] = [];
  let line = '';
  for await (const e of r.entries()) {
    // The quote line, not the news pane's line of news ticks ("mdoff,292:…": no market data on it).
    const news = String(e.type === 'req' ? e.params?.genericTickList : '').startsWith('mdoff');
    if (e.type === 'req' && e.kind === 'reqMktData' && e.contract?.symbol === 'AAPL' && !news)
      line = String(e.reqId);
    if (e.type === 'in' && e.fields[0] === '1' && e.fields[2] === line && e.fields[3] === '2')
      asks.push({ t: e.t, price: Number(e.fields[4]) });
  }
  await r.close();
  return asks;
}

const ET_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/New_York',
  hour12: false,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A clock time in New York, written here apart from the app's formatter so the specs check it. */
export const etClock = (ms: number): string => ET_CLOCK.format(ms);

/** Buys 10 AAPL at market from a watchlist row through the ticket and its confirmation; returns the fill's row. */
export async function buyTenAaplAtMarket(page: Page, row: Locator): Promise<Locator> {
  await row.click();
  const form = region(page, 'Order entry').getByRole('form', { name: 'Order ticket' });
  await expect(form).toContainText('AAPL');
  await form.getByRole('combobox', { name: 'Order type' }).selectOption('MKT');
  await form.getByRole('spinbutton', { name: 'Quantity' }).fill('10');
  await form.getByRole('button', { name: 'Buy' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(confirm).toContainText('BUY 10 AAPL MKT');
  await confirm.getByRole('button', { name: 'Send order' }).click();
  await page.getByRole('tab', { name: 'Executions', exact: true }).click();
  const fill = region(page, 'Executions').getByRole('table', { name: 'Executions' }).getByRole('row').filter({
    hasText: 'AAPL',
  });
  await expect(fill).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  return fill;
}
