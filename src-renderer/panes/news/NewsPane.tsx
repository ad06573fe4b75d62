// News pane: the linked symbol's headlines (history, then live), newest first with time and provider; a headline
// opens its article below, rendered through the sanitizer (article-view.ts). An article id can also be opened
// directly (ids are what traders pass around: BRFG$0bc6e1ef).
import { useEffect, useState, type FormEvent } from 'react';
import type { Headline } from '../../../src-shared/domain/news';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtClock } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { ArticleViewer } from '../../ui/ArticleViewer';
import './news.css';

function headlineColumns(open: (h: Headline) => void, current: string | null): readonly Column<Headline>[] {
  return [
    { title: 'Time', className: 'dim', widthEm: 11, cell: (h) => `${fmtDay(h.time)} ${fmtClock(h.time)}` },
    { title: 'Provider', className: 'dim', widthEm: 7, cell: (h) => h.providerCode },
    {
      title: 'Headline',
      rowHeader: true,
      cell: (h) => (
        <button
          type="button"
          className="headline"
          aria-current={h.articleId === current ? 'true' : undefined}
          onClick={() => open(h)}
        >
          {h.headline}
        </button>
      ),
    },
  ];
}

function fmtDay(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: '2-digit', month: 'short' });
}

export function NewsPane() {
  const paneId = usePaneId();
  const store = useAppStoreApi();
  const symbol = useAppStore((s) => symbolOf(s, paneId));
  const feed = useAppStore((s) => s.newsFeeds[paneId]);
  const current = useAppStore((s) => s.articles[paneId]?.articleId ?? null);
  const setSymbol = useAppStore((s) => s.setSymbol);
  const openArticle = useAppStore((s) => s.openArticle);
  const [articleId, setArticleId] = useState('');

  const conId = symbol?.conId;
  useEffect(() => {
    const sym = symbolOf(store.getState(), paneId);
    if (sym) void store.getState().openNews(paneId, sym);
  }, [store, paneId, conId]);
  useEffect(() => () => store.getState().closeNews(paneId), [store, paneId]);

  const headlines = feed?.headlines ?? [];
  const columns = headlineColumns((h) => void openArticle(paneId, h.articleId), current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = articleId.trim();
    if (id) void openArticle(paneId, id);
  };
  const status = !symbol
    ? 'Pick a symbol'
    : feed?.status === 'loading'
      ? 'Loading headlines…'
      : feed?.status === 'error'
        ? feed.message
        : `${headlines.length} headlines`;

  return (
    <div className="pane-body news">
      <PaneToolbar label="News settings">
        <strong>{symbol?.symbol ?? 'No symbol'}</strong>
        <SymbolPicker
          label="News symbol"
          placeholder="Change symbol…"
          onPick={(item) => setSymbol(paneId, item)}
        />
        <form className="article-by-id" onSubmit={submit}>
          <input
            aria-label="Article id"
            placeholder="Article id…"
            value={articleId}
            onChange={(e) => setArticleId(e.target.value)}
          />
          <button type="submit">Open</button>
        </form>
        <span className="dim" role="status">
          {status}
        </span>
      </PaneToolbar>
      <div className="news-split">
        <div className="table-wrap">
          <DataTable label="Headlines" columns={columns} rows={headlines} rowKey={(h) => h.articleId} />
          {symbol && feed?.status === 'live' && headlines.length === 0 && (
            <p className="empty">No headlines for {symbol.symbol} yet.</p>
          )}
        </div>
        <ArticleViewer paneId={paneId} />
      </div>
    </div>
  );
}
