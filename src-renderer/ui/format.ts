// The renderer's one formatter: what every pane and the shell show for a number, a time or a connection state
// (prices, changes, sizes, money and tick age with "—" for unknown; clock times; state words and countdowns).
import type { ConnectionState, ConnectionStatus } from '../../src-shared/domain/connection';

const DASH = '—';

export function fmtPrice(v: number | null | undefined, minTick?: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const decimals =
    minTick && minTick > 0 ? Math.min(8, Math.max(2, Math.ceil(-Math.log10(minTick) - 1e-9))) : 2;
  return v.toFixed(decimals);
}

export function fmtChange(v: number | null | undefined, decimals = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const s = v.toFixed(decimals);
  return v > 0 ? `+${s}` : s;
}

export function fmtPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return `${fmtChange(v)}%`;
}

/** One formatter for every size: toLocaleString builds a new one per call (most of a busy watchlist's JS). */
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Sizes and volumes: 1234 → 1,234; 1.2M above a million. */
export function fmtSize(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  return INTEGER.format(Math.round(v));
}

const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function fmtMoney(v: number | null | undefined, currency?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const s = MONEY.format(v);
  return currency ? `${s} ${currency}` : s;
}

/** Tick age: "0.4 s", "12 s", "3 min", "2 h". */
export function fmtAge(updatedAt: number | null | undefined, now: number): string {
  if (updatedAt === null || updatedAt === undefined) return DASH;
  const ms = Math.max(0, now - updatedAt);
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/** -1, 0 or 1 as a CSS class suffix. */
export function signClass(v: number | null | undefined): 'up' | 'down' | 'flat' {
  if (v === null || v === undefined || v === 0 || !Number.isFinite(v)) return 'flat';
  return v > 0 ? 'up' : 'down';
}

// Clock formatters made once: toLocaleTimeString builds one per call, and the log pane formats 500 times at start.
// These are toLocaleTimeString's own defaults for a time, so the text is the same to the character.
const CLOCK_OPTIONS = { hour12: false, hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
const CLOCK = new Intl.DateTimeFormat('en-GB', CLOCK_OPTIONS);
const LOCAL_CLOCK = new Intl.DateTimeFormat(undefined, CLOCK_OPTIONS);

/** A clock time on the 24-hour clock, the same on every machine (blotter and scanner times). */
export function fmtClock(ms: number): string {
  return CLOCK.format(ms);
}

const ET_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/New_York',
  hour12: false,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A clock time in New York, 24-hour: a replay's times, read in the hours of the US session it recorded. */
export function fmtEtClock(ms: number): string {
  return ET_CLOCK.format(ms);
}

/** A clock time in the user's own locale, 24-hour (the log). */
export function fmtLocalClock(ms: number): string {
  return LOCAL_CLOCK.format(ms);
}

const STATE_LABELS: Record<ConnectionState, string> = {
  disconnected: 'Disconnected',
  connecting: 'Connecting…',
  handshaking: 'Handshaking…',
  ready: 'Connected',
  degraded: 'Degraded',
  reconnecting: 'Reconnecting',
};

/** The connection state in words. */
export function stateLabel(state: ConnectionState): string {
  return STATE_LABELS[state];
}

/** DEMO, PAPER or LIVE: what money is at stake. */
export function accountBadge(status: Pick<ConnectionStatus, 'demo' | 'live'>): 'DEMO' | 'PAPER' | 'LIVE' {
  if (status.demo) return 'DEMO';
  return status.live ? 'LIVE' : 'PAPER';
}

/** "retry in 4 s" until an epoch-ms instant, never negative. */
export function countdown(until: number | null, now: number): string | null {
  if (until === null) return null;
  const s = Math.max(0, Math.ceil((until - now) / 1000));
  return `retry in ${s} s`;
}

/** An error as the trader reads it: its message, and the TWS code when TWS sent one. */
export function fmtError(e: { message: string; twsCode?: number | undefined }): string {
  return `${e.message}${e.twsCode !== undefined ? ` (TWS ${e.twsCode})` : ''}`;
}

/** The messages of a refused request by field, as forms show them under each field (`form` when it names none). */
export function fieldMessages(e: {
  issues?: readonly { path: string; message: string }[] | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of e.issues ?? []) out[i.path.split('.').pop() ?? 'form'] = i.message;
  return out;
}

/** A size on disk in the units a status bar reads at a glance. */
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** What the status bar says of the recorder: its size while recording, the reason once it stopped by itself. */
export function recordingLabel(r: {
  state: 'off' | 'recording' | 'stopped';
  bytes: number;
  dropped: number;
  reason: string | null;
}): string | null {
  if (r.state === 'recording')
    return `● REC ${fmtBytes(r.bytes)}${r.dropped > 0 ? ` (${r.dropped} dropped)` : ''}`;
  if (r.state === 'stopped') return `Recording stopped: ${r.reason ?? 'unknown reason'}`;
  return null;
}
