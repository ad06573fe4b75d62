// @vitest-environment jsdom
// The window's article sanitizer against the demo gateway's own hostile article (the one the E2E opens in
// Chromium): every hazard the gateway lists is gone, the text and the https link stay. jsdom, not happy-dom: under
// happy-dom DOMPurify leaves <script> in place.
import { describe, expect, it } from 'vitest';
import {
  SANITIZER_ARTICLE_HAZARDS,
  SANITIZER_ARTICLE_HTML,
} from '../../src-main/demo-gateway/news/sanitizer-article';
import { sanitizeArticleHtml } from '../../src-renderer/ui/article-view';

describe('the demo gateway’s hostile article in the article viewer', () => {
  it('loses every hostile part and keeps its text and its https link', () => {
    const out = sanitizeArticleHtml(SANITIZER_ARTICLE_HTML);
    for (const hazard of Object.values(SANITIZER_ARTICLE_HAZARDS)) expect(out).not.toContain(hazard);
    expect(out).not.toContain('__ibdeskPwned');
    const dom = document.createElement('div');
    dom.innerHTML = out;
    expect(dom.querySelectorAll('script, img')).toHaveLength(0);
    expect(dom.textContent).toContain('Sanitizer test article');
    const links = [...dom.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://www.interactivebrokers.com/']);
    expect(links[1]!.getAttribute('target')).toBe('_blank');
    expect(links[1]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });
});
