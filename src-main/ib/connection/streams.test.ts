import { EventName } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import { createTestChannel, recordingApi, type ApiCall } from '../../../tests/support/recording-api';
import { Priority } from './pacer';
import { createStreamRegistry } from './streams';
import type { StreamInfo, StreamSpec } from './types';

function setup() {
  const clock = createManualClock(0);
  const ch = createTestChannel(clock);
  const silent: StreamInfo[][] = [];
  const registry = createStreamRegistry({
    clock,
    log: silentLogger,
    channel: ch.channel,
    lastInbound: () => clock.now(),
    confirmMs: () => 20_000,
    silent: (list) => silent.push(list),
  });
  return { clock, ch, registry, silent };
}

function spec(kind: string, label: string, seen: string[] = [], over: Partial<StreamSpec> = {}): StreamSpec {
  return {
    kind,
    label,
    open: (api, id) => api.reqMktData(id, { symbol: label }, '', false, false),
    close: (api, id) => api.cancelMktData(id),
    onEvent: (name) => seen.push(name),
    ...over,
  };
}

const opened = (calls: { method: string; args: unknown[] }[]) =>
  calls
    .filter((c) => c.method === 'reqMktData')
    .map((c) => [(c.args[1] as { symbol: string }).symbol, c.args[0]]);

describe('stream registry', () => {
  it('routes each request to its own stream through owners that share their methods (no closures per stream)', () => {
    const { ch, registry } = setup();
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = registry.stream(spec('quotes', 'AAPL', seenA));
    const b = registry.stream(spec('quotes', 'MSFT', seenB));
    ch.flush();
    const ownerA = ch.route(a.info().reqId!)!;
    const ownerB = ch.route(b.info().reqId!)!;
    // A tick reaches its stream through one object: with 500 lines, a closure and its context per line were
    // two more cache misses per message (bench/suites/ingest.ts).
    expect(ownerA.onEvent).toBe(ownerB.onEvent);
    ownerA.onEvent(EventName.tickPrice, [a.info().reqId, 1, 10]);
    ownerB.onEvent(EventName.tickSize, [b.info().reqId, 0, 5]);
    expect(seenA).toEqual([EventName.tickPrice]);
    expect(seenB).toEqual([EventName.tickSize]);
  });

  it('replays every stream after a reconnect with fresh ids, quote lines after the others', () => {
    const { ch, registry } = setup();
    registry.stream(spec('quotes', 'AAPL'));
    registry.stream(spec('scanner', 'TOP'));
    ch.flush();
    const before = opened(ch.calls);
    ch.lose('TWS closed the connection');
    ch.reconnect();
    ch.calls.length = 0;
    registry.replay(true);
    ch.flush();
    const after = opened(ch.calls);
    expect(after.map(([label]) => label)).toEqual(['TOP', 'AAPL']);
    for (const [label, id] of after) expect(id).not.toBe(before.find(([l]) => l === label)![1]);
  });

  it('reports the streams that did not deliver again within 20 s of a replay', () => {
    const { clock, ch, registry, silent } = setup();
    registry.stream(spec('quotes', 'AAPL'));
    const quiet = registry.stream(spec('quotes', 'MSFT'));
    registry.replay(true);
    ch.flush();
    ch.route(registry.list().find((s) => s.label === 'AAPL')!.reqId!)!.onEvent('tickPrice', []);
    clock.advance(19_999);
    expect(silent).toHaveLength(0);
    clock.advance(1);
    expect(silent).toHaveLength(1);
    expect(silent[0]!.map((s) => s.label)).toEqual(['MSFT']);
    expect(quiet.info().awaitingSince).toBe(0);
  });

  it("ends a stream on a TWS error its owner calls 'end', and requests it again on 'restart'", () => {
    const { ch, registry } = setup();
    let verdict: 'end' | 'restart' = 'restart';
    const s = registry.stream(spec('bars', 'AAPL', [], { onError: () => verdict }));
    ch.flush();
    const first = s.info().reqId!;
    ch.route(first)!.onError(162, 'pacing violation');
    ch.flush();
    const second = s.info().reqId!;
    expect(second).not.toBe(first);
    expect(ch.route(first)).toBeUndefined();
    verdict = 'end';
    ch.route(second)!.onError(200, 'no security definition');
    expect(registry.size()).toBe(0);
    expect(ch.liveIds()).toBe(0);
  });

  it('closes a stream by cancelling its request, and gives global events only to streams that ask', () => {
    const { ch, registry } = setup();
    const positions: string[] = [];
    const quotes: string[] = [];
    registry.stream(spec('positions', 'positions', positions, { globalEvents: [EventName.position] }));
    const q = registry.stream(spec('quotes', 'AAPL', quotes));
    ch.flush();
    registry.deliverGlobal(EventName.position, ['DU1']);
    registry.deliverGlobal(EventName.openOrder, []);
    expect(positions).toEqual(['position']);
    expect(quotes).toEqual([]);
    const id = q.info().reqId;
    q.close();
    ch.flush();
    expect(ch.calls.at(-1)).toEqual({ method: 'cancelMktData', args: [id] });
    expect(registry.list().map((s) => s.label)).toEqual(['positions']);
  });

  it('takes a request that has not left out of the queue instead of cancelling it at TWS', () => {
    const { ch, registry } = setup();
    const freed: string[] = [];
    registry.stream(spec('quotes', 'AAPL')).close(() => freed.push('AAPL'));
    const restarted = registry.stream(spec('quotes', 'MSFT'));
    restarted.restart();
    registry.stream(spec('quotes', 'NVDA')).close();
    expect(freed).toEqual(['AAPL']);
    ch.flush();
    expect(ch.calls.map((c) => c.method)).toEqual(['reqMktData']);
    expect(opened(ch.calls)).toEqual([['MSFT', restarted.info().reqId]]);
    expect(ch.liveIds()).toBe(1);
  });

  it('cancels a request the pacer wrote as soon as it was asked for', () => {
    const clock = createManualClock(0);
    const ch = createTestChannel(clock);
    const calls: ApiCall[] = [];
    const registry = createStreamRegistry({
      clock,
      log: silentLogger,
      // A pacer with room writes the job within send.
      channel: { ...ch.channel, send: (job) => (job.run(recordingApi(calls)), () => undefined) },
      lastInbound: () => clock.now(),
      confirmMs: () => 20_000,
      silent: () => undefined,
    });
    const s = registry.stream(spec('quotes', 'AAPL'));
    const id = s.info().reqId;
    s.close();
    expect(calls).toEqual([
      { method: 'reqMktData', args: [id, { symbol: 'AAPL' }, '', false, false] },
      { method: 'cancelMktData', args: [id] },
    ]);
  });

  it('queues a cancel whose owner waits for it behind new requests, and tells the owner once it left', () => {
    const { ch, registry } = setup();
    const freed: string[] = [];
    const aapl = registry.stream(spec('quotes', 'AAPL'));
    const msft = registry.stream(spec('quotes', 'MSFT'));
    ch.flush();
    aapl.close(() => freed.push('AAPL'));
    msft.close();
    expect(ch.queued().map((j) => [j.label, j.priority])).toEqual([
      ['cancel AAPL', Priority.release],
      ['cancel MSFT', Priority.subscribe],
    ]);
    expect(freed).toEqual([]);
    ch.flush();
    expect(freed).toEqual(['AAPL']);
  });

  it("frees a line whose cancel the closing connection dropped: TWS's lines went with it", () => {
    const { ch, registry } = setup();
    const freed: string[] = [];
    const aapl = registry.stream(spec('quotes', 'AAPL'));
    ch.flush();
    aapl.close(() => freed.push('AAPL'));
    ch.lose('socket closed');
    expect(freed).toEqual(['AAPL']);
    expect(ch.calls.map((c) => c.method)).toEqual(['reqMktData']);
  });
});
