// Hotkeys slice: the one keymap of the window (the app's own Ctrl/Cmd+K and the active profile's hotkeys), the
// actions a key or the Actions menu asks for, and the editor's dialog. Actions that only move the screen run here;
// order actions are handed to the hotkey runner (panes/hotkeys), which sends them through the ticket's sender.
import {
  actionFor,
  chordOf,
  typesText,
  type HotkeyAction,
  type KeyPress,
  type Keymap,
} from '../../src-shared/domain/hotkeys';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Settings } from '../../src-shared/domain/settings';
import type { Result } from '../../src-shared/result';
import type { AppState, Slice } from './app-store';
import { symbolOf } from './panes-slice';

/** An order action and the symbol it trades, taken when it was asked for (null: no symbol was showing). */
export type ActionRequest = { seq: number; action: HotkeyAction; symbol: WatchItem | null };

export type HotkeysSlice = {
  hotkeysOpen: boolean;
  /** The order action waiting for the runner; `seq` makes pressing the same key twice two requests. */
  actionRequest: ActionRequest | null;
  /** Bumped by "re-centre the ladder": every ladder re-centres when it changes. */
  recentreSeq: number;
  lastActionSeq: number;
  setHotkeysOpen(open: boolean): void;
  saveHotkeys(hotkeys: Keymap): Promise<Result<Settings>>;
  runAction(action: HotkeyAction): void;
  /** The runner takes a request once: false when it was already taken (or replaced by a newer one). */
  takeAction(seq: number): boolean;
  /** A key pressed anywhere in the window: true when the keymap ran something (the caller then stops the key). */
  pressKey(press: KeyPress, inField: boolean): boolean;
};

const NONE: Keymap = [];

/** The active profile's hotkeys (the same array while they do not change: it is a selector). */
export function keymapOf(s: Pick<AppState, 'settings'>): Keymap {
  const settings = s.settings;
  return settings?.profiles.find((p) => p.id === settings.activeProfileId)?.hotkeys ?? NONE;
}

/** The action of a key press: the app's own symbol search first, then the profile's hotkeys; a chord that would
 *  type text does nothing while the focus is in a field. Pure. */
export function keyAction(keymap: Keymap, press: KeyPress, inField: boolean): HotkeyAction | null {
  const chord = chordOf(press);
  if (!chord) return null;
  if (chord === 'Ctrl+K' || chord === 'Meta+K') return { kind: 'symbolSearch' };
  if (inField && typesText(chord)) return null;
  return actionFor(keymap, chord);
}

/** The symbol an order hotkey trades: the active pane's, else the red link group's (the default group). Pure. */
export function hotkeyTarget(
  s: Pick<AppState, 'paneStates' | 'groupSymbols'>,
  activePaneId: string | null,
): WatchItem | null {
  return (activePaneId ? symbolOf(s, activePaneId) : null) ?? s.groupSymbols.red ?? null;
}

export const createHotkeysSlice: Slice<HotkeysSlice> = (set, get) => ({
  hotkeysOpen: false,
  actionRequest: null,
  recentreSeq: 0,
  lastActionSeq: 0,
  setHotkeysOpen: (hotkeysOpen) => set({ hotkeysOpen }),
  async saveHotkeys(hotkeys) {
    const r = await get().client.invoke('hotkeys.set', { hotkeys });
    if (r.ok) set({ settings: r.value });
    return r;
  },
  runAction(action) {
    switch (action.kind) {
      case 'symbolSearch':
        set({ symbolSearchOpen: true });
        return;
      case 'focusPane':
        get().openPane(action.pane);
        return;
      case 'recentre':
        set((s) => ({ recentreSeq: s.recentreSeq + 1 }));
        return;
      default:
        set((s) => ({
          actionRequest: {
            seq: s.lastActionSeq + 1,
            action,
            symbol: hotkeyTarget(s, s.dock?.activePaneId() ?? null),
          },
          lastActionSeq: s.lastActionSeq + 1,
        }));
    }
  },
  takeAction(seq) {
    if (get().actionRequest?.seq !== seq) return false;
    set({ actionRequest: null });
    return true;
  },
  pressKey(press, inField) {
    const s = get();
    // While a dialog is open its keys are its own (the editor records chords), except the app's symbol search.
    const dialog = s.hotkeysOpen || s.profilesOpen || s.symbolSearchOpen;
    const action = keyAction(dialog ? [] : keymapOf(s), press, inField);
    if (!action) return false;
    s.runAction(action);
    return true;
  },
});
