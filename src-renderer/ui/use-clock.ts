// One shared one-second clock for every tick age and countdown on screen (one timer, not one per row).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

/** The clock's time now: what useClock renders with while it runs, else the time now (no one follows it yet). */
export const clockNow = (): number => (timer ? now : Date.now());

/** Calls `listener` on each second of the clock, outside React (a view that writes the DOM itself). */
export function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const idle = (): (() => void) => () => undefined;

/**
 * Epoch ms, moving once a second; with `active` false it stays put and re-renders nothing (for a view that needs
 * the time only in some states).
 */
export function useClock(active = true): number {
  return useSyncExternalStore(active ? subscribeClock : idle, () => now);
}
