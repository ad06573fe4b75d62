// Both pages' Content-Security-Policy, directive by directive: the Electron window's (app:// protocol header) and
// the web host's. Scripts only from our own origin (no inline, no eval, no remote host), sockets only to our own
// host, nothing framed, no plugins, no <base>, no form posts; and the built renderer's HTML needs no inline script.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../web/static-files';
import { APP_CSP } from './app-protocol';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const policies = {
  electron: APP_CSP,
  web: contentSecurityPolicy('ws://127.0.0.1:5174'),
};

describe('content security policies', () => {
  for (const [host, csp] of Object.entries(policies)) {
    it(`${host}: same-origin scripts only, nothing embedded or framed`, () => {
      const d = directives(csp);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('form-action')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      for (const [name, values] of d) {
        for (const v of values) {
          expect(v, `${name} ${v}`).not.toMatch(
            /^\*|unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/,
          );
          // No whole scheme allowed (https: would allow any site).
          expect(v, `${name} ${v}`).not.toMatch(/^(https?|wss?|file|filesystem):$/);
        }
      }
      // 'unsafe-inline' only for styles (the chart and dock libraries set inline styles), never scripts.
      for (const [name, values] of d) if (values.includes("'unsafe-inline'")) expect(name).toBe('style-src');
      const connect = d.get('connect-src') ?? [];
      for (const v of connect) expect(v === "'self'" || v === 'ws://127.0.0.1:5174', v).toBe(true);
    });
  }

  it('the renderer page has no inline script and loads none from elsewhere', async () => {
    const html = await readFile('src-renderer/index.html', 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[2]!.trim(), 'inline script').toBe('');
      expect(m[1]).not.toMatch(/src=["']?(https?:)?\/\//);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
