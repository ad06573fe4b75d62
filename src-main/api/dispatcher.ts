// The one place requests enter main (STYLE.md rule 3): the method must be in the contract, the params must parse
// with its schema, and whatever the handler throws comes back as a typed error, never as an exception.
import type { z } from 'zod';
import { zodIssues } from '../../src-shared/domain/validate';
import {
  isRequestName,
  requests,
  type ParsedParams,
  type RequestName,
  type ResultOf,
} from '../../src-shared/contract';
import { AppError, type AppErrorData, type Result } from '../../src-shared/result';
import type { Logger } from '../../src-shared/logger';

/** Who is asking: a window (Electron) or a WebSocket connection (web host). */
type RequestContext = { readonly clientId: string };

export type Handler<K extends RequestName> = (
  params: ParsedParams<K>,
  ctx: RequestContext,
) => Promise<ResultOf<K>> | ResultOf<K>;

type HandlerMap = { [K in RequestName]?: Handler<K> };

export interface Dispatcher {
  /** Adds handlers; a method may have one handler only. */
  register(handlers: HandlerMap): void;
  /** Validates and runs one request. Never throws. */
  dispatch(method: unknown, params: unknown, ctx: RequestContext): Promise<Result<unknown>>;
  /** Methods of the contract that have no handler yet (a test keeps this empty). */
  missing(): RequestName[];
}

/** The issues of a request's params (or result) that did not parse: an issue about the whole is at `(params)`. */
export function paramIssues(error: z.ZodError): NonNullable<AppErrorData['issues']> {
  return zodIssues(error, '(params)');
}

export function createDispatcher(opts: { log: Logger; validateResults?: boolean }): Dispatcher {
  const handlers = new Map<RequestName, (params: unknown, ctx: RequestContext) => unknown>();
  const { log } = opts;

  return {
    register(map) {
      for (const [name, handler] of Object.entries(map)) {
        if (!isRequestName(name)) throw new Error(`register: ${name} is not in the contract`);
        if (handlers.has(name)) throw new Error(`register: ${name} already has a handler`);
        if (handler) handlers.set(name, handler as (params: unknown, ctx: RequestContext) => unknown);
      }
    },

    missing() {
      return (Object.keys(requests) as RequestName[]).filter((n) => !handlers.has(n));
    },

    async dispatch(method, params, ctx) {
      if (!isRequestName(method)) {
        const shown = typeof method === 'string' ? method.slice(0, 80) : typeof method;
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown request "${shown}"` } };
      }
      const handler = handlers.get(method);
      if (!handler) {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: `${method} is not available in this host` },
        };
      }
      const parsed = requests[method].params.safeParse(params ?? {});
      if (!parsed.success) {
        const issues = paramIssues(parsed.error);
        const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        return {
          ok: false,
          error: { code: 'VALIDATION', message: `Invalid ${method} request: ${summary}`, issues },
        };
      }
      try {
        const value = await handler(parsed.data, ctx);
        if (opts.validateResults) {
          const checked = requests[method].result.safeParse(value);
          if (!checked.success) {
            log.error(`${method} returned a result outside the contract`, {
              issues: paramIssues(checked.error),
            });
            return {
              ok: false,
              error: { code: 'INTERNAL', message: `${method} returned an invalid result` },
            };
          }
        }
        return { ok: true, value: value ?? null };
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toData() };
        const message = err instanceof Error ? err.message : String(err);
        log.error(`${method} failed: ${message}`, { stack: err instanceof Error ? err.stack : undefined });
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `${method} failed unexpectedly: ${message}` },
        };
      }
    },
  };
}
