// What the article viewer shows for an article, made safe here: a feed's HTML comes from outside, so it goes through
// DOMPurify with a strict profile (no script, no event handler, no style, no image or frame or form: nothing that
// runs or loads anything) and only http(s) links survive, each opening outside the app with no opener and no
// referrer. Plain text is decoded from the entities TWS writes (`&#10;` line breaks) and shown as text; a binary
// article (base64, a PDF) is not opened at all.
import DOMPurify from 'dompurify';
import type { NewsArticle } from '../../src-shared/domain/news';

export type ArticleContent =
  { kind: 'html'; html: string } | { kind: 'text'; text: string } | { kind: 'binary'; message: string };

/** Elements that run, load, style or submit something: dropped with their content. */
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'template',
];
const FORBID_ATTR = ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'poster', 'ping'];
const WEB_LINK = /^https?:\/\//i;

const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (!WEB_LINK.test(href)) {
    node.removeAttribute('href');
    return;
  }
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer nofollow');
  node.setAttribute('referrerpolicy', 'no-referrer');
});

/** The article's HTML with everything active taken out (a string to put into the viewer). */
export function sanitizeArticleHtml(html: string): string {
  return purify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOWED_URI_REGEXP: WEB_LINK,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    WHOLE_DOCUMENT: false,
  });
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Text with TWS's HTML entities decoded (`&#10;` → a line break); an entity it does not know stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

export function articleContent(a: NewsArticle): ArticleContent {
  if (a.kind === 'html') return { kind: 'html', html: sanitizeArticleHtml(a.body) };
  if (a.kind === 'text') return { kind: 'text', text: decodeEntities(a.body) };
  const kb = Math.max(1, Math.round((a.body.length * 3) / 4 / 1024));
  const pdf = a.body.startsWith('JVBERi');
  return {
    kind: 'binary',
    message: `This article is a ${pdf ? 'PDF document' : 'binary document'} (about ${kb} kB). IBDesk shows text and HTML articles only; read this one in TWS or on ${a.providerCode}'s site.`,
  };
}
