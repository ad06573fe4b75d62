// The window's one keymap: the app's Ctrl/Cmd+K, the active profile's hotkeys (not another profile's), keys that
// would type text left to a focused field, dialogs keeping their keys, the symbol an order hotkey trades, and
// where each action goes (screen actions run at once, order actions wait for the runner).
import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../src-shared/domain/hotkeys';
import { defaultSettings, type Settings } from '../../src-shared/domain/settings';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { item } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { hotkeyTarget, keyAction, keymapOf } from './hotkeys-slice';

const key = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key: code.replace(/^Key/, '').toLowerCase(),
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});
const buy = { kind: 'trade', side: 'BUY', at: 'ask', quantity: 100 } as const;

function settingsWith(): Settings {
  const s = defaultSettings();
  s.profiles[0]!.hotkeys = [
    { keys: 'Shift+B', action: buy },
    { keys: 'F2', action: { kind: 'focusPane', pane: 'orders' } },
    { keys: 'Ctrl+Alt+R', action: { kind: 'recentre' } },
  ];
  s.profiles[1]!.hotkeys = [{ keys: 'Shift+S', action: { kind: 'flatten' } }];
  return s;
}

function setup() {
  const client = createFakeClient({ 'hotkeys.set': () => settingsWith() });
  const store = createAppStore(client);
  const opened: string[] = [];
  store.setState({
    settings: settingsWith(),
    dock: { openPane: (kind) => opened.push(kind), activePaneId: () => null },
  });
  return { client, store, opened };
}

describe('keyAction', () => {
  const keymap = settingsWith().profiles[0]!.hotkeys;
  it("runs the app's symbol search on Ctrl+K and Cmd+K, in a field too", () => {
    expect(keyAction(keymap, key('KeyK', { ctrlKey: true }), true)).toEqual({ kind: 'symbolSearch' });
    expect(keyAction([], key('KeyK', { metaKey: true }), false)).toEqual({ kind: 'symbolSearch' });
  });

  it('leaves a key that types text to a focused field, but not a function key', () => {
    expect(keyAction(keymap, key('KeyB', { shiftKey: true }), false)).toEqual(buy);
    expect(keyAction(keymap, key('KeyB', { shiftKey: true }), true)).toBeNull();
    expect(keyAction(keymap, { ...key('F2'), key: 'F2' }, true)).toEqual({
      kind: 'focusPane',
      pane: 'orders',
    });
    expect(keyAction(keymap, key('KeyB'), false)).toBeNull();
  });
});

describe('keymapOf', () => {
  it('gives the same array while nothing changes (a selector: a new one each time re-renders forever)', () => {
    expect(keymapOf({ settings: null })).toBe(keymapOf({ settings: null }));
    const settings = settingsWith();
    expect(keymapOf({ settings })).toBe(settings.profiles[0]!.hotkeys);
  });
});

describe('hotkeyTarget', () => {
  it("trades the active pane's symbol, else the red group's", () => {
    const aapl = item(1, 'AAPL');
    const msft = item(2, 'MSFT');
    const s = {
      paneStates: { 'chart-2': { link: 'none' as const, symbol: msft, config: {} } },
      groupSymbols: { red: aapl },
    };
    expect(hotkeyTarget(s, 'chart-2')).toEqual(msft);
    expect(hotkeyTarget(s, 'orders')).toEqual(aapl);
    expect(hotkeyTarget(s, null)).toEqual(aapl);
    expect(hotkeyTarget({ paneStates: {}, groupSymbols: {} }, null)).toBeNull();
  });
});

describe('pressKey', () => {
  it("dispatches the active profile's keys only: screen actions at once, order actions to the runner", () => {
    const { store, opened } = setup();
    const press = (k: KeyPress) => store.getState().pressKey(k, false);
    expect(press({ ...key('F2'), key: 'F2' })).toBe(true);
    expect(opened).toEqual(['orders']);
    expect(press(key('KeyR', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(store.getState().recentreSeq).toBe(1);
    expect(press(key('KeyB', { shiftKey: true }))).toBe(true);
    expect(store.getState().actionRequest).toEqual({ seq: 1, action: buy, symbol: null });
    store.setState({ groupSymbols: { red: item(1, 'AAPL') } });
    expect(press(key('KeyB', { shiftKey: true }))).toBe(true);
    expect(store.getState().actionRequest).toEqual({ seq: 2, action: buy, symbol: item(1, 'AAPL') });
    expect(store.getState().takeAction(1)).toBe(false);
    expect(store.getState().takeAction(2)).toBe(true);
    expect(store.getState().takeAction(2)).toBe(false);
    expect(store.getState().actionRequest).toBeNull();
    expect(press(key('KeyB', { shiftKey: true }))).toBe(true);
    expect(store.getState().actionRequest?.seq).toBe(3);
    // Shift+S is the Paper profile's, not the active one's.
    expect(press(key('KeyS', { shiftKey: true }))).toBe(false);
  });

  it("keeps a dialog's keys its own, except the symbol search", () => {
    const { store } = setup();
    store.getState().setHotkeysOpen(true);
    expect(store.getState().pressKey(key('KeyB', { shiftKey: true }), false)).toBe(false);
    expect(store.getState().actionRequest).toBeNull();
    expect(store.getState().pressKey(key('KeyK', { ctrlKey: true }), false)).toBe(true);
    expect(store.getState().symbolSearchOpen).toBe(true);
  });

  it('saves a keymap through main and takes the settings it answers', async () => {
    const { store, client } = setup();
    store.setState({ settings: defaultSettings() });
    const r = await store.getState().saveHotkeys([{ keys: 'Shift+B', action: buy }]);
    expect(r.ok).toBe(true);
    expect(client.callsOf('hotkeys.set')).toEqual([{ hotkeys: [{ keys: 'Shift+B', action: buy }] }]);
    expect(store.getState().settings?.profiles[0]!.hotkeys).toHaveLength(3);
  });
});
