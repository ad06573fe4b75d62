// "Record this session" in the window: the active profile's choice (off and masked until changed), saved per
// profile through settings.set, and what the status bar says of the recorder.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/domain/settings';
import { storeWithSettings } from '../../tests/support/renderer/fake-client';
import { recordingLabel } from '../ui/format';
import { recordingChoice } from './settings-slice';

describe('recording choice', () => {
  it('is off and masked for a profile that never chose', () => {
    expect(recordingChoice(defaultSettings())).toEqual({ record: false, keep: false });
    expect(recordingChoice(null)).toEqual({ record: false, keep: false });
  });

  it('saves a change for the active profile only, keeping what was not changed', async () => {
    const { s, client } = storeWithSettings();
    await s.getState().setRecording({ record: true });
    await s.getState().setRecording({ keep: true });
    expect(client.callsOf('settings.set')).toEqual([
      { recording: { demo: { record: true, keep: false } } },
      { recording: { demo: { record: true, keep: true } } },
    ]);
    expect(recordingChoice(s.getState().settings)).toEqual({ record: true, keep: true });
    const other = { ...s.getState().settings!, activeProfileId: 'tws-paper' };
    expect(recordingChoice(other)).toEqual({ record: false, keep: false });
  });
});

describe('recordingLabel', () => {
  const base = { bytes: 0, dropped: 0, reason: null };
  it('shows the size while recording, the reason once stopped, nothing when off', () => {
    expect(recordingLabel({ ...base, state: 'recording', bytes: 1_572_864 })).toBe('● REC 1.5 MB');
    expect(recordingLabel({ ...base, state: 'recording', bytes: 900, dropped: 12 })).toBe(
      '● REC 900 B (12 dropped)',
    );
    expect(recordingLabel({ ...base, state: 'stopped', reason: 'the disk is full' })).toBe(
      'Recording stopped: the disk is full',
    );
    expect(recordingLabel({ ...base, state: 'off' })).toBeNull();
  });
});
