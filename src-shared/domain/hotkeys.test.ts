import { describe, expect, it } from 'vitest';
import {
  actionFor,
  actionLabel,
  chordOf,
  findConflicts,
  HotkeyError,
  hotkeysFileText,
  Keymap,
  parseChord,
  parseHotkeysFile,
  typesText,
  type KeyPress,
} from './hotkeys';

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('parseChord', () => {
  it('spells a chord one way whatever the case, spacing and modifier order', () => {
    expect(parseChord('shift+b')).toBe('Shift+B');
    expect(parseChord(' Shift + Ctrl + f5 ')).toBe('Ctrl+Shift+F5');
    expect(parseChord('control+alt+arrowup')).toBe('Ctrl+Alt+ArrowUp');
    expect(parseChord('Meta+,')).toBe('Meta+,');
    expect(parseChord('7')).toBe('7');
  });

  it('refuses what is not a chord, saying why', () => {
    expect(() => parseChord('Hyper+B')).toThrow(/"Hyper" is not a modifier/);
    expect(() => parseChord('Shift+Shift+B')).toThrow(/Shift appears twice/);
    expect(() => parseChord('Shift+')).toThrow(/has no key/);
    expect(() => parseChord('Ctrl+Foo')).toThrow(HotkeyError);
    expect(() => parseChord('')).toThrow(/has no key/);
  });
});

describe('chordOf', () => {
  it('reads the physical key, so Shift does not change the key', () => {
    expect(chordOf(press('KeyB', 'B', { shiftKey: true }))).toBe('Shift+B');
    expect(chordOf(press('Digit1', '!', { shiftKey: true }))).toBe('Shift+1');
    expect(chordOf(press('KeyK', 'k', { ctrlKey: true }))).toBe('Ctrl+K');
    expect(chordOf(press('Comma', ',', { metaKey: true }))).toBe('Meta+,');
    expect(chordOf(press('F5', 'F5', { altKey: true }))).toBe('Alt+F5');
    expect(chordOf(press('Space', ' '))).toBe('Space');
  });

  it('gives nothing for a lone modifier', () => {
    expect(chordOf(press('ShiftLeft', 'Shift', { shiftKey: true }))).toBeNull();
    expect(chordOf(press('ControlLeft', 'Control', { ctrlKey: true }))).toBeNull();
  });

  it('reads what parseChord writes', () => {
    const chord = chordOf(press('KeyS', 'S', { ctrlKey: true, shiftKey: true }))!;
    expect(parseChord(chord)).toBe(chord);
  });
});

describe('typesText', () => {
  it('marks chords that would type into a field', () => {
    expect(typesText('B')).toBe(true);
    expect(typesText('Shift+B')).toBe(true);
    expect(typesText('Ctrl+B')).toBe(false);
    expect(typesText('Alt+Shift+B')).toBe(false);
    expect(typesText('F4')).toBe(false);
  });
});

const buy = { kind: 'trade', side: 'BUY', at: 'ask', quantity: 100 } as const;
const sell = { kind: 'trade', side: 'SELL', at: 'bid', quantity: 200 } as const;

describe('conflicts', () => {
  it('finds a chord bound twice and one the app answers itself', () => {
    const conflicts = findConflicts([
      { keys: 'Shift+B' },
      { keys: 'Ctrl+K' },
      { keys: 'Shift+B' },
      { keys: 'F2' },
      { keys: 'Alt+B' },
    ]);
    expect(conflicts).toEqual([
      { keys: 'Shift+B', rows: [0, 2], with: '2 hotkeys of this list' },
      { keys: 'Ctrl+K', rows: [1], with: "the app's own Ctrl+K (Symbol search)" },
      { keys: 'Alt+B', rows: [4], with: "the app's own Alt+B (Order ticket: buy)" },
    ]);
    expect(findConflicts([{ keys: 'Shift+B' }, { keys: 'Shift+S' }])).toEqual([]);
  });

  it('a keymap with a conflict does not parse, and says which keys', () => {
    const r = Keymap.safeParse([
      { keys: 'shift+b', action: buy },
      { keys: 'Shift+B', action: sell },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Shift+B is taken by 2 hotkeys of this list');
    expect(Keymap.safeParse([{ keys: 'Meta+K', action: buy }]).success).toBe(false);
  });
});

describe('dispatch', () => {
  it('finds the action of a pressed chord, and nothing for an unbound one', () => {
    const keymap = Keymap.parse([
      { keys: 'shift+b', action: buy },
      { keys: 'Shift+S', action: sell },
      { keys: 'F9', action: { kind: 'focusPane', pane: 'orders' } },
    ]);
    expect(actionFor(keymap, chordOf(press('KeyB', 'B', { shiftKey: true }))!)).toEqual(buy);
    expect(actionFor(keymap, 'Shift+S')).toEqual(sell);
    expect(actionFor(keymap, 'F9')).toEqual({ kind: 'focusPane', pane: 'orders' });
    expect(actionFor(keymap, 'B')).toBeNull();
  });

  it('labels every action for the menu', () => {
    expect(actionLabel(buy)).toBe('Buy 100 at ask');
    expect(actionLabel({ kind: 'focusPane', pane: 'tape' })).toBe('Focus Time & sales');
    expect(actionLabel({ kind: 'flatten' })).toBe('Flatten the position');
  });
});

describe('the hotkeys file', () => {
  it('round-trips a keymap', () => {
    const keymap = Keymap.parse([
      { keys: 'Shift+B', action: buy },
      { keys: 'Ctrl+Alt+X', action: { kind: 'cancelAll' } },
    ]);
    expect(parseHotkeysFile(hotkeysFileText(keymap))).toEqual(keymap);
  });

  it('refuses a bad file with a clear reason', () => {
    expect(() => parseHotkeysFile('{nope')).toThrow('The file is not JSON.');
    expect(() => parseHotkeysFile('{"format":"other","version":1,"hotkeys":[]}')).toThrow(
      /not an IBDesk hotkeys file.*\(at format\)/,
    );
    const bad = JSON.stringify({
      format: 'ibdesk-hotkeys',
      version: 1,
      hotkeys: [{ keys: 'Shift+B', action: { kind: 'trade', side: 'BUY', at: 'ask', quantity: -5 } }],
    });
    expect(() => parseHotkeysFile(bad)).toThrow(/at hotkeys\.0\.action\.quantity/);
    const clash = JSON.stringify({
      format: 'ibdesk-hotkeys',
      version: 1,
      hotkeys: [{ keys: 'Ctrl+K', action: buy }],
    });
    expect(() => parseHotkeysFile(clash)).toThrow(/Ctrl\+K is taken by the app's own Ctrl\+K/);
  });
});
