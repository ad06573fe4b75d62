// The byte-level protocol: the handshake and its reply, version negotiation and refusal, nothing before
// START_API, and bad input (garbage fields, unknown ids, oversized frames, no API prefix, message floods).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from './raw-client';
import { startGateway } from './helpers';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';

describe('raw protocol', () => {
  let gw: DemoGateway;

  beforeAll(async () => {
    gw = await startGateway({ maxServerVersion: 187, seed: 1 });
  });
  afterAll(async () => {
    await gw.close();
  });

  const started = (clientId: number, range?: string): Promise<RawClient> =>
    RawClient.started(gw.port, clientId, range);

  it('answers the handshake with exactly "version\\0connTime\\0" and sends nothing before START_API', async () => {
    const c = await RawClient.open(gw.port);
    c.hello('v100..176 +PACEAPI');
    await c.until(() => c.frames.length === 1, 'version frame');
    const [first] = c.frames;
    expect(first?.length).toBe(2);
    expect(first?.[0]).toBe('176');
    expect(first?.[1]).toMatch(/^\d{8} \d{2}:\d{2}:\d{2} E[SD]T$/);
    c.send(49, 1); // a request before START_API is ignored
    await new Promise((r) => setTimeout(r, 300));
    expect(c.frames.length).toBe(1);
    c.send(71, 2, 501, '');
    await c.until(() => c.frames.filter((f) => f[0] === '4').length === 4, 'farm notices');
    expect(c.frames.slice(1, 3)).toEqual([
      ['15', '1', 'DU1234567'],
      ['9', '1', expect.stringMatching(/^\d+$/) as unknown as string],
    ]);
    expect(c.of(4).map((f) => f[3])).toEqual(['2104', '2104', '2106', '2158']);
    expect(c.of(4)[0]).toEqual(['4', '2', '-1', '2104', 'Market data farm connection is OK:usfarm', '']);
    c.close();
  });

  it('negotiates min(client max, gateway max) and refuses ranges that do not overlap', async () => {
    const old = await RawClient.open(gw.port);
    old.hello('v100..150');
    await old.until(() => old.closed, 'refusal');
    expect(old.frames).toEqual([]);
    const future = await RawClient.open(gw.port);
    future.hello('v201..213');
    await future.until(() => future.closed, 'refusal');
    expect(future.frames).toEqual([]);
    const single = await RawClient.open(gw.port);
    single.hello('v160');
    await single.until(() => single.frames.length === 1, 'version');
    expect(single.frames[0]?.[0]).toBe('160');
    single.close();
  });

  it('closes a connection that does not start with API\\0 or sends an oversized frame', async () => {
    const noPrefix = await RawClient.open(gw.port);
    noPrefix.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await noPrefix.until(() => noPrefix.closed, 'close');
    const big = await started(502);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(0x7fffffff);
    big.write(len);
    await big.until(() => big.closed, 'close');
  });

  it('answers unreadable requests with 320 and keeps the connection', async () => {
    const c = await started(503);
    c.send(1, 11, 'not-a-number', 0, 'AAPL', 'STK');
    await c.until(() => c.of(4).some((f) => f[3] === '320'), '320');
    expect(c.of(4).find((f) => f[3] === '320')?.[4]).toMatch(
      /^Error reading request\. Message id 1\. Unable to parse data/,
    );
    c.send(9999, 1);
    await c.until(() => c.of(4).filter((f) => f[3] === '320').length === 2, 'second 320');
    c.send(49, 1);
    await c.until(() => c.of(49).length === 1, 'current time still answered');
    c.close();
  });

  it('disconnects a client sending more than 50 messages a second (error 100), unless it paces (+PACEAPI)', async () => {
    const flood = await started(504);
    for (let i = 0; i < 60; i++) flood.send(49, 1);
    await flood.until(() => flood.closed, 'disconnect');
    expect(flood.of(4).find((f) => f[3] === '100')?.[4]).toMatch(
      /^Max rate of messages per second has been exceeded/,
    );
    expect(gw.maxMessagesInWindow(504)).toBeGreaterThan(50);

    const paced = await started(505, 'v100..187 +PACEAPI');
    for (let i = 0; i < 60; i++) paced.send(49, 1);
    await paced.until(() => paced.of(49).length === 60, 'all 60 answered', 8000);
    expect(paced.closed).toBe(false);
    paced.close();
  });

  it('logs every message a client sends, with timestamps', async () => {
    const c = await started(506);
    c.send(49, 1);
    c.send(61, 1);
    await c.until(() => c.of(62).length === 1, 'positionEnd');
    const log = gw.received(506);
    expect(log.map((m) => m.msgId)).toEqual([71, 49, 61]);
    expect(log.every((m) => Math.abs(m.time - Date.now()) < 10_000)).toBe(true);
    c.close();
  });
});
