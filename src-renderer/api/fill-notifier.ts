// OS notification on a fill or a firing alert for the web host: the browser's Notification API when the user allowed it. In
// Electron main shows native notifications itself, so the window never asks for the permission there.
import type { AlertFired } from '../../src-shared/domain/alerts';
import type { Execution } from '../../src-shared/domain/order';

export function fillText(e: Pick<Execution, 'side' | 'shares' | 'price' | 'contract'>): string {
  const verb = e.side === 'BUY' ? 'Bought' : 'Sold';
  return `${verb} ${e.shares} ${e.contract.symbol} at ${e.price}`;
}

export function notifyFills(execs: readonly Execution[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  for (const e of execs.slice(0, 5)) {
    try {
      new Notification('IBDesk: order filled', { body: fillText(e), tag: `fill-${e.execId}` });
    } catch {
      // Some browsers only allow notifications from a service worker: the blotter still shows the fill.
    }
  }
}

export function notifyAlert(fired: AlertFired): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification('IBDesk alert', { body: fired.text, tag: `alert-${fired.alertId}-${fired.at}` });
  } catch {
    // As for fills: without a service worker some browsers refuse; the toast and the history still show it.
  }
}

/**
 * Whether the web host's page may offer to turn notifications on. Asked through the Permissions API, which answers
 * asynchronously: reading `Notification.permission` is a synchronous round trip to the browser process, and at
 * start, with the browser busy loading the page, one read held the page's main thread for ~100 ms.
 */
export async function canAskForNotifications(host: 'electron' | 'web' | undefined): Promise<boolean> {
  if (host !== 'web' || typeof Notification === 'undefined') return false;
  try {
    const status = await navigator.permissions.query({ name: 'notifications' });
    return status.state === 'prompt';
  } catch {
    return Notification.permission === 'default';
  }
}

/** The sound of an alert that asked for one: a short two-tone chime made with Web Audio (no file to ship). */
export function chime(): void {
  if (typeof AudioContext === 'undefined') return;
  const ctx = new AudioContext();
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.2, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
  gain.connect(ctx.destination);
  [880, 1320].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = hz;
    osc.connect(gain);
    osc.start(ctx.currentTime + i * 0.12);
    osc.stop(ctx.currentTime + 0.4);
  });
  setTimeout(() => void ctx.close(), 600);
}
