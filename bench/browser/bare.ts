// Figure 4's baseline: a bare page on the same host and transport (the app's WebSocket client) that holds the
// same watchlist's quotes and writes each one into a plain table cell, without React or the store: what painting
// the same ticks costs with nothing of the app in between. Its rows carry data-conid as the watchlist's do, so the
// probe times them the same way.
import { connectClient } from '../../src-renderer/api/connect';

const client = connectClient();
const cells = new Map<number, HTMLTableCellElement>();
const table = document.createElement('table');
document.getElementById('root')!.append(table);

client.on('quotes', (batch) => {
  for (const q of batch.quotes) {
    const cell = cells.get(q.conId);
    if (cell) cell.textContent = q.last === null ? '—' : q.last.toFixed(2);
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
      row.dataset.conid = String(item.conId);
      row.insertCell().textContent = item.symbol;
      cells.set(item.conId, row.insertCell());
    }
    await client.invoke('quotes.subscribe', { contracts: items });
    document.body.dataset.subscribed = String(items.length);
  })();
});
