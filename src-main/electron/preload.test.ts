import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' }));
let eventsHandler: ((e: unknown, batch: unknown) => void) | null = null;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, h: (e: unknown, batch: unknown) => void) => {
      if (channel === 'ibdesk:events') eventsHandler = h;
    },
  },
}));

type Bridge = { invoke(m: unknown, p?: unknown): Promise<unknown>; on(e: unknown, l: unknown): () => void };

describe('preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('./preload');
  });

  it('exposes exactly window.ibdesk with invoke and on, nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['ibdesk']);
    expect(Object.keys(exposed.ibdesk as object).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract requests only', async () => {
    const bridge = exposed.ibdesk as Bridge;
    expect(await bridge.invoke('settings.get', {})).toEqual({ ok: true, value: 'pong' });
    expect(invoke).toHaveBeenCalledWith('ibdesk:invoke', 'settings.get', {});
    invoke.mockClear();
    expect(await bridge.invoke('ipc.send', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await bridge.invoke({ toString: () => 'settings.get' }, {})).toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers contract events from batches and unsubscribes', () => {
    const bridge = exposed.ibdesk as Bridge;
    const seen: unknown[] = [];
    const off = bridge.on('log', (p: unknown) => seen.push(p));
    expect(() => bridge.on('ibdesk:invoke', () => undefined)).toThrow(/Unknown event/);
    eventsHandler?.({}, [
      { event: 'log', payload: 1 },
      { event: 'connection', payload: 2 },
      { event: 'log', payload: 3 },
    ]);
    off();
    eventsHandler?.({}, [{ event: 'log', payload: 4 }]);
    eventsHandler?.({}, 'garbage');
    expect(seen).toEqual([1, 3]);
  });
});
