// Serves the built renderer: only files whose real path (symlinks resolved) lies inside its folder, with a content
// type and the security headers; source maps only when asked for. Kept in one small module so the engine behind it
// can be swapped without touching the host.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page's Content-Security-Policy: same-origin scripts and sockets only, nothing framed or embedded. */
export function contentSecurityPolicy(wsOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // lightweight-charts and dockview set inline styles on elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(wsOrigin: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(wsOrigin),
    'X-Content-Type-Options': 'nosniff',
    // The URL carries the access token: never send it to another site.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * The path of a request target in origin-form ("/path?query"), or null. Absolute-form (`http://host/…`), `*` and
 * `//host/…` are refused: a browser sends none of them to a server, and they would let the target name a host
 * that the Host check never saw.
 */
export function targetPath(raw: string | undefined): URL | null {
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return null;
  try {
    return new URL(`http://host${raw}`);
  } catch {
    return null;
  }
}

function decodedPath(target: URL | null): string | null {
  if (!target) return null;
  try {
    return decodeURIComponent(target.pathname);
  } catch {
    return null;
  }
}

export type StaticOptions = {
  /** Folder of the built renderer. */
  root: string;
  /** Serve `.map` files (the build writes them; a production host does not hand out its sources by default). */
  sourceMaps?: boolean;
};

/** A request handler for the renderer's files. It never throws or rejects: every failure is an HTTP answer. */
export function createStaticFiles(
  opts: StaticOptions,
): (req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) => Promise<void> {
  const root = path.resolve(opts.root);
  const notFound = (res: ServerResponse, headers: Record<string, string>): void => {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  };

  /** The file to open (real path, inside the real root), or null for 404. */
  async function resolveFile(rel: string): Promise<string | null> {
    const lexical = path.resolve(root, rel);
    if (!lexical.startsWith(root + path.sep)) return null;
    let real: string;
    let realRoot: string;
    try {
      // The root itself may be a symlink (an installed app); its real path is the boundary.
      [real, realRoot] = await Promise.all([fs.realpath(lexical), fs.realpath(root)]);
    } catch {
      return null;
    }
    return real.startsWith(realRoot + path.sep) ? real : null;
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    const pathname = decodedPath(targetPath(req.url));
    if (pathname === null || pathname.includes('\0')) {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    if (!opts.sourceMaps && rel.toLowerCase().endsWith('.map')) return notFound(res, headers);
    const file = await resolveFile(rel);
    if (!file) return notFound(res, headers);
    let handle: fs.FileHandle;
    try {
      // O_NOFOLLOW: the real path has no symlink left; one swapped in since is refused rather than followed.
      handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch {
      return notFound(res, headers);
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return notFound(res, headers);
      const body = req.method === 'HEAD' ? null : await handle.readFile();
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        'Content-Length': String(body?.length ?? stat.size),
      });
      res.end(body ?? undefined);
    } finally {
      await handle.close();
    }
  }

  return async (req, res, headers) => {
    try {
      await serve(req, res, headers);
    } catch {
      // A read that failed halfway, or a client gone: nothing sensible left to say on this socket.
      if (res.headersSent) res.destroy();
      else notFound(res, headers);
    }
  };
}
