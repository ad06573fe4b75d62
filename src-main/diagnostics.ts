// "Copy diagnostics": versions, the profile (no secrets), the connection, gauges and the recent log as text.
import type { ConnectionStatus, Gauges } from '../src-shared/domain/connection';
import type { LogEntry } from '../src-shared/domain/log';

export function diagnosticsText(d: {
  version: string;
  host: string;
  runtime?: { electron: string | null; chrome: string | null } | undefined;
  status: ConnectionStatus;
  gauges: Gauges;
  streams: number;
  orders: number;
  log: readonly LogEntry[];
}): string {
  const st = d.status;
  return [
    `IBDesk ${d.version} (${d.host} host)`,
    `node ${process.versions.node}${d.runtime?.electron ? `, electron ${d.runtime.electron}, chrome ${d.runtime.chrome}` : ''}, ${process.platform} ${process.arch}`,
    `profile: ${st.profileName} (${st.profileId}), ${st.demo ? 'demo' : st.live ? 'LIVE' : 'paper'}${st.readOnly ? ', read-only' : ''}`,
    `connection: ${st.state} to ${st.host}:${st.port} as client ${st.clientId}, server version ${st.serverVersion ?? '-'}, attempt ${st.attempt}${st.reason ? `, reason: ${st.reason}` : ''}${st.twsCode !== null ? ` (TWS ${st.twsCode})` : ''}`,
    `gauges: lines ${d.gauges.lines.used}/${d.gauges.lines.budget}, scanners ${d.gauges.scannerSlots.used}/${d.gauges.scannerSlots.max}, history open ${d.gauges.history.open} queued ${d.gauges.history.queued}, ${d.gauges.messagesPerSec} msg/s`,
    `streams: ${d.streams}, orders in journal: ${d.orders}`,
    '',
    'recent log:',
    ...d.log.map(
      (e) =>
        `${new Date(e.time).toISOString()} ${e.level} ${e.source}${e.twsCode !== undefined ? ` [${e.twsCode}]` : ''}: ${e.message}${e.action ? ` → ${e.action}` : ''}`,
    ),
  ].join('\n');
}
