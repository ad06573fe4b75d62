// Figure 4's baseline: a bare page on the same host and transport (the app's WebSocket client) that holds the
// same watchlist's quotes and writes each one into a plain table cell, without React or the store: what painting
// the same ticks costs with nothing of the app in between.
import { connectClient } from '../../src-renderer/api/connect';

const client = connectClient();
const rows = new Map<number, { row: HTMLTableRowElement; cell: HTMLTableCellElement }>();
const table = document.createElement('table');
document.getElementById('root')!.append(table);

client.on('quotes', (batch) => {
  for (const q of batch.quotes) {
    const r = rows.get(q.conId);
    if (!r) continue;
    r.cell.textContent = q.last === null ? '—' : q.last.toFixed(2);
  }
  for (const p of batch.probe ?? []) {
    const r = rows.get(p.conId);
    if (!r) continue;
    r.row.setAttribute('data-tick-at', String(p.tickAt));
    r.row.setAttribute('data-tick-id', String(p.tickId));
  }
});

const off = client.onTransport((t) => {
  if (!t.connected) return;
  queueMicrotask(() => off());
  void (async () => {
    const lists = await client.invoke('watchlists.get', {});
    const items = lists.ok ? (lists.value[0]?.items ?? []) : [];
    for (const item of items) {
      const row = table.insertRow();
      row.insertCell().textContent = item.symbol;
      rows.set(item.conId, { row, cell: row.insertCell() });
    }
    await client.invoke('quotes.subscribe', { contracts: items });
    document.body.dataset.subscribed = String(items.length);
  })();
});
