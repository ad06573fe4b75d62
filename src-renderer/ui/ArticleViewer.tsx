// The article a pane shows (the News pane's list, the chart's news markers): loading, the error, or the article
// rendered through the sanitizer (article-view.ts), with a button that closes it.
import { useAppStore } from '../stores/use-app-store';
import { articleContent } from './article-view';
import './article.css';

export function ArticleViewer({ paneId }: { paneId: string }) {
  const view = useAppStore((s) => s.articles[paneId]);
  const closeArticle = useAppStore((s) => s.closeArticle);
  if (!view) return null;
  const content = view.article ? articleContent(view.article) : null;
  return (
    <section className="article" aria-label="Article">
      <header className="article-head">
        <span className="dim">{view.articleId}</span>
        <span className="spacer" />
        <button type="button" onClick={() => closeArticle(paneId)}>
          Close article
        </button>
      </header>
      {view.status === 'loading' && <p className="dim">Loading the article…</p>}
      {view.status === 'error' && <p role="alert">{view.message}</p>}
      {content?.kind === 'html' && (
        // Sanitized by article-view.ts: no script, handler, style, image or non-http(s) link survives.
        <div className="article-body" dangerouslySetInnerHTML={{ __html: content.html }} />
      )}
      {content?.kind === 'text' && <div className="article-body article-text">{content.text}</div>}
      {content?.kind === 'binary' && <p role="note">{content.message}</p>}
    </section>
  );
}
