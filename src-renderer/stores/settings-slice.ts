// Settings slice: profiles and preferences, saved through main (which owns the file). Main broadcasts a
// `settings` event after every change, so every window (this one included) updates from that event.
import type { SetupCheck } from '../../src-shared/contract';
import type { Preferences, Profile, ProfileInput, Settings } from '../../src-shared/domain/settings';
import type { Result } from '../../src-shared/result';
import type { Slice } from './app-store';
import { choicePatch } from './account-view';
import { RECORDING_OFF, type RecordingChoice, type RecordingStatus } from '../../src-shared/domain/recording';

export type SettingsSlice = {
  settings: Settings | null;
  saveProfile(input: ProfileInput): Promise<Result<Profile>>;
  deleteProfile(id: string): Promise<Result<null>>;
  selectProfile(id: string): Promise<Result<unknown>>;
  setPreferences(patch: Partial<Preferences>): Promise<Result<Settings>>;
  /** Remembers, for the active profile, which account the panes show ("all" or one). */
  setAccountView(view: string): Promise<void>;
  /** Remembers, for the active profile, the account the order ticket trades. */
  setTicketAccount(account: string): Promise<void>;
  /** The setup checker: probes a host, port and client id without changing the active connection. */
  testConnection(target: { host: string; port: number; clientId: number }): Promise<Result<SetupCheck>>;
  /** The recorder's state ("Record this session"), from main's `recording` events. */
  recording: RecordingStatus;
  recordingChanged(status: RecordingStatus): void;
  loadRecording(): Promise<void>;
  /** "Record this session" and "keep account ids" of the active profile (what is not given stays as it is). */
  setRecording(change: Partial<RecordingChoice>): Promise<void>;
};

/** The active profile's recording choice (off and masked unless the trader chose otherwise). */
export function recordingChoice(settings: Settings | null): RecordingChoice {
  const choice = settings ? settings.preferences.recording?.[settings.activeProfileId] : undefined;
  return choice ?? { record: false, keep: false };
}

export const createSettingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  saveProfile: (input) => get().client.invoke('profiles.save', input),
  deleteProfile: (id) => get().client.invoke('profiles.delete', { id }),
  async selectProfile(id) {
    const r = await get().client.invoke('profiles.select', { id });
    if (r.ok) set({ connection: r.value });
    return r;
  },
  testConnection: (target) => get().client.invoke('connection.test', target),
  recording: RECORDING_OFF,
  recordingChanged: (recording) => set({ recording }),
  async loadRecording() {
    const r = await get().client.invoke('recording.status', {});
    if (r.ok) set({ recording: r.value });
  },
  async setRecording(change) {
    const settings = get().settings;
    if (!settings) return;
    const next = { ...recordingChoice(settings), ...change };
    const r = await get().setPreferences({
      recording: { ...settings.preferences.recording, [settings.activeProfileId]: next },
    });
    if (!r.ok) set({ lastError: r.error });
  },
  async setAccountView(view) {
    const patch = choicePatch(get(), { view });
    if (!patch) return;
    const r = await get().setPreferences(patch);
    if (!r.ok) set({ lastError: r.error });
  },
  async setTicketAccount(account) {
    const patch = choicePatch(get(), { ticket: account });
    if (!patch) return;
    const r = await get().setPreferences(patch);
    if (!r.ok) set({ lastError: r.error });
  },
  async setPreferences(patch) {
    const r = await get().client.invoke('settings.set', patch);
    if (r.ok) set({ settings: r.value });
    return r;
  },
});
