import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Preferences, ProfileInput, defaultSettings } from '../../src-shared/domain/settings';
import { silentLogger } from '../../src-shared/logger';
import { createSettingsStore, salvageSettings, type Notice } from './settings-store';

let dir: string;
let notices: Notice[];
const store = () => createSettingsStore({ dataDir: dir, log: silentLogger, notify: (n) => notices.push(n) });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-settings-'));
  notices = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts on the Demo profile on first run and writes the file', async () => {
    const s = store();
    await s.load();
    expect(s.activeProfile().kind).toBe('demo');
    const saved = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(saved.activeProfileId).toBe('demo');
    expect(saved.profiles.map((p: { port: number }) => p.port)).toEqual([0, 7497, 7496, 4002, 4001]);
  });

  it('remembers the account choices per profile, and a patch without them leaves them alone', async () => {
    const s = store();
    await s.load();
    await s.setPreferences({ accounts: { demo: { view: 'DU2222222', ticket: 'DU2222222' } } });
    // What 'settings.set' receives from a window is parsed with Preferences.partial(): nothing may fill it in.
    const patch = Preferences.partial().parse({ theme: 'light' });
    expect(patch).toEqual({ theme: 'light' });
    await s.setPreferences(patch);
    const again = store();
    await again.load();
    expect(again.get().preferences.accounts).toEqual({ demo: { view: 'DU2222222', ticket: 'DU2222222' } });
    expect(again.get().preferences.theme).toBe('light');
    expect(notices).toEqual([]);
  });

  it('moves a corrupt file to .bak, tells the user and uses defaults', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"version": 1, "profiles": [');
    const s = store();
    await s.load();
    expect(s.get()).toEqual(defaultSettings());
    expect(await readFile(path.join(dir, 'settings.json.bak'), 'utf8')).toBe('{"version": 1, "profiles": [');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/settings\.json\.bak/);
  });

  it('keeps the profiles that still parse when others are damaged', async () => {
    const good = { ...defaultSettings().profiles[1]!, id: 'mine', name: 'Mine', port: 7000 };
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        activeProfileId: 'mine',
        profiles: [good, { id: 'bad', port: 'x' }],
        preferences: { theme: 'light', confirmOrders: 'yes' },
      }),
    );
    const s = store();
    await s.load();
    expect(s.get().profiles.map((p) => p.id)).toEqual(['demo', 'mine']);
    expect(s.get().activeProfileId).toBe('mine');
    expect(s.get().preferences.theme).toBe('light');
    expect(s.get().preferences.confirmOrders).toBe(true);
    expect(notices[0]!.message).toMatch(/profile #2/);
    expect(notices[0]!.message).toMatch(/confirmOrders/);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.bak']);
  });

  it('saves, selects and deletes profiles; never the Demo one', async () => {
    const s = store();
    await s.load();
    const p = await s.saveProfile({
      name: 'My Paper',
      kind: 'tws',
      host: '127.0.0.1',
      port: 7497,
      clientId: 7,
      readOnly: false,
      limits: { maxQuantity: 10, maxNotional: 1000, priceBandPct: 5 },
    });
    expect(p.id).toBe('my-paper');
    const again = createSettingsStore({ dataDir: dir, log: silentLogger, notify: () => undefined });
    await again.load();
    expect(again.get().profiles.find((q) => q.id === 'my-paper')?.clientId).toBe(7);
    await s.selectProfile('my-paper');
    await expect(s.deleteProfile('my-paper')).rejects.toThrow(/another profile/);
    await expect(s.deleteProfile('demo')).rejects.toThrow(/Demo/);
    await s.selectProfile('demo');
    await s.deleteProfile('my-paper');
    expect(s.get().profiles.some((q) => q.id === 'my-paper')).toBe(false);
  });

  it('keeps hotkeys per profile, refuses a conflicting set whole, and a profile edit keeps them', async () => {
    const s = store();
    await s.load();
    const buy = { kind: 'trade', side: 'BUY', at: 'ask', quantity: 100 } as const;
    await s.setHotkeys([{ keys: 'shift+b', action: buy }]);
    await expect(s.setHotkeys([{ keys: 'Ctrl+K', action: buy }])).rejects.toThrow(/Ctrl\+K is taken/);
    const input = ProfileInput.parse({ name: 'Paper', port: 7497, clientId: 2 });
    const p = await s.saveProfile(input);
    await s.selectProfile(p.id);
    await s.setHotkeys([{ keys: 'F2', action: { kind: 'flatten' } }]);
    await s.saveProfile({ ...input, id: p.id, name: 'Paper 2' });
    const again = store();
    await again.load();
    const keys = (id: string) => again.get().profiles.find((q) => q.id === id)?.hotkeys;
    expect(keys('demo')).toEqual([{ keys: 'Shift+B', action: buy }]);
    expect(keys(p.id)).toEqual([{ keys: 'F2', action: { kind: 'flatten' } }]);
    expect(keys('tws-live')).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('reads a file written before hotkeys existed as profiles without any', async () => {
    const old = defaultSettings();
    const profiles = old.profiles.map(({ hotkeys: _unused, ...rest }) => rest);
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...old, profiles }));
    const s = store();
    await s.load();
    expect(s.activeProfile().hotkeys).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('salvages nothing from a non-object', () => {
    expect(salvageSettings([1, 2]).settings).toEqual(defaultSettings());
    expect(salvageSettings(null).dropped).toHaveLength(1);
  });

  it('a preference sent as undefined is left as it is', async () => {
    const s = store();
    await s.load();
    const next = await s.setPreferences({ theme: undefined, marketDataLines: 80 } as never);
    expect(next.preferences.theme).toBe(defaultSettings().preferences.theme);
    expect(next.preferences.marketDataLines).toBe(80);
  });
});
