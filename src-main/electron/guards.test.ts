import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { installContentsGuards, installSessionGuards, isAllowedExternal } from './guards';
import { isAppUrl } from './app-protocol';

vi.mock('electron', () => ({}));

function fakeContents() {
  const handlers: Record<string, (...a: unknown[]) => void> = {};
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, h: (...a: unknown[]) => void) => (handlers[name] = h),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (openHandler = h),
  } as unknown as WebContents;
  return { contents, handlers, open: (url: string) => openHandler!({ url }) };
}

const ev = () => ({ preventDefault: vi.fn() });

describe('navigation and window guards', () => {
  it('blocks navigation anywhere but our app:// pages', () => {
    const { contents, handlers } = fakeContents();
    installContentsGuards(contents, async () => undefined);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
    ]) {
      const e = ev();
      handlers['will-navigate']!(e, url);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    const ok = ev();
    handlers['will-navigate']!(ok, 'app://ibdesk/index.html');
    expect(ok.preventDefault).not.toHaveBeenCalled();
    const wv = ev();
    handlers['will-attach-webview']!(wv);
    expect(wv.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; allow-listed https links open in the OS browser', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    installContentsGuards(contents, async (u) => void opened.push(u));
    expect(open('https://www.interactivebrokers.com/en/trading/tws.php').action).toBe('deny');
    expect(open('http://www.interactivebrokers.com/').action).toBe('deny');
    expect(open('https://evil.example/').action).toBe('deny');
    expect(opened).toEqual(['https://www.interactivebrokers.com/en/trading/tws.php']);
  });

  it.each([
    ['https://github.com/ibdesk', true],
    ['https://github.com.evil.example/', false],
    ['https://user:pw@github.com/', false],
    ['not a url', false],
  ])('allow-lists by parsed host, not by prefix: %s → %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
  });

  it('takes only our own app:// host for an app page', () => {
    expect(isAppUrl('app://ibdesk.evil/x')).toBe(false);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      on: () => undefined,
    } as unknown as Session;
    installSessionGuards(session);
    const cb = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) request!({}, p, cb);
    expect(cb.mock.calls.every(([v]) => v === false)).toBe(true);
    expect(check!()).toBe(false);
  });

  it('blocks redirects away and downloads', () => {
    const { contents, handlers } = fakeContents();
    installContentsGuards(contents, async () => undefined);
    const away = ev();
    handlers['will-redirect']!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = ev();
    handlers['will-redirect']!(home, 'app://ibdesk/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const sessionHandlers: Record<string, (e: { preventDefault(): void }) => void> = {};
    installSessionGuards({
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      on: (name: string, h: (e: { preventDefault(): void }) => void) => (sessionHandlers[name] = h),
    } as unknown as Session);
    const dl = ev();
    sessionHandlers['will-download']!(dl);
    expect(dl.preventDefault).toHaveBeenCalled();
  });

  it('the openExternal allow-list resists the usual URL tricks', () => {
    const refused = [
      'https://www.interactivebrokers.com@evil.example/',
      'https://evil.example/#https://github.com/',
      'https://evil.example/?u=https://github.com/',
      'https://github.com./',
      'https://github.com:8443/',
      'https://xn--gthub-n4a.com/',
      'https://gіthub.com/',
      'https://github.com%2F@evil.example/',
      'javascript://github.com/%0Aalert(1)',
      'file://github.com/etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'http://github.com/',
      'ftp://github.com/',
      'app://ibdesk/index.html',
      '//github.com/',
      '',
    ];
    for (const url of refused) expect(isAllowedExternal(url), url).toBe(false);
    for (const url of [
      'https://github.com/ibdesk/ibdesk/issues',
      'https://GitHub.com/ibdesk',
      'https://www.interactivebrokers.com/campus/ibkr-api-page/twsapi-doc/',
    ])
      expect(isAllowedExternal(url), url).toBe(true);
    // New windows are denied whatever they ask for, our own pages included.
    const { contents, open } = fakeContents();
    installContentsGuards(contents, async () => undefined);
    for (const url of [...refused, 'app://ibdesk/index.html?pane=chart'])
      expect(open(url).action).toBe('deny');
  });
});
