// Unhandled errors in a main process (Electron's main or the web host): each is logged, and shown in a dialog
// (keep running, or restart) where the host has one, instead of a silent exit. Neither Electron nor the web host
// owns it: both import it (the web host may not import electron/).
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';

export type CrashDialog = {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  /** The button that restarts the app. */
  restartId: number;
};

function describeError(err: unknown): { message: string; stack: string | undefined } {
  if (err instanceof Error) return { message: err.message || err.name, stack: err.stack };
  return { message: typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err)), stack: undefined };
}

export function crashDialog(kind: 'error' | 'rejection', err: unknown, logFile: string | null): CrashDialog {
  const { message } = describeError(err);
  return {
    title: 'IBDesk — unexpected error',
    message: `IBDesk hit an unexpected ${kind === 'error' ? 'error' : 'failure'}: ${message}`,
    detail: [
      'IBDesk keeps running, and orders already at TWS are not affected. If something looks wrong, restart IBDesk.',
      logFile ? `Details are in the log: ${logFile}` : 'Details are in the log.',
    ].join('\n\n'),
    buttons: ['Keep running', 'Restart IBDesk'],
    defaultId: 0,
    restartId: 1,
  };
}

export type ProcessLike = {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (err: unknown) => void): unknown;
  off(event: 'uncaughtException' | 'unhandledRejection', listener: (err: unknown) => void): unknown;
};

/** Installs the handlers; returns a function that removes them. */
export function installCrashHandlers(deps: {
  proc: ProcessLike;
  log: Logger;
  clock: Clock;
  logFile: string | null;
  /** Shows the dialog, resolves with the button pressed. */
  show: (d: CrashDialog) => Promise<number>;
  relaunch: () => void;
  /** The same message is not shown again within this window (a loop of errors must not stack dialogs). */
  quietMs?: number;
}): () => void {
  const quietMs = deps.quietMs ?? 60_000;
  const shownAt = new Map<string, number>();
  let open = false;

  const handle = (kind: 'error' | 'rejection') => (err: unknown) => {
    const { message, stack } = describeError(err);
    deps.log.error(`Unhandled ${kind === 'error' ? 'exception' : 'promise rejection'} in main: ${message}`, {
      stack,
    });
    const now = deps.clock.now();
    const last = shownAt.get(message);
    if (open || (last !== undefined && now - last < quietMs)) return;
    shownAt.set(message, now);
    open = true;
    const dialog = crashDialog(kind, err, deps.logFile);
    deps
      .show(dialog)
      .then((button) => {
        if (button === dialog.restartId) deps.relaunch();
      })
      .catch(() => undefined)
      .finally(() => (open = false));
  };
  const onError = handle('error');
  const onRejection = handle('rejection');
  deps.proc.on('uncaughtException', onError);
  deps.proc.on('unhandledRejection', onRejection);
  return () => {
    deps.proc.off('uncaughtException', onError);
    deps.proc.off('unhandledRejection', onRejection);
  };
}
