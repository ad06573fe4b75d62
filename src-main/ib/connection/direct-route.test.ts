import { describe, expect, it } from 'vitest';
import { EventName, type IBApi } from '../stoqey';
import { routeDirectly } from './direct-route';
import { createIbApi } from './socket';

const ROUTED = new Set<string>([EventName.tickPrice]);

type Emitting = { controller: { emitEvent(name: string, ...args: unknown[]): void } };
const emit = (api: IBApi, name: string, ...args: unknown[]): void =>
  (api as unknown as Emitting).controller.emitEvent(name, ...args);

function setup() {
  const api = createIbApi({ host: '127.0.0.1', port: 1, clientId: 0 });
  const direct: [string, unknown[]][] = [];
  const viaEmitter: unknown[][] = [];
  api.on(EventName.tickPrice, (...args: unknown[]) => void viaEmitter.push(args));
  expect(routeDirectly(api, ROUTED, (name, args) => void direct.push([name, args]))).toBe(true);
  return { api, direct, viaEmitter };
}

describe('routeDirectly', () => {
  it("hands a routed event's arguments to the router without the emitter while the router is its only listener", () => {
    const { api, direct, viaEmitter } = setup();
    emit(api, EventName.tickPrice, 7, 1, 187.25, {});
    expect(direct).toEqual([[EventName.tickPrice, [7, 1, 187.25, {}]]]);
    expect(viaEmitter).toEqual([]);
  });

  it("runs the library's own path when anyone else listens, and for events it does not route", () => {
    const { api, direct, viaEmitter } = setup();
    const all: unknown[] = [];
    api.on(EventName.all, (name: string) => void all.push(name));
    emit(api, EventName.tickPrice, 7, 1, 187.25, {});
    expect(direct).toEqual([]);
    expect(viaEmitter).toEqual([[7, 1, 187.25, {}]]);
    expect(all).toEqual([EventName.tickPrice]);
    api.removeAllListeners(EventName.all);
    api.on(EventName.tickPrice, () => undefined);
    emit(api, EventName.tickPrice, 8, 2, 187.5, {});
    expect(direct).toEqual([]);
    expect(viaEmitter).toHaveLength(2);
    const seen: number[] = [];
    api.on(EventName.currentTime, (t: number) => void seen.push(t));
    emit(api, EventName.currentTime, 1_765_000_000);
    expect(seen).toEqual([1_765_000_000]);
  });

  it('sees listeners that come and go after it is installed (once, off, removeListener)', () => {
    const { api, direct, viaEmitter } = setup();
    emit(api, EventName.tickPrice, 1, 1, 1, {});
    const extra: unknown[] = [];
    api.once(EventName.tickPrice, (id: number) => void extra.push(id));
    emit(api, EventName.tickPrice, 2, 1, 1, {});
    // The once-listener is gone after it ran: the router is alone again.
    emit(api, EventName.tickPrice, 3, 1, 1, {});
    const onResult = (): void => undefined;
    api.on(EventName.result, onResult);
    emit(api, EventName.tickPrice, 4, 1, 1, {});
    api.off(EventName.result, onResult);
    emit(api, EventName.tickPrice, 5, 1, 1, {});
    const other = (): void => undefined;
    api.addListener(EventName.tickPrice, other);
    emit(api, EventName.tickPrice, 6, 1, 1, {});
    api.removeListener(EventName.tickPrice, other);
    emit(api, EventName.tickPrice, 7, 1, 1, {});
    expect(direct.map(([, args]) => args[0])).toEqual([1, 3, 5, 7]);
    expect(viaEmitter.map((args) => args[0])).toEqual([2, 4, 6]);
    expect(extra).toEqual([2]);
  });

  it('changes nothing on an api without the expected controller', () => {
    const api = { listenerCount: () => 0 } as unknown as IBApi;
    expect(routeDirectly(api, ROUTED, () => undefined)).toBe(false);
  });
});
