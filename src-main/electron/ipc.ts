// Electron IPC for the contract: one invoke channel checked against our own windows (by webContents and by the
// sender frame's parsed URL), and one events channel per window attached to the hub.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENTS, IPC_INVOKE } from '../../src-shared/bridge';
import type { Result } from '../../src-shared/result';
import type { Dispatcher } from '../api/dispatcher';
import type { Hub } from '../hub/hub';
import { isAppUrl } from './app-protocol';

export function clientIdOf(contents: WebContents): string {
  return `window-${contents.id}`;
}

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  ours: ReadonlySet<number>,
): boolean {
  const frame = event.senderFrame;
  return frame !== null && ours.has(event.sender.id) && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, ours: ReadonlySet<number>): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, params: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, ours)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Requests are accepted from IBDesk windows only' },
      };
    }
    return dispatcher.dispatch(method, params, { clientId: clientIdOf(event.sender) });
  });
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

/** Attaches a window to the hub; it detaches itself when the window's contents go away. */
export function attachWindow(hub: Hub, contents: WebContents): void {
  const detach = hub.attach({
    id: clientIdOf(contents),
    send: (events) => {
      if (!contents.isDestroyed()) contents.send(IPC_EVENTS, events);
    },
    backlog: () => 0,
    close: () => undefined,
  });
  contents.once('destroyed', detach);
  // A reload starts a new page with no listeners: it asks for state again, the hub keeps sending events.
}
