// Replay in Chromium through the web host: started on the Replay profile with the shipped recording
// (tests/fixtures/recordings/demo-session.ibdrec, made by `npm run record-demo`), the transport bar plays it at 10x:
// the chart opened while paused has its bars up to the replay clock; the clock runs and the watchlist moves with
// the recorded prices; paused, a market buy fills at the ask the
// recording had at that moment. With UPDATE_DOCS=1 it also writes docs/replay.png, the README's picture.
import path from 'node:path';
import { addToWatchlist, changes, connected, prices, region, stepShots } from './support/actions';
import { test, expect } from './support/fixtures';
import { buyTenAaplAtMarket, etClock, recordedAsks } from './support/replay';

const SHIPPED = path.join(process.cwd(), 'tests', 'fixtures', 'recordings', 'demo-session.ibdrec');
const LIVE_TIMEOUT = 30_000;

test.use({ hostArgs: ['--replay', SHIPPED] });

test('a recording replays through the transport bar, and a buy fills at a replayed price', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  const step = stepShots();
  const asks = await recordedAsks(SHIPPED);
  await connected(page, LIVE_TIMEOUT);
  const bar = page.getByRole('toolbar', { name: 'Replay' });
  await expect(bar).toContainText('demo-session.ibdrec');
  await expect(bar).toContainText('paused');
  const clock = bar.getByRole('timer', { name: 'Replay clock' });
  await expect(clock).toContainText('2026-07-08 11:30:');

  // Paused at the start, the chart of AAPL has its bars up to the replay clock (the model's before the recording):
  // the gateway's clock is months behind ours, and the chart's window must end at the gateway's now.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Find symbol' }).fill('AAPL');
  await expect(page.getByRole('option', { name: /^AAPL\b/ }).first()).toBeVisible({ timeout: LIVE_TIMEOUT });
  await page.keyboard.press('Enter');
  const chart = region(page, 'Chart');
  await expect(chart.getByRole('img', { name: 'AAPL 1 min candlestick chart' })).toBeVisible();
  const count = chart.getByText(/^[\d,]+ bars/);
  await expect(async () => {
    expect(Number((await count.innerText()).replace(/[^\d]/g, ''))).toBeGreaterThan(50);
  }).toPass({ timeout: LIVE_TIMEOUT });
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ');
  await step(page, 'paused-chart');

  const { row } = await addToWatchlist(page, 'AAPL');
  await expect(row).toHaveCount(1);
  await bar.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await bar.getByRole('button', { name: 'Play' }).click();
  await expect(bar).toContainText('playing 10×');
  await expect(row.getByRole('cell').nth(1)).not.toHaveText('—', { timeout: LIVE_TIMEOUT });
  await changes(() => prices(row), 'the watchlist moves with the replay', LIVE_TIMEOUT);
  await changes(() => clock.innerText(), 'the replay clock runs', LIVE_TIMEOUT);

  // Paused: the quote stands still, so the market buy fills at the ask the recording had at the paused time.
  await bar.getByRole('button', { name: 'Pause' }).click();
  await expect(bar).toContainText('paused');
  // The shot after the pause: at 10x the one-minute recording plays out in 6 s, and a shot of the busy screen
  // (the chart drawing live bars) can take over a second of it.
  await step(page, 'played');
  const pausedAt = Date.parse((await clock.getAttribute('datetime'))!);
  const ask = asks.filter((a) => a.t <= pausedAt).at(-1)!.price;
  const fill = await buyTenAaplAtMarket(page, row);
  await expect(fill.getByRole('cell').nth(4)).toHaveText(ask.toFixed(2));
  // Filled at the paused replay clock, timed in New York as the transport bar's clock is.
  await expect(fill.getByRole('cell').nth(0)).toHaveText(etClock(pausedAt));
  await step(page, 'filled');
  if (process.env.UPDATE_DOCS === '1')
    await page.screenshot({ path: path.join(process.cwd(), 'docs', 'replay.png') });
});
