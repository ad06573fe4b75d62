// The id-less request: answered by its global event only, refused without a connection, timed out, dropped.
import { EventName } from '@stoqey/ib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordingLink } from '../../../tests/support/recording-api';
import { askGlobal } from './global-request';

const ask = (link: Parameters<typeof askGlobal>[0]) =>
  askGlobal(link, {
    what: 'the scanner parameters',
    label: 'reqScannerParameters',
    run: (api) => api.reqScannerParameters(),
    answer: EventName.scannerParameters,
    read: (args) => String(args[0]),
    timeoutMs: 30_000,
  });

describe('askGlobal', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the request and resolves with its global event, read; other events do not settle it', async () => {
    const rec = createRecordingLink();
    let settled = false;
    const xml = ask(rec.link).finally(() => (settled = true));
    expect(rec.sends[0]).toMatchObject({
      label: 'reqScannerParameters',
      calls: [{ method: 'reqScannerParameters' }],
    });
    rec.global(EventName.newsProviders, [[]]);
    await Promise.resolve();
    expect(settled).toBe(false);
    rec.global(EventName.scannerParameters, ['<xml/>']);
    await expect(xml).resolves.toBe('<xml/>');
  });

  it('refuses at once without a connection, naming what was asked for', async () => {
    const off = createRecordingLink({ state: 'disconnected' });
    await expect(ask(off.link)).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: 'Not connected to TWS: the scanner parameters need a connection',
    });
    expect(off.sends).toEqual([]);
  });

  it('times out after timeoutMs, and a late answer changes nothing', async () => {
    vi.useFakeTimers();
    const rec = createRecordingLink();
    const xml = ask(rec.link);
    const caught = expect(xml).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'TWS did not send the scanner parameters within 30 s',
    });
    vi.advanceTimersByTime(30_000);
    await caught;
    rec.global(EventName.scannerParameters, ['<late/>']);
  });

  it('rejects when the pacer drops the request, with its reason', async () => {
    const rec = createRecordingLink();
    const dropping = {
      ...rec.link,
      send: (job: { dropped?: (reason: string) => void }) => {
        job.dropped?.('the connection closed');
        return () => undefined;
      },
    };
    await expect(ask(dropping)).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: 'The scanner parameters were not requested: the connection closed',
    });
  });
});
