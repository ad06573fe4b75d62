import { describe, expect, it } from 'vitest';
import { paneTabUrl, takePageToken, TOKEN_KEY, type PageEnv } from './page-token';

function env(href: string, storage: Map<string, string> | null = new Map()) {
  const replaced: string[] = [];
  const e: PageEnv = {
    href,
    replaceUrl: (u) => replaced.push(u),
    storage: storage && {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
    },
  };
  return { e, replaced, storage };
}

describe('page token', () => {
  it('takes the token out of the address, keeping the rest, and keeps it in the tab', () => {
    const { e, replaced, storage } = env('http://127.0.0.1:5174/?token=abc_-1&pane=log#x');
    expect(takePageToken(e)).toBe('abc_-1');
    expect(replaced).toEqual(['/?pane=log#x']);
    expect(storage?.get(TOKEN_KEY)).toBe('abc_-1');
  });

  it('after a reload (no token in the address) uses the tab copy and leaves the address alone', () => {
    const storage = new Map([[TOKEN_KEY, 'abc']]);
    const { e, replaced } = env('http://127.0.0.1:5174/', storage);
    expect(takePageToken(e)).toBe('abc');
    expect(replaced).toEqual([]);
  });

  it('a token in the address wins over an older one in the tab (the host restarted with a new token)', () => {
    const storage = new Map([[TOKEN_KEY, 'old']]);
    expect(takePageToken(env('http://127.0.0.1:5174/?token=new', storage).e)).toBe('new');
    expect(storage.get(TOKEN_KEY)).toBe('new');
  });

  it('works without storage, and when storage throws', () => {
    const none = env('http://127.0.0.1:5174/?token=t', null);
    expect(takePageToken(none.e)).toBe('t');
    expect(none.replaced).toEqual(['/']);
    const throwing: PageEnv = {
      href: 'http://127.0.0.1:5174/?token=t',
      replaceUrl: () => undefined,
      storage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
    };
    expect(takePageToken(throwing)).toBe('t');
    expect(takePageToken({ ...throwing, href: 'http://127.0.0.1:5174/' })).toBe('');
  });

  it("gives a torn-off pane's tab the token in its URL", () => {
    const u = new URL(paneTabUrl('http://127.0.0.1:5174/#a', 'log', 'tok en'));
    expect(u.searchParams.get('pane')).toBe('log');
    expect(u.searchParams.get('token')).toBe('tok en');
    expect(paneTabUrl('http://127.0.0.1:5174/', 'log', '')).toBe('http://127.0.0.1:5174/?pane=log');
  });
});
