// Notices: things the user must read (a settings file set aside, a journal difference, the host dropping us).
import { useAppStore } from '../stores/use-app-store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const lastError = useAppStore((s) => s.lastError);
  const clearError = useAppStore((s) => s.clearError);
  if (notices.length === 0 && !lastError) return null;
  return (
    <div className="notices" aria-label="Notices">
      {lastError && (
        <div role="alert" className="notice notice-error">
          <strong>{lastError.code === 'VALIDATION' ? 'Not accepted' : 'Error'}</strong> {lastError.message}
          {lastError.twsCode !== undefined && <span className="code"> (TWS {lastError.twsCode})</span>}
          <button type="button" aria-label="Dismiss" onClick={clearError}>
            ×
          </button>
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} role="alert" className={`notice notice-${n.level}`}>
          <strong>{n.title}</strong> {n.message}
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
