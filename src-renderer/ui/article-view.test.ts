// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify under happy-dom leaves <script> in place (its DOM walks differently), so a
// sanitizer test there would prove nothing. The E2E checks the same article in Chromium.
import { describe, expect, it } from 'vitest';
import { articleContent, decodeEntities, sanitizeArticleHtml } from './article-view';

/** Elements that would run or load something, and attributes that carry a URL or a style. */
const ACTIVE = [
  'script',
  'style',
  'img',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'video',
  'base',
  'meta',
  'link',
];
const URL_ATTRS = [
  'src',
  'srcset',
  'href',
  'action',
  'formaction',
  'poster',
  'background',
  'style',
  'xlink:href',
];

function parse(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('article sanitizer', () => {
  it.each<[string]>([
    ['<svg><script>alert(1)</script></svg>'],
    ['<svg onload="alert(1)"><circle/></svg>'],
    ['<iframe src="https://evil.example/"></iframe>'],
    ['<object data="x.swf"></object><embed src="x">'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['<a href=" javascript:alert(1)">x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ['<p style="background:url(https://evil.example/x)">x</p>'],
    ['<style>@import "https://evil.example/x.css"</style>'],
    ['<form action="https://evil.example/"><input name="a"><button>go</button></form>'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['<details open ontoggle="alert(1)">x</details>'],
    ['<base href="https://evil.example/"><a href="/x">x</a>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['<p srcset="https://evil.example/a.png 1x">x</p><video poster="https://evil.example/p.png"></video>'],
  ])('neutralises %s', (html) => {
    const dom = parse(sanitizeArticleHtml(html));
    const all = [...dom.querySelectorAll('*')];
    expect(all.filter((el) => ACTIVE.includes(el.localName)).map((el) => el.localName)).toEqual([]);
    for (const el of all)
      for (const attr of el.getAttributeNames()) {
        expect(attr.startsWith('on'), `${el.localName} ${attr}`).toBe(false);
        expect(
          URL_ATTRS.includes(attr) && !(el.localName === 'a' && attr === 'href'),
          `${el.localName} ${attr}`,
        ).toBe(false);
      }
    for (const a of dom.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
  });

  it('keeps the HTML subset Briefing.com writes', () => {
    const out = sanitizeArticleHtml(
      '<html><body><p><strong>IBM (IBM -6%)</strong> is trading lower</p><BR><BR><ul><li>a</li></ul>' +
        '<table><tr><td>1</td></tr></table>Copyright (C) 2019 Briefing.com</body></html>',
    );
    expect(out).toBe(
      '<p><strong>IBM (IBM -6%)</strong> is trading lower</p><br><br><ul><li>a</li></ul>' +
        '<table><tbody><tr><td>1</td></tr></tbody></table>Copyright (C) 2019 Briefing.com',
    );
  });
});

describe('article content', () => {
  it('decodes TWS’s entities in a plain-text article, and leaves unknown ones as written', () => {
    expect(decodeEntities('Buy&#10;Target $325&#10;&amp; more &#x41; &bogus; &#0; &#xD800;')).toBe(
      'Buy\nTarget $325\n& more A &bogus; &#0; &#xD800;',
    );
    expect(
      articleContent({
        providerCode: 'BRFUPDN',
        articleId: 'BRFUPDN$1',
        kind: 'text',
        body: 'a&#10;<b>b</b>',
      }),
    ).toEqual({ kind: 'text', text: 'a\n<b>b</b>' });
  });

  it('does not open a binary article, and says what it is', () => {
    const c = articleContent({
      providerCode: 'DJNL',
      articleId: 'DJNL$1',
      kind: 'binary',
      body: 'JVBERi0xLjQK'.repeat(200),
    });
    expect(c.kind).toBe('binary');
    expect(c.kind === 'binary' && c.message).toMatch(/PDF document \(about 2 kB\).*DJNL/);
  });
});
