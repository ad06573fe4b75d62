// OS notifications (Electron's Notification) for what alert-rules.ts decides. A click brings IBDesk forward.
import { Notification } from 'electron';
import type { Logger } from '../../src-shared/logger';
import type { Alert } from './alert-rules';

export function createNotifier(opts: {
  iconPath?: string;
  onClick: () => void;
  log: Logger;
}): (a: Alert) => void {
  // Held until closed: a notification that is garbage-collected loses its click handler (Windows).
  const live = new Set<Notification>();
  return (alert) => {
    opts.log.info(`${alert.title}: ${alert.body}`, { action: 'notified' });
    if (!Notification.isSupported()) return;
    const n = new Notification({
      title: alert.title,
      body: alert.body,
      silent: alert.kind === 'connection-back',
      ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    });
    live.add(n);
    n.on('click', () => opts.onClick());
    n.on('close', () => live.delete(n));
    n.show();
    if (live.size > 20) live.delete(live.values().next().value!);
  };
}
