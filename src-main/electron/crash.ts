// Crash safety. An unhandled error or rejection in main is logged and shown in a dialog (keep running, or
// restart) instead of a silent exit; a window whose renderer dies is reloaded — its layout comes back from main,
// which keeps it — unless it keeps dying, then the user is asked.
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

/** Allows `max` reloads per window within `windowMs`: a renderer that dies at start must not loop forever. */
export function createReloadGuard(opts: { clock: Clock; max?: number; windowMs?: number }): {
  allow(key: string): boolean;
} {
  const max = opts.max ?? 3;
  const windowMs = opts.windowMs ?? 60_000;
  const history = new Map<string, number[]>();
  return {
    allow(key) {
      const now = opts.clock.now();
      const recent = (history.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= max) {
        history.set(key, recent);
        return false;
      }
      recent.push(now);
      history.set(key, recent);
      return true;
    },
  };
}

export type GoneDetails = { reason: string; exitCode: number };

export type ContentsLike = {
  readonly id: number;
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
  reload(): void;
  isDestroyed(): boolean;
};

/** Reloads a window whose renderer died (not on a clean exit), within the guard's budget; else asks. */
export function watchRenderer(
  contents: ContentsLike,
  deps: {
    guard: { allow(key: string): boolean };
    log: Logger;
    label: string;
    /** The renderer keeps dying: ask the user (reload anyway / quit). */
    giveUp: (details: GoneDetails) => void;
  },
): void {
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const key = String(contents.id);
    if (deps.guard.allow(key)) {
      deps.log.error(
        `The ${deps.label} window's renderer is gone (${details.reason}, exit ${details.exitCode})`,
        {
          action: 'reloading it; the layout is restored from the saved one',
        },
      );
      contents.reload();
    } else {
      deps.log.error(`The ${deps.label} window's renderer keeps dying (${details.reason})`, {
        action: 'asking the user',
      });
      deps.giveUp(details);
    }
  });
}
