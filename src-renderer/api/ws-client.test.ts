// The web host's socket client at start: prefetched reads, and events that come before anyone listens.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsClient } from './ws-client';

class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static last: FakeSocket | null = null;
  readyState = FakeSocket.CONNECTING;
  sent: { id: number; method: string; params: unknown }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; params: unknown });
  }
  close(): void {}
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ws client at start', () => {
  it('asks prefetched reads as the socket opens and hands each answer to the first identical request', async () => {
    const client = createWsClient('ws://127.0.0.1:1/api?token=t');
    client.prefetch!('watchlists.get', {});
    client.prefetch!('log.list', { limit: 500 });
    const s = FakeSocket.last!;
    expect(s.sent).toEqual([]);
    s.open();
    expect(s.sent.map((m) => m.method)).toEqual(['watchlists.get', 'log.list']);
    s.receive({ id: s.sent[0]!.id, ok: true, value: [] });
    await expect(client.invoke('watchlists.get', {})).resolves.toEqual({ ok: true, value: [] });
    // Once: the next identical request goes to the host, and so does one with other parameters.
    void client.invoke('watchlists.get', {});
    void client.invoke('log.list', { limit: 10 });
    expect(s.sent.map((m) => m.method)).toEqual(['watchlists.get', 'log.list', 'watchlists.get', 'log.list']);
    const pendingLog = client.invoke('log.list', { limit: 500 });
    s.receive({ id: s.sent[1]!.id, ok: true, value: [] });
    await expect(pendingLog).resolves.toEqual({ ok: true, value: [] });
    expect(s.sent).toHaveLength(4);
  });

  it('never hands a read asked on a socket that dropped to a request on the next one', async () => {
    const client = createWsClient('ws://127.0.0.1:1/api?token=t');
    client.prefetch!('settings.get', {});
    const first = FakeSocket.last!;
    first.open();
    first.drop();
    await vi.advanceTimersByTimeAsync(600);
    const second = FakeSocket.last!;
    expect(second).not.toBe(first);
    second.open();
    void client.invoke('settings.get', {});
    expect(second.sent.map((m) => m.method)).toEqual(['settings.get']);
  });

  it('drops a prefetched answer no one asked for within its time', async () => {
    const client = createWsClient('ws://127.0.0.1:1/api?token=t');
    const s = FakeSocket.last!;
    s.open();
    client.prefetch!('gauges.get', {});
    await vi.advanceTimersByTimeAsync(16_000);
    void client.invoke('gauges.get', {});
    expect(s.sent.map((m) => m.method)).toEqual(['gauges.get', 'gauges.get']);
  });

  it('holds events that come before anyone listens, and gives them to the first listeners in order', async () => {
    const client = createWsClient('ws://127.0.0.1:1/api?token=t');
    const s = FakeSocket.last!;
    s.open();
    s.receive({
      events: [
        { event: 'log', payload: 1 },
        { event: 'connection', payload: 2 },
      ],
    });
    s.receive({ events: [{ event: 'log', payload: 3 }] });
    const got: string[] = [];
    client.on('log', (p) => got.push(`log ${String(p)}`));
    client.on('connection', (p) => got.push(`connection ${String(p)}`));
    expect(got).toEqual([]);
    await Promise.resolve();
    expect(got).toEqual(['log 1', 'connection 2', 'log 3']);
    s.receive({ events: [{ event: 'log', payload: 4 }] });
    expect(got).toEqual(['log 1', 'connection 2', 'log 3', 'log 4']);
  });
  it('asks again when the listeners already have an event that came after a prefetched answer', async () => {
    const client = createWsClient('ws://127.0.0.1:1/api?token=t');
    client.prefetch!('connection.status', {});
    client.prefetch!('app.info', {});
    const s = FakeSocket.last!;
    s.open();
    s.receive({ id: s.sent[0]!.id, ok: true, value: { state: 'disconnected' } });
    s.receive({ events: [{ event: 'connection', payload: { state: 'ready' } }] });
    s.receive({ id: s.sent[1]!.id, ok: true, value: { version: '1' } });
    const got: unknown[] = [];
    client.on('connection', (p) => got.push(p));
    await Promise.resolve();
    expect(got).toEqual([{ state: 'ready' }]);
    // The status answer is older than the event the listener has: it goes to the host again. The info answer came
    // after the event, so it is still good.
    void client.invoke('connection.status', {});
    await expect(client.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { version: '1' } });
    expect(s.sent.map((m) => m.method)).toEqual(['connection.status', 'app.info', 'connection.status']);
  });
});
