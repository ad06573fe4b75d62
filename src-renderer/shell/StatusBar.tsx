// Status bar: profile, connection state with its retry countdown, server version, account (a selector when TWS
// manages several), "Record this session" with the recorder's state, DEMO/PAPER/LIVE.
import { useEffect, useState } from 'react';
import { hasSeveralAccounts } from '../../src-shared/domain/accounts';
import { AccountSelector } from './AccountSelector';
import { RecordingControl } from './RecordingControl';
import { useAppStore } from '../stores/use-app-store';
import { accountBadge, countdown, stateLabel } from '../ui/format';

/**
 * The countdown to the next reconnect attempt. `at` is an absolute time, so the clock it is compared with must be
 * read when the deadline first shows, not kept from an earlier render: the component is keyed by the deadline and
 * reads the time as it mounts (a bar mounted long before a drop once showed "retry in 36 s" for a 0.8 s back-off).
 */
function RetryCountdown({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  return <span className="retry">{countdown(at, now)}</span>;
}

export function StatusBar() {
  const status = useAppStore((s) => s.connection);
  const transport = useAppStore((s) => s.transport);
  const gauges = useAppStore((s) => s.gauges);
  const reconnectNow = useAppStore((s) => s.reconnectNow);

  if (!transport.connected) {
    return (
      <footer className="statusbar">
        <div role="status" aria-label="Connection" className="status-group">
          <span className="state state-disconnected">
            {transport.reason ?? 'Connecting to the IBDesk host…'}
          </span>
        </div>
      </footer>
    );
  }
  if (!status) return <footer className="statusbar" />;
  const badge = accountBadge(status);
  const retryAt = status.state === 'reconnecting' ? status.nextRetryAt : null;
  return (
    <footer className="statusbar">
      <div role="status" aria-label="Connection" aria-live="polite" className="status-group">
        <span className="profile-name">{status.profileName}</span>
        <span className={`state state-${status.state}`}>
          <span className="dot" aria-hidden="true" />
          {stateLabel(status.state)}
        </span>
        {retryAt !== null && <RetryCountdown key={retryAt} at={retryAt} />}
        {status.reason && status.state !== 'ready' && <span className="reason">{status.reason}</span>}
      </div>
      {status.state === 'reconnecting' && (
        <button type="button" className="link" onClick={() => void reconnectNow()}>
          Reconnect now
        </button>
      )}
      <span className="spacer" />
      <RecordingControl />
      {gauges && (
        <span className="gauges" aria-label="Limits">
          <span title="Market-data lines in use / budget">
            Lines {gauges.lines.used}/{gauges.lines.budget}
          </span>
          <span title="Scanner subscriptions in use / TWS limit">
            Scans {gauges.scannerSlots.used}/{gauges.scannerSlots.max}
          </span>
          <span title="Historical requests open + queued">
            History {gauges.history.open}+{gauges.history.queued}
          </span>
          <span title="Messages sent to TWS per second (limit 50)">
            {gauges.messagesPerSec.toFixed(0)} msg/s
          </span>
        </span>
      )}
      <span title="Address of TWS / IB Gateway">
        {status.demo ? 'embedded demo gateway' : `${status.host}:${status.port}`} · client {status.clientId}
      </span>
      {status.serverVersion !== null && (
        <span title="TWS API server version">server v{status.serverVersion}</span>
      )}
      {hasSeveralAccounts(status.accounts) ? (
        <AccountSelector />
      ) : (
        status.accounts.length > 0 && <span title="Accounts">{status.accounts.join(', ')}</span>
      )}
      {status.readOnly && <span className="badge badge-readonly">READ-ONLY</span>}
      <span className={`badge badge-${badge.toLowerCase()}`} aria-label={`Account type: ${badge}`}>
        {badge}
      </span>
    </footer>
  );
}
