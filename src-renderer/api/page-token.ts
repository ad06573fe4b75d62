// The web host's access token in the page. The printed URL carries it (`?token=`); the page reads it once, then
// takes it out of the address bar and the history entry (so it is not shown, bookmarked, synced or pasted along)
// and keeps it for reconnects in memory and in this tab's sessionStorage.
//
// Why sessionStorage and not a cookie set by the host: a reload is a trader's habit and must still connect, and of
// the two only sessionStorage stays inside this origin. Cookies ignore the port: every server on 127.0.0.1 (any
// local process) would receive one with each request of the browser, and the upgrade would be authenticated by
// whatever page of the same site opened it, with the Origin check the only guard left. sessionStorage is scoped to
// scheme, host and port, never leaves the browser, survives a reload and dies with the tab (a new tab opened on the
// bare address has no token). Script in the page could read it, but that script already holds the token in memory.

export const TOKEN_KEY = 'ibdesk.token';

export type PageEnv = {
  /** The page's address as loaded. */
  href: string;
  /** Replaces the current history entry's address (history.replaceState). */
  replaceUrl(url: string): void;
  /** This tab's sessionStorage, or null where the browser refuses it. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
};

function stored(storage: PageEnv['storage']): string | null {
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The token this page connects with: from its URL (then removed from it and kept for reloads), else from the tab. */
export function takePageToken(env: PageEnv): string {
  const url = new URL(env.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return stored(env.storage) ?? '';
  url.searchParams.delete('token');
  env.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
  try {
    env.storage?.setItem(TOKEN_KEY, fromUrl);
  } catch {
    // Storage refused (quota, privacy mode): the page still connects; a reload will need the printed URL again.
  }
  return fromUrl;
}

/**
 * The address of a pane opened in a tab of its own. That tab is opened with 'noopener', so it shares no
 * sessionStorage with this one: it gets the token in its URL and takes it out of its address bar as this one did.
 */
export function paneTabUrl(href: string, pane: string, token: string): string {
  const url = new URL(href);
  url.searchParams.set('pane', pane);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}
