// Pure logic of the Profiles dialog's Replay kind: the recordings as rows a trader reads at a glance (name, date,
// duration, size, why one cannot be replayed), and the recording file the dialog opens (a row or a typed path).
import type { RecordingInfo } from '../../src-shared/domain/replay';
import { fmtBytes } from '../ui/format';

export type RecordingRow = {
  file: string;
  name: string;
  date: string;
  duration: string;
  size: string;
  /** Why it cannot be replayed; null when it can. */
  problem: string | null;
  /** What else the trader should know (cut short, account ids kept). */
  note: string | null;
};

/** A span of recording time: "45 s", "4 min 10 s", "1 h 02 min". */
export function fmtDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** "2026-12-07 03:15" in the given time zone (the trader's own by default): when it was recorded. */
export function fmtDateTime(ms: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const part = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export function recordingRows(list: readonly RecordingInfo[], timeZone?: string): RecordingRow[] {
  return list.map((r) => {
    const notes = [r.truncated ? 'cut short' : null, r.masked ? null : 'account ids kept'].filter(Boolean);
    return {
      file: r.file,
      name: r.name,
      date: fmtDateTime(r.firstTime ?? r.created, timeZone),
      duration: r.firstTime !== null && r.lastTime !== null ? fmtDuration(r.lastTime - r.firstTime) : '—',
      size: fmtBytes(r.bytes),
      problem: r.problem,
      note: r.problem === null && notes.length > 0 ? notes.join(', ') : null,
    };
  });
}

/** The recording file the dialog asks main to open, or what is wrong with the text typed for it. */
export function replayFile(text: string): { ok: true; file: string } | { ok: false; error: string } {
  const file = text.trim();
  if (file === '') return { ok: false, error: 'Choose a recording, or type the path of one' };
  if (file.length > 4096) return { ok: false, error: 'That path is too long' };
  return { ok: true, file };
}
