// The renderer is served from `app://ibdesk/` (not file://) so it gets a real origin and a CSP header.
import path from 'node:path';
import { promises as fs } from 'node:fs';

export const APP_SCHEME = 'app';
const APP_HOST = 'ibdesk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The window's Content-Security-Policy: only our own files; no inline script, no remote code, no framing. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** Whether a URL belongs to our renderer (parsed, never string-prefixed). */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Serves a request for app://ibdesk/<path> from the renderer folder, refusing anything outside it. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  if (!isAppUrl(requestUrl)) return new Response('Not found', { status: 404 });
  const rel = decodeURIComponent(new URL(requestUrl).pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(rendererDir, rel);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep))
    return new Response('Not found', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
