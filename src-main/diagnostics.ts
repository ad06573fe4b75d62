// "Copy diagnostics" and "About", as plain text both hosts serve alike: versions, the active profile (no secrets),
// the connection, and the last log lines. Account ids are masked and the home folder is shortened to "~", so the
// text can be pasted into a bug report as is.
import type { ConnectionStatus, Gauges } from '../src-shared/domain/connection';
import type { LogEntry } from '../src-shared/domain/log';
import type { Profile } from '../src-shared/domain/settings';
import { formatLogLine } from './logging/log-file';

export type AppVersions = {
  version: string;
  host: 'electron' | 'web';
  node: string;
  electron: string | null;
  chrome: string | null;
};

export type DiagnosticsInput = {
  app: AppVersions & { dataDir: string };
  os: { platform: string; arch: string; release: string };
  logDir: string | null;
  status: ConnectionStatus;
  profile: Profile;
  log: readonly LogEntry[];
  now: number;
  /** The user's home folder, replaced by "~" wherever it appears. */
  home: string | null;
  /** The trading side's counters, when it runs. */
  trading?: { gauges: Gauges; streams: number; orders: number } | undefined;
};

export const DIAGNOSTICS_LOG_LINES = 200;

/** IB account ids (U…, DU…, F…, DF…, I…): keep the kind and the last 3 digits. */
const ACCOUNT = /\b(D?[UFI])(\d{2,})(\d{3})\b/g;
/** Access tokens in URLs or fields (the web host's `?token=`), whatever their spelling. */
const TOKEN = /\b(token|access_token|password|secret)(["']?\s*[=:]\s*["']?)[^\s"'&,}]+/gi;

export function redact(text: string, home: string | null): string {
  let out = text.replace(ACCOUNT, (_m, kind: string, middle: string, last: string) => {
    return `${kind}${'*'.repeat(middle.length)}${last}`;
  });
  out = out.replace(TOKEN, (_m, key: string, sep: string) => `${key}${sep}<redacted>`);
  if (home && home.length > 1) out = out.split(home).join('~');
  return out;
}

function versionsLine(v: AppVersions): string {
  return [
    `IBDesk ${v.version} (${v.host === 'electron' ? 'desktop app' : 'web host'})`,
    v.electron ? `Electron ${v.electron}` : null,
    v.chrome ? `Chromium ${v.chrome}` : null,
    `Node ${v.node}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function connectionLine(s: ConnectionStatus): string {
  const server = s.serverVersion !== null ? `, TWS server version ${s.serverVersion}` : '';
  const reason = s.reason ? ` — ${s.reason}${s.twsCode !== null ? ` (TWS ${s.twsCode})` : ''}` : '';
  return `connection: ${s.state} to ${s.host}:${s.port} as client ${s.clientId}${server}${reason}`;
}

/** The About box: app, Electron, Chromium, Node, and the TWS server version when connected. */
export function aboutText(v: AppVersions, status: ConnectionStatus | null): string {
  const lines = [
    `IBDesk ${v.version}`,
    v.electron ? `Electron ${v.electron}` : null,
    v.chrome ? `Chromium ${v.chrome}` : null,
    `Node.js ${v.node}`,
    status?.serverVersion != null
      ? `TWS server version ${status.serverVersion} (${status.profileName})`
      : 'TWS: not connected',
  ];
  return lines.filter(Boolean).join('\n');
}

function tradingLines(t: NonNullable<DiagnosticsInput['trading']>): string[] {
  const g = t.gauges;
  return [
    `Gauges: lines ${g.lines.used}/${g.lines.budget}, scanners ${g.scannerSlots.used}/${g.scannerSlots.max}, history open ${g.history.open} queued ${g.history.queued}, ${g.messagesPerSec} msg/s`,
    `Streams: ${t.streams}, orders in the journal: ${t.orders}`,
  ];
}

export function diagnosticsText(d: DiagnosticsInput): string {
  const p = d.profile;
  const s = d.status;
  const lines = [
    `IBDesk diagnostics — ${new Date(d.now).toISOString()}`,
    '',
    '## Versions',
    versionsLine(d.app),
    `OS: ${d.os.platform} ${d.os.release} (${d.os.arch})`,
    `Data folder: ${d.app.dataDir}`,
    `Log folder: ${d.logDir ?? '(none: console only)'}`,
    '',
    '## Profile',
    `${p.name} [${p.id}] — ${p.kind}, ${p.host}:${p.port}, client id ${p.clientId}${p.readOnly ? ', read-only' : ''}`,
    `Limits: max quantity ${p.limits.maxQuantity}, max order value ${p.limits.maxNotional}, price band ${p.limits.priceBandPct}%`,
    '',
    '## Connection',
    connectionLine(s),
    `Accounts: ${s.accounts.join(', ') || '(none)'}${s.live ? ' — LIVE' : s.demo ? ' — DEMO' : ''}`,
    `Since ${new Date(s.since).toISOString()}${s.attempt > 0 ? `, attempt ${s.attempt}` : ''}`,
    ...(d.trading ? tradingLines(d.trading) : []),
    '',
    `## Last ${Math.min(d.log.length, DIAGNOSTICS_LOG_LINES)} log lines`,
    ...d.log.slice(-DIAGNOSTICS_LOG_LINES).map((e) => formatLogLine(e)),
  ];
  return redact(lines.join('\n'), d.home);
}
