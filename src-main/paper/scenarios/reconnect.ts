// The reconnect scenario: the suite drops its own socket; the link must notice, come back with back-off, replay every
// subscription on fresh request ids, and the window must receive quotes, scans, bars and portfolio values again.
import { instrumentLabel } from '../../../src-shared/domain/instrument';
import { paperScenario } from '../context';
import { closedNow, LABELLED, latestQuote, priceOf } from '../observe';
import { seconds as secs } from '../report';

export const reconnect = paperScenario(
  {
    id: 'reconnect',
    title: 'Reconnect: the suite drops its socket, every subscription comes back',
    needs: ['connect'],
    timeoutMs: 150_000,
  },
  async ({ driver: d, state, now }, note) => {
    const link = d.trading.link;
    const before = link.streams();
    const reqIdsBefore = new Set(before.map((s) => s.reqId));
    const kinds = (list: typeof before) =>
      Object.entries(
        list.reduce<Record<string, number>>((m, s) => ({ ...m, [s.kind]: (m[s.kind] ?? 0) + 1 }), {}),
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    note(`${before.length} subscription(s) open: ${kinds(before)}`);
    const states: string[] = [];
    // When the link itself turned ready: anything delivered from then on came over the new socket.
    let readyAt = 0;
    const off = link.onStatus((s) => {
      if (states[states.length - 1] !== s.state) states.push(s.state);
      if (s.state === 'ready' && readyAt === 0) readyAt = Date.now();
    });
    try {
      const droppedAt = Date.now();
      if (!d.dropSocket()) throw new Error('there is no socket to drop');
      await d.until(() => link.status().state !== 'ready' || null, 'the link to notice the drop', 10_000);
      const noticedMs = Date.now() - droppedAt;
      const retry = link.status().nextRetryAt;
      await d.until(
        () => {
          const s = link.status();
          // A fatal state (326: TWS still holds the client id, or a version TWS refuses) ends the retries.
          if (s.state === 'disconnected')
            throw new Error(
              `the link stopped reconnecting: ${s.reason ?? 'disconnected'}${s.twsCode ? ` (TWS ${s.twsCode})` : ''}`,
            );
          return readyAt > 0 || null;
        },
        'the connection to be ready again',
        90_000,
      );
      const status = await d.call('connection.status', {});
      if (status.state !== 'ready') throw new Error(`connection.status says ${status.state}`);
      note(
        `socket closed by the suite; the link noticed after ${secs(noticedMs)}${retry ? `, retried after a back-off of ${secs(retry - droppedAt)}` : ''}, ready again after ${secs(readyAt - droppedAt)} (states: ${states.join(' → ')})`,
      );

      // The registry's view: every stream was replayed on a fresh request id and delivered again.
      const back = await d.until(
        () => {
          const now = link.streams();
          return now.length >= before.length &&
            now.every((s) => s.awaitingSince === null && s.lastEventAt !== null && s.lastEventAt >= droppedAt)
            ? now
            : null;
        },
        `every subscription to deliver again (silent so far: ${link
          .streams()
          .filter((s) => s.awaitingSince !== null)
          .map((s) => s.label)
          .join(', ')})`,
        45_000,
      );
      const reused = back.filter((s) => s.reqId !== null && reqIdsBefore.has(s.reqId));
      if (reused.length > 0)
        throw new Error(`request ids reused after the reconnect: ${reused.map((s) => s.label).join(', ')}`);
      const slowest = Math.max(...back.map((s) => (s.lastEventAt ?? readyAt) - readyAt), 0);
      note(
        `${back.length} subscription(s) replayed on fresh request ids (${kinds(back)}); every one delivered again within ${secs(slowest)} of ready`,
      );

      // The window's view: each kind of event arrives again.
      const waits: Promise<string>[] = [];
      for (const i of [state.stock, state.etf, state.future, state.fx])
        if (i && state.quoteConIds.includes(i.conId))
          waits.push(
            d
              .until(
                () => {
                  const q = latestQuote(d, i.conId, readyAt)?.q;
                  return q && LABELLED.includes(q.state) && priceOf(q) !== null ? q : null;
                },
                `quotes for ${instrumentLabel(i)} after the reconnect`,
                45_000,
              )
              .then(
                (q) => `${instrumentLabel(i)} ${q.state}`,
                (err: unknown) => {
                  // The line itself was replayed and answered (checked above); a closed market sends no prices.
                  if (closedNow(i, now())) return `${instrumentLabel(i)} (market closed: no prices)`;
                  throw err;
                },
              ),
          );
      if (state.scanId) {
        const scanId = state.scanId;
        waits.push(
          d
            .until(
              () =>
                d.seen('scan', readyAt).find((e) => e.payload.scanId === scanId && !e.payload.stopped) ??
                null,
              'scanner rows after the reconnect',
              45_000,
            )
            .then((e) => `scan ${e.payload.rows.length} rows`),
        );
      }
      if (state.barsSubId) {
        const subId = state.barsSubId;
        waits.push(
          d
            .until(
              () => d.seen('bars', readyAt).find((e) => e.payload.subId === subId) ?? null,
              'live bars after the reconnect',
              45_000,
            )
            .then(() => 'live bars'),
        );
      }
      waits.push(
        d
          .until(
            () => d.seen('portfolio', readyAt)[0] ?? null,
            'portfolio values after the reconnect',
            45_000,
          )
          .then(() => 'portfolio'),
      );
      const got = await Promise.all(waits);
      note(`the window received again: ${got.join(', ')}`);
      const silent = d.seen('notice', readyAt).filter((e) => e.payload.title.includes('did not come back'));
      if (silent.length > 0) throw new Error(silent[0]!.payload.message);
    } finally {
      off();
    }
  },
);
