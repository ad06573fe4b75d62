// Settings and profiles in `<dataDir>/settings.json`. A damaged file is set aside as `.bak`, the user is told,
// and whatever still parses (profiles one by one, preferences one by one) is kept; the rest takes defaults.
import path from 'node:path';
import {
  DEFAULT_LIMITS,
  DEMO_PROFILE_ID,
  REPLAY_PROFILE_ID,
  Preferences,
  Profile,
  SETTINGS_VERSION,
  Settings,
  defaultSettings,
  profileIdFor,
  type ProfileInput,
} from '../../src-shared/domain/settings';
import { Keymap } from '../../src-shared/domain/hotkeys';
import { AppError } from '../../src-shared/result';
import type { Logger } from '../../src-shared/logger';
import { cleanTempFiles, readJson, setAside, writeJsonAtomic } from './json-file';

export type Notice = { level: 'info' | 'warn' | 'error'; title: string; message: string };

/** What a store of the data directory needs: where it is, a logger, and a way to tell the user about damage. */
export type StoreDeps = { dataDir: string; log: Logger; notify: (n: Notice) => void };

export interface SettingsStore {
  readonly file: string;
  load(): Promise<void>;
  get(): Settings;
  activeProfile(): Profile;
  setPreferences(patch: Partial<Preferences>): Promise<Settings>;
  saveProfile(input: ProfileInput): Promise<Profile>;
  deleteProfile(id: string): Promise<void>;
  selectProfile(id: string): Promise<Profile>;
  /** Points the Replay profile at a recording (made on first use). */
  useRecording(file: string): Promise<Profile>;
  /** Replaces the active profile's hotkeys (the Demo profile's too: they are the trader's, not the connection's). */
  setHotkeys(hotkeys: Keymap): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

/** Keeps what parses from a damaged settings object. Returns the settings and whether anything was dropped. */
export function salvageSettings(raw: unknown): { settings: Settings; dropped: string[] } {
  const defaults = defaultSettings();
  const dropped: string[] = [];
  const obj =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!obj) return { settings: defaults, dropped: ['everything (not a JSON object)'] };
  if (obj.version !== SETTINGS_VERSION)
    dropped.push(`version (${JSON.stringify(obj.version)}, expected ${SETTINGS_VERSION})`);

  const profiles: Profile[] = [];
  if (Array.isArray(obj.profiles)) {
    obj.profiles.forEach((p, i) => {
      const parsed = Profile.safeParse(p);
      if (parsed.success && !profiles.some((q) => q.id === parsed.data.id)) profiles.push(parsed.data);
      else dropped.push(`profile #${i + 1}`);
    });
  } else if (obj.profiles !== undefined) {
    dropped.push('profiles');
  }
  // The demo profile always exists; the built-in ones come back when every profile was lost.
  if (profiles.length === 0) profiles.push(...defaults.profiles);
  if (!profiles.some((p) => p.id === DEMO_PROFILE_ID)) profiles.unshift(defaults.profiles[0]!);

  const prefs: Record<string, unknown> = { ...defaults.preferences };
  const rawPrefs = obj.preferences;
  if (typeof rawPrefs === 'object' && rawPrefs !== null) {
    for (const [key, schema] of Object.entries(Preferences.shape)) {
      const value = (rawPrefs as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const parsed = schema.safeParse(value);
      if (parsed.success) prefs[key] = parsed.data;
      else dropped.push(`preference ${key}`);
    }
  } else if (rawPrefs !== undefined) {
    dropped.push('preferences');
  }

  let activeProfileId = typeof obj.activeProfileId === 'string' ? obj.activeProfileId : DEMO_PROFILE_ID;
  if (!profiles.some((p) => p.id === activeProfileId)) {
    dropped.push('active profile');
    activeProfileId = DEMO_PROFILE_ID;
  }
  const settings = Settings.parse({
    version: SETTINGS_VERSION,
    activeProfileId,
    profiles,
    preferences: prefs,
  });
  return { settings, dropped };
}

export function createSettingsStore(opts: StoreDeps): SettingsStore {
  const file = path.join(opts.dataDir, 'settings.json');
  const { log } = opts;
  let current: Settings = defaultSettings();
  const listeners = new Set<(s: Settings) => void>();

  async function commit(next: Settings): Promise<Settings> {
    const checked = Settings.parse(next);
    await writeJsonAtomic(file, checked);
    current = checked;
    for (const l of listeners) l(current);
    return current;
  }

  function find(id: string): Profile {
    const p = current.profiles.find((q) => q.id === id);
    if (!p) throw new AppError('NOT_FOUND', `There is no profile "${id}"`);
    return p;
  }

  return {
    file,
    async load() {
      await cleanTempFiles(file);
      const outcome = await readJson(file);
      if (outcome.kind === 'missing') {
        current = defaultSettings();
        await writeJsonAtomic(file, current);
        log.info('First run: created settings with the Demo profile');
        return;
      }
      if (outcome.kind === 'corrupt') {
        current = defaultSettings();
        await writeJsonAtomic(file, current);
        const message = `The settings file could not be read (${outcome.reason}). It was kept as ${outcome.backupPath}; defaults are in use.`;
        log.warn(message, { action: 'defaults used' });
        opts.notify({ level: 'warn', title: 'Settings reset', message });
        return;
      }
      const parsed = Settings.safeParse(outcome.value);
      if (parsed.success) {
        current = parsed.data;
        return;
      }
      const { settings, dropped } = salvageSettings(outcome.value);
      const backupPath = await setAside(file);
      current = settings;
      await writeJsonAtomic(file, current);
      const message = `Parts of the settings file were invalid (${dropped.join(', ')}) and were replaced by defaults. The original was kept as ${backupPath}.`;
      log.warn(message, { action: 'repaired' });
      opts.notify({ level: 'warn', title: 'Settings repaired', message });
    },
    get: () => current,
    activeProfile: () => find(current.activeProfileId),
    async setPreferences(patch) {
      // A key sent as `undefined` (IPC carries it; JSON does not) means "not changed", never "erase".
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return commit({ ...current, preferences: { ...current.preferences, ...changes } });
    },
    async saveProfile(input) {
      const id =
        input.id ??
        profileIdFor(
          input.name,
          current.profiles.map((p) => p.id),
        );
      const existing = current.profiles.find((p) => p.id === id);
      if (existing?.kind === 'demo') throw new AppError('VALIDATION', 'The Demo profile cannot be changed');
      if (existing?.kind === 'replay')
        throw new AppError('VALIDATION', 'The Replay profile changes by opening a recording');
      // The profile dialog does not carry the hotkeys: an edit keeps them.
      const profile = Profile.parse({ ...input, id, hotkeys: existing?.hotkeys ?? [] });
      const profiles = existing
        ? current.profiles.map((p) => (p.id === id ? profile : p))
        : [...current.profiles, profile];
      await commit({ ...current, profiles });
      log.info(
        `Profile "${profile.name}" saved (${profile.host}:${profile.port}, client id ${profile.clientId})`,
      );
      return profile;
    },
    async deleteProfile(id) {
      const p = find(id);
      if (p.kind === 'demo') throw new AppError('VALIDATION', 'The Demo profile cannot be deleted');
      if (current.activeProfileId === id)
        throw new AppError('VALIDATION', 'Switch to another profile before deleting this one');
      await commit({ ...current, profiles: current.profiles.filter((q) => q.id !== id) });
    },
    async selectProfile(id) {
      const p = find(id);
      await commit({ ...current, activeProfileId: id });
      return p;
    },
    async useRecording(file) {
      const existing = current.profiles.find((p) => p.id === REPLAY_PROFILE_ID);
      const profile = Profile.parse({
        id: REPLAY_PROFILE_ID,
        name: 'Replay',
        kind: 'replay',
        host: '127.0.0.1',
        port: 0,
        clientId: 1,
        readOnly: false,
        limits: existing?.limits ?? { ...DEFAULT_LIMITS },
        recording: file,
        hotkeys: existing?.hotkeys ?? [],
      });
      const profiles = existing
        ? current.profiles.map((p) => (p.id === REPLAY_PROFILE_ID ? profile : p))
        : [...current.profiles, profile];
      await commit({ ...current, profiles });
      log.info(`Replay profile set to ${file}`);
      return profile;
    },
    async setHotkeys(hotkeys) {
      const checked = Keymap.parse(hotkeys);
      const id = current.activeProfileId;
      const next = await commit({
        ...current,
        profiles: current.profiles.map((p) => (p.id === id ? { ...p, hotkeys: checked } : p)),
      });
      log.info(`Hotkeys of profile "${find(id).name}" saved (${checked.length})`);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
