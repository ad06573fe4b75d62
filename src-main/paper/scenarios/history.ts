// History at three bar sizes, each checked for sane bars, and a keep-up-to-date subscription left open for the
// reconnect scenario.
import type { BarSize, Duration } from '../../../src-shared/domain/bar';
import { checkBars } from '../bars-check';
import { paperScenario } from '../context';
import { need, px, refOf } from '../observe';
import { seconds as secs } from '../report';

const HISTORY: readonly { barSize: BarSize; duration: Duration }[] = [
  { barSize: '1 min', duration: '1 D' },
  { barSize: '1 hour', duration: '1 W' },
  { barSize: '1 day', duration: '6 M' },
];

export const history = paperScenario(
  {
    id: 'history',
    title: 'History at three bar sizes, and live bars',
    needs: ['contracts'],
    timeoutMs: 180_000,
  },
  async ({ driver: d, state }, note) => {
    const stock = need(state.stock, 'the stock');
    const contract = refOf(stock);
    for (const h of HISTORY) {
      const started = Date.now();
      const r = await d.call('history.get', {
        contract,
        barSize: h.barSize,
        duration: h.duration,
        whatToShow: 'TRADES',
        useRTH: false,
      });
      const problem = checkBars(r.bars, h.barSize, h.duration, Math.floor(Date.now() / 1000));
      if (problem) throw new Error(`${stock.symbol} ${h.barSize} over ${h.duration}: ${problem}`);
      const first = r.bars[0]!;
      const last = r.bars[r.bars.length - 1]!;
      note(
        `${stock.symbol} ${h.barSize} over ${h.duration}: ${r.bars.length} bars, ${new Date(first.time * 1000).toISOString().slice(0, 16)} → ${new Date(last.time * 1000).toISOString().slice(0, 16)} UTC, last close ${px(last.close, stock.minTick)} (${secs(Date.now() - started)})`,
      );
    }
    // Live bars as the chart asks for them (keepUpToDate): kept open for the reconnect scenario.
    const since = Date.now();
    const live = await d.call('history.subscribe', {
      contract,
      barSize: '1 min',
      duration: '3600 S',
      whatToShow: 'TRADES',
      useRTH: false,
    });
    state.barsSubId = live.subId;
    if (live.bars.length === 0) throw new Error('live bars: no initial bars');
    note(`live 1 min bars (keepUpToDate): ${live.bars.length} initial bars, subscription ${live.subId}`);
    const update = await d
      .until(
        () => d.seen('bars', since).find((e) => e.payload.subId === live.subId) ?? null,
        'a live bar update',
        15_000,
      )
      .catch(() => null);
    note(
      update
        ? `a live bar update arrived after ${secs(update.at - since)}`
        : 'no live bar update within 15 s (normal while the market is quiet or closed)',
    );
  },
);
