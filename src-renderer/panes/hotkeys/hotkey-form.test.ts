// The editor's rows: a keymap round-trips through them; a row without keys, with a bad quantity, or whose keys
// clash with another row or the app's own keys gets its reason, and the rows then make no keymap.
import { describe, expect, it } from 'vitest';
import { actionLabel, Keymap } from '../../../src-shared/domain/hotkeys';
import { blankRow, checkRows, CHOICES, rowsOf } from './hotkey-form';

const keymap = Keymap.parse([
  { keys: 'Shift+B', action: { kind: 'trade', side: 'BUY', at: 'ask', quantity: 100 } },
  { keys: 'Shift+S', action: { kind: 'trade', side: 'SELL', at: 'mid', quantity: 25 } },
  { keys: 'F9', action: { kind: 'focusPane', pane: 'tape' } },
  { keys: 'Ctrl+Alt+X', action: { kind: 'cancelAll' } },
]);

describe('hotkey rows', () => {
  it('round-trip a keymap', () => {
    const rows = rowsOf(keymap);
    expect(rows[1]).toEqual({ keys: 'Shift+S', choice: 'SELL:mid', quantity: '25', pane: 'ladder' });
    expect(rows[2]).toMatchObject({ choice: 'focusPane', pane: 'tape' });
    expect(checkRows(rows)).toEqual({ keymap, errors: {}, conflicts: [] });
  });

  it('offer every action, a plain one named as the Actions menu names it', () => {
    const label = (value: string) => CHOICES.find((c) => c.value === value)?.label;
    expect(CHOICES.map((c) => c.value)).toEqual([
      ...['BUY', 'SELL'].flatMap((side) => ['bid', 'ask', 'mid', 'last'].map((at) => `${side}:${at}`)),
      ...['cancelAll', 'cancelLast', 'flatten', 'recentre', 'focusPane', 'symbolSearch'],
    ]);
    expect(label('flatten')).toBe(actionLabel({ kind: 'flatten' }));
    expect(label('cancelAll')).toBe('Cancel all orders for the symbol');
    expect(label('SELL:mid')).toBe('Sell at mid');
  });

  it('give each bad row its reason and make no keymap', () => {
    const rows = [
      { ...blankRow(), keys: 'Shift+B' },
      { ...blankRow(), keys: 'shift+b', choice: 'flatten' },
      { ...blankRow(), keys: 'Ctrl+K', choice: 'recentre' },
      { ...blankRow(), keys: '' },
      { ...blankRow(), keys: 'F4', quantity: '1.5' },
    ];
    const r = checkRows(rows);
    expect(r.keymap).toBeNull();
    expect(r.errors).toEqual({
      0: 'Shift+B is taken by 2 hotkeys of this list',
      1: 'Shift+B is taken by 2 hotkeys of this list',
      2: "Ctrl+K is taken by the app's own Ctrl+K (Symbol search)",
      3: 'press the keys to bind',
      4: 'quantity must be a whole number above zero',
    });
    expect(r.conflicts.map((c) => c.keys)).toEqual(['Shift+B', 'Ctrl+K']);
  });
});
