import { describe, expect, it } from 'vitest';
import type { RecordingInfo } from '../../src-shared/domain/replay';
import { fmtDateTime, fmtDuration, recordingRows, replayFile } from './replay-choice';

const T0 = Date.UTC(2026, 11, 7, 3, 15, 30);
const info = (over: Partial<RecordingInfo> = {}): RecordingInfo => ({
  file: '/data/recordings/2026-12-07T03-15-30Z-demo-0001.ibdrec',
  name: '2026-12-07T03-15-30Z-demo-0001.ibdrec',
  bytes: 1_572_864,
  created: T0,
  firstTime: T0 + 120,
  lastTime: T0 + 120 + 62 * 60_000 + 4_000,
  records: 1234,
  masked: true,
  truncated: false,
  problem: null,
  ...over,
});

describe('replay choice', () => {
  it('reads durations in the largest units that matter', () => {
    expect(fmtDuration(0)).toBe('0 s');
    expect(fmtDuration(44_600)).toBe('45 s');
    expect(fmtDuration(250_000)).toBe('4 min 10 s');
    expect(fmtDuration(3_725_000)).toBe('1 h 02 min');
    expect(fmtDuration(-5)).toBe('0 s');
  });

  it('dates a recording by its first record, in the given time zone', () => {
    expect(fmtDateTime(T0, 'UTC')).toBe('2026-12-07 03:15');
    expect(fmtDateTime(T0, 'America/New_York')).toBe('2026-12-06 22:15');
  });

  it('makes a row per recording: size, duration, and the problem of one that cannot be replayed', () => {
    const rows = recordingRows(
      [
        info(),
        info({ name: 'cut.ibdrec', truncated: true, masked: false, bytes: 900 }),
        info({
          name: 'x.ibdrec',
          bytes: 12,
          created: T0 - 3_600_000,
          firstTime: null,
          lastTime: null,
          records: 0,
          problem: 'it is not an IBDesk recording',
        }),
      ],
      'UTC',
    );
    expect(rows.map((r) => [r.name, r.date, r.duration, r.size, r.problem, r.note])).toEqual([
      ['2026-12-07T03-15-30Z-demo-0001.ibdrec', '2026-12-07 03:15', '1 h 02 min', '1.5 MB', null, null],
      ['cut.ibdrec', '2026-12-07 03:15', '1 h 02 min', '900 B', null, 'cut short, account ids kept'],
      ['x.ibdrec', '2026-12-07 02:15', '—', '12 B', 'it is not an IBDesk recording', null],
    ]);
  });

  it('opens a chosen or typed file, trimmed, and says what is missing otherwise', () => {
    expect(replayFile('  /tmp/a.ibdrec ')).toEqual({ ok: true, file: '/tmp/a.ibdrec' });
    expect(replayFile('   ')).toEqual({ ok: false, error: 'Choose a recording, or type the path of one' });
    expect(replayFile('x'.repeat(4097)).ok).toBe(false);
  });
});
