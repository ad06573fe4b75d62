// Renderer crash safety: a window whose renderer dies is reloaded — its layout comes back from main, which keeps
// it — unless it keeps dying, then the user is asked. (Unhandled errors in main: logging/unhandled-errors.ts.)
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';

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
