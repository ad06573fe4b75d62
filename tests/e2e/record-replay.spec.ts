// Record and replay as a trader does it, in Chromium through the web host: on the Demo profile "Record this session"
// is turned on, AAPL is watched and charted while the demo gateway's prices move, the recording is turned off, then
// opened as a Replay profile from the Profiles dialog's list of recordings; played at 10x the watchlist and the
// chart move as recorded, and a buy (paused) fills at the ask the recording had at that moment.
// The issue asks for a minute of recording; this records RECORD_MS (20 s, plus the time the setup takes) to keep the
// spec near a minute of CI time: at 10x that is 2-3 s of play, enough to see the watchlist, the chart and the clock
// move.
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { addToWatchlist, connected, prices, region, searchSymbol, stepShots } from './support/actions';
import { test, expect } from './support/fixtures';
import { buyTenAaplAtMarket, etClock, recordedAsks } from './support/replay';

const LIVE_TIMEOUT = 30_000;
const RECORD_MS = 20_000;

test('a session recorded on Demo replays as a Replay profile chosen in the Profiles dialog, and a buy fills at a recorded price', async ({
  app: page,
  host,
}) => {
  test.setTimeout(90_000);
  const step = stepShots();
  await connected(page, LIVE_TIMEOUT);

  // Recording first, then the requests: a replay serves the streams whose requests it recorded.
  const record = page.getByRole('button', { name: 'Record this session' });
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'true');
  const recState = page.getByRole('status', { name: 'Recording' });
  await expect(recState).toContainText('● REC', { timeout: LIVE_TIMEOUT });
  const { row } = await addToWatchlist(page, 'AAPL');
  await expect(row.getByRole('cell').nth(1)).not.toHaveText('—', { timeout: LIVE_TIMEOUT });
  await searchSymbol(page, 'AAPL', LIVE_TIMEOUT);
  const chart = region(page, 'Chart');
  await expect(chart.getByRole('img', { name: 'AAPL 1 min candlestick chart' })).toBeVisible();
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });
  await step(page, 'recording-demo');
  await page.waitForTimeout(RECORD_MS);
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  await expect(recState).toBeHidden({ timeout: LIVE_TIMEOUT });

  const dir = path.join(host.dataDir, 'recordings');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ibdrec'));
  expect(files).toHaveLength(1);
  const file = path.join(dir, files[0]!);
  const asks = await recordedAsks(file);
  expect(asks.length, 'AAPL asks recorded').toBeGreaterThan(2);

  // The Profiles dialog's Replay kind lists the recording from its header: its name, duration and size.
  await page.getByRole('button', { name: 'Profiles…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Profiles' });
  await dialog.getByRole('button', { name: '+ New profile' }).click();
  await dialog.getByRole('combobox', { name: 'Connects to' }).selectOption('replay');
  const listed = dialog
    .getByRole('table', { name: 'Recordings' })
    .getByRole('row')
    .filter({ hasText: files[0]! });
  await expect(listed).toHaveCount(1);
  // At least RECORD_MS (20 s), however long the setup before it took.
  await expect(listed.getByRole('cell').nth(2)).toHaveText(/^([2-5]\d s|\d+ min \d\d s)$/);
  await expect(listed.getByRole('cell').nth(3)).toHaveText(/\d( KB| B| MB)$/);
  await listed.getByRole('radio', { name: files[0]! }).check();
  await expect(dialog.getByRole('textbox', { name: 'Recording file' })).toHaveValue(file);
  await step(page, 'choose-recording');
  await dialog.getByRole('button', { name: 'Replay this recording' }).click();
  await expect(dialog).toBeHidden({ timeout: LIVE_TIMEOUT });

  await connected(page, LIVE_TIMEOUT);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Replay');
  const bar = page.getByRole('toolbar', { name: 'Replay' });
  await expect(bar).toContainText(files[0]!);
  await expect(bar).toContainText('paused');
  const clock = bar.getByRole('timer', { name: 'Replay clock' });

  // The Replay profile has a layout of its own: the watchlist is shared, the chart is opened again.
  const replayRow = region(page, 'Watchlist')
    .getByRole('row')
    .filter({ has: page.getByText('AAPL', { exact: true }) });
  await expect(replayRow).toHaveCount(1);
  await searchSymbol(page, 'AAPL', LIVE_TIMEOUT);
  const legend = region(page, 'Chart').getByRole('note', { name: 'Chart legend' });
  await expect(legend).toContainText('O ', { timeout: LIVE_TIMEOUT });
  await page.mouse.move(0, 0);

  await bar.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  const watched = prices(replayRow);
  const charted = legend.innerText();
  await bar.getByRole('button', { name: 'Play' }).click();
  await expect(bar).toContainText('playing 10×');
  const before = `${await watched} / ${await charted}`;
  await expect
    .poll(
      async () => [
        (await prices(replayRow)) !== (await watched),
        (await legend.innerText()) !== (await charted),
      ],
      {
        message: `the watchlist and the chart move with the replay (from ${before})`,
        timeout: LIVE_TIMEOUT,
      },
    )
    .toEqual([true, true]);
  // At 10x the recording plays out in a few seconds: on a busy machine it may have ended (paused at its end) first.
  await bar
    .getByRole('button', { name: 'Pause' })
    .click({ timeout: 2_000 })
    .catch(() => undefined);
  await expect(bar).toContainText(/paused|ended/);
  await step(page, 'replayed');

  // The quote stands still while paused: a market buy fills at the ask the recording had at the paused time.
  const pausedAt = Date.parse((await clock.getAttribute('datetime'))!);
  const ask = asks.filter((a) => a.t <= pausedAt).at(-1)!.price;
  // The watchlist shows the ask the recording had at the paused time, as the gateway's matching engine sees it.
  await expect(replayRow.getByRole('cell').nth(6)).toHaveText(ask.toFixed(2));
  const fill = await buyTenAaplAtMarket(page, replayRow);
  await expect(fill.getByRole('cell').nth(4)).toHaveText(ask.toFixed(2));
  await expect(fill.getByRole('cell').nth(0)).toHaveText(etClock(pausedAt));
  await step(page, 'filled');
});
