// In-app toasts of firing alerts (main evaluates them; this only shows the newest few). Each goes by itself after
// a while or with its close button; the Alerts pane keeps the history.
import { useEffect } from 'react';
import type { AlertToast as Toast } from '../stores/alerts-slice';
import { useAppStore } from '../stores/use-app-store';
import { fmtClock } from '../ui/format';

const TOAST_MS = 10_000;

function AlertToast({ t }: { t: Toast }) {
  const dismiss = useAppStore((s) => s.dismissAlertToast);
  const openPane = useAppStore((s) => s.openPane);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(t.toastId), TOAST_MS);
    return () => clearTimeout(timer);
  }, [dismiss, t.toastId]);
  return (
    <div role="alert" className="toast" aria-label={`Alert: ${t.text}`}>
      <strong>Alert</strong> <span className="dim">{fmtClock(t.at)}</span>
      <div>{t.text}</div>
      <button type="button" onClick={() => openPane('alerts')}>
        Show alerts
      </button>
      <button type="button" aria-label="Dismiss alert" onClick={() => dismiss(t.toastId)}>
        ×
      </button>
    </div>
  );
}

export function AlertToasts() {
  const toasts = useAppStore((s) => s.alertToasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-label="Alert toasts">
      {toasts.map((t) => (
        <AlertToast key={t.toastId} t={t} />
      ))}
    </div>
  );
}
