import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { silentLogger } from '../../src-shared/logger';
import { createDispatcher } from '../api/dispatcher';
import { isTrustedSender, registerIpc } from './ipc';

vi.mock('electron', () => ({}));

const frame = (url: string) => ({ url }) as never;

describe('IPC sender checks', () => {
  const ours = new Set([7]);
  it('trusts only our windows showing our app:// page', () => {
    expect(
      isTrustedSender({ sender: { id: 7 } as never, senderFrame: frame('app://ibdesk/index.html') }, ours),
    ).toBe(true);
    expect(
      isTrustedSender({ sender: { id: 8 } as never, senderFrame: frame('app://ibdesk/index.html') }, ours),
    ).toBe(false);
    expect(
      isTrustedSender({ sender: { id: 7 } as never, senderFrame: frame('https://evil.example/') }, ours),
    ).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 } as never, senderFrame: null }, ours)).toBe(false);
  });

  it('answers FORBIDDEN to a foreign sender and dispatches for ours', async () => {
    let handler: ((e: unknown, m: unknown, p: unknown) => Promise<unknown>) | null = null;
    const ipcMain = {
      handle: (_c: string, h: typeof handler) => (handler = h),
      removeHandler: vi.fn(),
    } as unknown as IpcMain;
    const d = createDispatcher({ log: silentLogger });
    d.register({ 'log.list': () => [] });
    registerIpc(ipcMain, d, ours);
    expect(
      await handler!({ sender: { id: 9 }, senderFrame: frame('app://ibdesk/') }, 'log.list', {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await handler!({ sender: { id: 7 }, senderFrame: frame('app://ibdesk/') }, 'log.list', {}),
    ).toEqual({ ok: true, value: [] });
  });
});
