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
  controller.emitEvent = function (name: string, ...args: unknown[]): void {
    if (
      events.has(name) &&
      count(name) === 1 &&
      count(EventName.result) === 0 &&
      count(EventName.all) === 0
    ) {
      route(name, args);
      return;
    }
    original.call(this, name, ...args);
  };
  return true;
}
