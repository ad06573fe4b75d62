// The hotkey editor's rows: a keymap as editable rows (keys, action, quantity, pane) and back, with each row's
// problem and the conflicts between rows and with the app's own keys, so the editor shows them before saving.
import {
  actionLabel,
  conflictText,
  findConflicts,
  HotkeyAction,
  parseChord,
  type Conflict,
  type Hotkey,
  type Keymap,
} from '../../../src-shared/domain/hotkeys';
import type { PaneKind } from '../../../src-shared/panes';

export type HotkeyRow = { keys: string; choice: string; quantity: string; pane: PaneKind };

const SIDES = ['BUY', 'SELL'] as const;
const POINTS = ['bid', 'ask', 'mid', 'last'] as const;

/** An action that is its kind alone, named as the menu names it. */
const plain = (kind: 'cancelAll' | 'cancelLast' | 'flatten' | 'recentre' | 'symbolSearch') => ({
  value: kind,
  label: actionLabel({ kind }),
});

/** The editor's action list: value → label (a trade's quantity and a focus's pane are fields of their own). */
export const CHOICES: readonly { value: string; label: string }[] = [
  ...SIDES.flatMap((side) =>
    POINTS.map((at) => ({ value: `${side}:${at}`, label: `${side === 'BUY' ? 'Buy' : 'Sell'} at ${at}` })),
  ),
  ...(['cancelAll', 'cancelLast', 'flatten', 'recentre'] as const).map(plain),
  { value: 'focusPane', label: 'Focus a pane' },
  plain('symbolSearch'),
];

export function blankRow(): HotkeyRow {
  return { keys: '', choice: 'BUY:ask', quantity: '100', pane: 'ladder' };
}

export function rowsOf(keymap: readonly Hotkey[]): HotkeyRow[] {
  return keymap.map(({ keys, action: a }) => ({
    ...blankRow(),
    keys,
    choice: a.kind === 'trade' ? `${a.side}:${a.at}` : a.kind,
    ...(a.kind === 'trade' ? { quantity: String(a.quantity) } : {}),
    ...(a.kind === 'focusPane' ? { pane: a.pane } : {}),
  }));
}

export type RowsCheck = {
  keymap: Keymap | null;
  /** Row index → what is wrong with it. */
  errors: Record<number, string>;
  conflicts: Conflict[];
};

function actionOf(row: HotkeyRow): HotkeyAction | string {
  const [side, at] = row.choice.split(':');
  const raw =
    at !== undefined
      ? { kind: 'trade', side, at, quantity: Number(row.quantity.trim() || NaN) }
      : row.choice === 'focusPane'
        ? { kind: 'focusPane', pane: row.pane }
        : { kind: row.choice };
  const parsed = HotkeyAction.safeParse(raw);
  if (parsed.success) return parsed.data;
  return at !== undefined ? 'quantity must be a whole number above zero' : 'choose an action';
}

/** The keymap the rows make, or why they make none. Pure. */
export function checkRows(rows: readonly HotkeyRow[]): RowsCheck {
  const errors: Record<number, string> = {};
  const keymap: Hotkey[] = [];
  rows.forEach((row, i) => {
    let keys = '';
    try {
      keys = parseChord(row.keys);
    } catch (e) {
      errors[i] = row.keys.trim() === '' ? 'press the keys to bind' : (e as Error).message;
    }
    const action = actionOf(row);
    if (typeof action === 'string') errors[i] ??= action;
    else keymap.push({ keys, action });
  });
  const conflicts = findConflicts(
    rows.map((r, i) => ({ keys: errors[i] ? `#invalid-${i}` : parseChord(r.keys) })),
  );
  for (const c of conflicts) for (const i of c.rows) errors[i] ??= conflictText(c);
  const ok = Object.keys(errors).length === 0;
  return { keymap: ok ? keymap : null, errors, conflicts };
}
