// Streaming quotes for the four instruments (labelled live or delayed, counted against the line budget) and a
// one-off snapshot that keeps no line of its own.
import { instrumentLabel } from '../../../src-shared/domain/instrument';
import { INSTRUMENTS, paperScenario } from '../context';
import { closedNow, LABELLED, latestQuote, need, priceOf, px, refOf } from '../observe';
import { seconds as secs } from '../report';

export const quotes = paperScenario(
  { id: 'quotes', title: 'Streaming and snapshot quotes', needs: ['contracts'] },
  async ({ driver: d, state, now }, note) => {
    const list = [state.stock, state.etf, state.future, state.fx].map((i, n) =>
      need(i, ['stock', 'ETF', 'future', 'FX pair'][n]!),
    );
    const since = Date.now();
    const linesBefore = (await d.call('gauges.get', {})).lines.used;
    await d.call('quotes.subscribe', { contracts: list.map(refOf) });
    state.quoteConIds = list.map((i) => i.conId);
    for (const i of list) {
      const label = instrumentLabel(i);
      const started = Date.now();
      const seen = await d
        .until(
          () => {
            const x = latestQuote(d, i.conId, since);
            if (x?.q.state === 'error') throw new Error(`${label}: ${x.q.note ?? 'TWS refused the quote'}`);
            return x && LABELLED.includes(x.q.state) && priceOf(x.q) !== null ? x : null;
          },
          `a priced quote for ${label}`,
          30_000,
        )
        .catch((err: unknown) => {
          if (closedNow(i, now()) && !/refused|TWS \d/.test((err as Error).message)) return null;
          throw err;
        });
      if (!seen) {
        note(
          `${label}: no price within 30 s, and its market is closed now (its trading hours): noted, not failed`,
        );
        continue;
      }
      const { q } = seen;
      const delayed = q.state === 'delayed' || q.state === 'delayed-frozen';
      note(
        `${label}: ${q.state}${delayed ? ` — labelled as delayed${q.note ? ` ("${q.note}")` : ''}` : ''}; bid ${px(q.bid, i.minTick)} ask ${px(q.ask, i.minTick)} last ${px(q.last, i.minTick)} (first priced quote after ${secs(Date.now() - started)})`,
      );
    }
    // A little streaming: how many updates each line delivered while the others came in.
    const counts = list.map((i) => `${instrumentLabel(i)} ${latestQuote(d, i.conId, since)?.updates ?? 0}`);
    note(`updates received so far: ${counts.join(', ')}`);
    const lines = (await d.call('gauges.get', {})).lines;
    if (lines.used < linesBefore + list.length)
      throw new Error(`${list.length} lines were subscribed but the gauge shows ${lines.used} in use`);

    // A one-off snapshot (the CLI's and the order ticket's path): no line of its own is kept.
    const [msft] = await d.call('contracts.details', INSTRUMENTS.snapshot);
    if (!msft) throw new Error('no contract details for MSFT');
    const snap = await d.trading.marketData.snapshot(refOf(msft));
    const price = priceOf(snap);
    if (price === null && !closedNow(msft, now()))
      throw new Error(`the MSFT snapshot has no price (${snap.state})`);
    if (!LABELLED.includes(snap.state)) throw new Error(`the MSFT snapshot is ${snap.state}`);
    const after = (await d.call('gauges.get', {})).lines.used;
    if (after !== lines.used) throw new Error(`the snapshot kept a line (${lines.used} → ${after})`);
    note(
      `snapshot MSFT: ${snap.state}${snap.state.startsWith('delayed') ? ' (labelled as delayed)' : ''}, price ${px(price)}; lines in use stay ${after}`,
    );
  },
);
