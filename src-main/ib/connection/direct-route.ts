// The hot path of a quote: @stoqey/ib's controller hands every decoded message to `emitEvent(name, ...args)`, which
// spreads the arguments into its event emitter (and emits `result` and `all` beside), and the emitter spreads them
// again into each listener. For the events the connection routes by request id, its router is the only listener:
// it is called with the arguments array directly. Whenever anyone else listens (to that event, `result` or `all`),
// the library's own path runs unchanged.
import { EventName, type IBApi } from '../stoqey';

type Emitting = { emitEvent(name: string, ...args: unknown[]): void };

/** Whether the api's controller has the shape this was written against (a later @stoqey/ib may not). */
function controllerOf(api: IBApi): Emitting | null {
  const controller = (api as unknown as { controller?: unknown }).controller;
  if (typeof controller !== 'object' || controller === null) return null;
  return typeof (controller as Emitting).emitEvent === 'function' ? (controller as Emitting) : null;
}

/** The emitter's methods that add or remove listeners (eventemitter3's, `addListener` and `off` are aliases). */
const LISTENER_CHANGES = [
  'on',
  'addListener',
  'once',
  'removeListener',
  'off',
  'removeAllListeners',
] as const;

/**
 * Routes `events` to `route` without the emitter while `route`'s own listener (registered by the caller) is the
 * only one. Returns false, changing nothing, when the library's shape is not the expected one.
 */
export function routeDirectly(
  api: IBApi,
  events: ReadonlySet<string>,
  route: (name: string, args: unknown[]) => void,
): boolean {
  const controller = controllerOf(api);
  if (!controller) return false;
  const original = controller.emitEvent;
  const count = (name: string): number => api.listenerCount(name as EventName);
  // Which events skip the emitter, worked out again after any listener comes or goes instead of three listener
  // counts per message (a quote tick is two messages of a few fields: the counts were a tenth of the app's own
  // work per message).
  let direct: ReadonlySet<string> | null = null;
  const decide = (): ReadonlySet<string> => {
    if (count(EventName.result) > 0 || count(EventName.all) > 0) return new Set();
    return new Set([...events].filter((name) => count(name) === 1));
  };
  const emitter = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of LISTENER_CHANGES) {
    const own = emitter[method];
    if (typeof own !== 'function') continue;
    emitter[method] = function (this: unknown, ...args: unknown[]): unknown {
      direct = null;
      return own.apply(this, args);
    };
  }
  // `arguments`, not rest parameters: a message passed on is not gathered into an array to be spread again.
  /* eslint-disable prefer-rest-params */
  controller.emitEvent = function (this: unknown, name: string): void {
    direct ??= decide();
    if (direct.has(name)) {
      // The arguments after the name, copied once: the router keeps them (the library's spread made this array).
      const args = new Array<unknown>(arguments.length - 1);
      for (let i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
      route(name, args);
      return;
    }
    // Everything else (a socket read's `received`, handshake messages…) goes on as the library wrote it.
    original.apply(this, arguments as unknown as Parameters<Emitting['emitEvent']>);
  } as Emitting['emitEvent'];
  /* eslint-enable prefer-rest-params */
  return true;
}
