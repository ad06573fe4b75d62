// The trader's own hotkeys: key chords (one canonical spelling, read from a key event's physical key so Shift+1
// stays "Shift+1"), the actions they run, the app's built-in keys they may not take, conflicts, and the file they
// are exported to and imported from. Pure, shared by main (stored per profile) and the renderer (one keymap).
import { z } from 'zod';
import { PANE_KINDS, type PaneKind } from '../panes';
import { OrderAction } from './order';

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;
type Modifier = (typeof MODIFIERS)[number];

/** Physical keys by KeyboardEvent.code, for the punctuation a chord may use. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  Minus: '-',
  Equal: '=',
  Comma: ',',
  Period: '.',
  Slash: '/',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Backquote: '`',
};
const NAMED = [
  'Space',
  'Enter',
  'Escape',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
];

/** The key part of a chord in its canonical spelling, or null when a chord cannot use it. */
function canonicalKey(raw: string): string | null {
  if (/^[a-z]$/i.test(raw)) return raw.toUpperCase();
  if (/^[0-9]$/.test(raw)) return raw;
  const f = /^f([1-9]|1[0-2])$/i.exec(raw);
  if (f) return `F${f[1]}`;
  const named = NAMED.find((n) => n.toLowerCase() === raw.toLowerCase());
  if (named) return named;
  if (Object.values(PUNCTUATION).includes(raw)) return raw;
  return null;
}

export class HotkeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HotkeyError';
  }
}

/** "shift+b", "Ctrl + Alt + F5" → "Shift+B", "Ctrl+Alt+F5". Throws HotkeyError with the reason. */
export function parseChord(text: string): string {
  const parts = text
    .split('+')
    .map((p) => p.trim())
    .filter((p, i, all) => p !== '' || i === all.length - 1);
  // "Ctrl++" is not a chord we spell: the key part would be empty.
  const key = parts.pop() ?? '';
  const mods = new Set<Modifier>();
  for (const p of parts) {
    const m = MODIFIERS.find(
      (x) => x.toLowerCase() === p.toLowerCase() || (x === 'Ctrl' && /^control$/i.test(p)),
    );
    if (!m) throw new HotkeyError(`"${p}" is not a modifier (Ctrl, Alt, Shift, Meta) in "${text}"`);
    if (mods.has(m)) throw new HotkeyError(`${m} appears twice in "${text}"`);
    mods.add(m);
  }
  const k = canonicalKey(key);
  if (!k)
    throw new HotkeyError(key === '' ? `"${text}" has no key` : `"${key}" is not a key a hotkey can use`);
  return [...MODIFIERS.filter((m) => mods.has(m)), k].join('+');
}

/** The fields of a keyboard event a chord is read from (a DOM KeyboardEvent has them all). */
export type KeyPress = {
  code: string;
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
};

/** The chord of a key press, or null for a lone modifier or a key no chord uses. */
export function chordOf(e: KeyPress): string | null {
  let key: string | null;
  const letter = /^Key([A-Z])$/.exec(e.code);
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(e.code);
  if (letter) key = letter[1]!;
  else if (digit) key = digit[1]!;
  else if (PUNCTUATION[e.code]) key = PUNCTUATION[e.code]!;
  else if (e.code === 'NumpadEnter') key = 'Enter';
  else key = canonicalKey(e.key === ' ' ? 'Space' : e.key);
  if (!key) return null;
  const mods: Modifier[] = [];
  if (e.ctrlKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey) mods.push('Shift');
  if (e.metaKey) mods.push('Meta');
  return [...mods, key].join('+');
}

/** Whether a chord types text in a field (no Ctrl, Alt or Meta, and not a function key): such a chord is ignored
 *  while the focus is in an input, so a hotkey never eats a character being typed. */
export function typesText(chord: string): boolean {
  const parts = chord.split('+');
  const key = parts[parts.length - 1]!;
  if (/^F\d+$/.test(key) || key === 'Escape') return false;
  return !parts.some((p) => p === 'Ctrl' || p === 'Alt' || p === 'Meta');
}

const PANE_IDS = PANE_KINDS.map((p) => p.kind) as [PaneKind, ...PaneKind[]];
const QuotePoint = z.enum(['bid', 'ask', 'mid', 'last']);

export const HotkeyAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('trade'),
    side: OrderAction,
    at: QuotePoint,
    quantity: z.number().int().positive().max(10_000_000),
  }),
  z.strictObject({ kind: z.literal('cancelAll') }),
  z.strictObject({ kind: z.literal('cancelLast') }),
  z.strictObject({ kind: z.literal('flatten') }),
  z.strictObject({ kind: z.literal('recentre') }),
  z.strictObject({ kind: z.literal('focusPane'), pane: z.enum(PANE_IDS) }),
  z.strictObject({ kind: z.literal('symbolSearch') }),
]);
export type HotkeyAction = z.infer<typeof HotkeyAction>;

/** What the menu and the editor call an action. */
export function actionLabel(a: HotkeyAction): string {
  switch (a.kind) {
    case 'trade':
      return `${a.side === 'BUY' ? 'Buy' : 'Sell'} ${a.quantity} at ${a.at}`;
    case 'cancelAll':
      return 'Cancel all orders for the symbol';
    case 'cancelLast':
      return 'Cancel the last order';
    case 'flatten':
      return 'Flatten the position';
    case 'recentre':
      return 'Re-centre the ladder';
    case 'focusPane':
      return `Focus ${PANE_KINDS.find((p) => p.kind === a.pane)?.title ?? a.pane}`;
    case 'symbolSearch':
      return 'Symbol search';
  }
}

/** Whether an action sends or cancels orders (it needs a symbol and a ready connection). */
export function tradesOrders(a: HotkeyAction): boolean {
  return a.kind === 'trade' || a.kind === 'cancelAll' || a.kind === 'cancelLast' || a.kind === 'flatten';
}

/** The keys the app itself answers (the native menu's accelerators, the ticket's and the ladder's keys, editing):
 *  a hotkey of the trader's may not take one. CmdOrCtrl is both Ctrl and Meta. */
export const BUILT_IN_KEYS: readonly { keys: string; what: string }[] = (
  [
    ...['Ctrl', 'Meta'].flatMap((m) => [
      { keys: `${m}+K`, what: 'Symbol search' },
      { keys: `${m}+,`, what: 'Profiles' },
      { keys: `${m}+Shift+C`, what: 'Connect' },
      { keys: `${m}+Shift+D`, what: 'Disconnect' },
      { keys: `${m}+Shift+R`, what: 'Reconnect now' },
      ...PANE_KINDS.slice(0, 9).map((p, i) => ({ keys: `${m}+${i + 1}`, what: `Open ${p.title}` })),
      ...['C', 'V', 'X', 'A', 'Z', 'Y', 'R', 'W', 'Q'].map((k) => ({
        keys: `${m}+${k}`,
        what: 'Edit / window',
      })),
    ]),
    { keys: 'Alt+B', what: 'Order ticket: buy' },
    { keys: 'Alt+S', what: 'Order ticket: sell' },
    { keys: 'C', what: 'Ladder: re-centre' },
    ...['Tab', 'Shift+Tab'].map((keys) => ({ keys, what: 'Move the focus' })),
    ...['Enter', 'Space'].map((keys) => ({ keys, what: 'Press the focused control' })),
    { keys: 'Escape', what: 'Close a dialog' },
  ] as const
).map((b) => ({ ...b, keys: parseChord(b.keys) }));

const Chord = z.string().transform((text, ctx) => {
  try {
    return parseChord(text);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
    return z.NEVER;
  }
});

export const Hotkey = z.strictObject({ keys: Chord, action: HotkeyAction });
export type Hotkey = z.infer<typeof Hotkey>;

export type Conflict = { keys: string; rows: number[]; with: string };

/** Every chord taken twice or taken from the app: the rows (0-based) involved and what they clash with. */
export function findConflicts(hotkeys: readonly { keys: string }[]): Conflict[] {
  const out: Conflict[] = [];
  const seen = new Map<string, number[]>();
  hotkeys.forEach((h, i) => seen.set(h.keys, [...(seen.get(h.keys) ?? []), i]));
  for (const [keys, rows] of seen) {
    const builtIn = BUILT_IN_KEYS.find((b) => b.keys === keys);
    if (builtIn) out.push({ keys, rows, with: `the app's own ${keys} (${builtIn.what})` });
    else if (rows.length > 1) out.push({ keys, rows, with: `${rows.length} hotkeys of this list` });
  }
  return out;
}

export function conflictText(c: Conflict): string {
  return `${c.keys} is taken by ${c.with}`;
}

export const Keymap = z
  .array(Hotkey)
  .max(100, 'at most 100 hotkeys')
  .superRefine((list, ctx) => {
    for (const c of findConflicts(list)) ctx.addIssue({ code: 'custom', message: conflictText(c) });
  });
export type Keymap = z.infer<typeof Keymap>;

/** The action a chord runs, if the keymap has it. */
export function actionFor(keymap: readonly Hotkey[], chord: string): HotkeyAction | null {
  return keymap.find((h) => h.keys === chord)?.action ?? null;
}

const FILE_FORMAT = 'ibdesk-hotkeys';
const HotkeysFile = z.strictObject({
  format: z.literal(FILE_FORMAT),
  version: z.literal(1),
  hotkeys: Keymap,
});

/** The text of an exported keymap. */
export function hotkeysFileText(hotkeys: Keymap): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: 1, hotkeys }, null, 2)}\n`;
}

/** Reads an exported keymap; a file that is not one throws HotkeyError saying what is wrong with it. */
export function parseHotkeysFile(text: string): Keymap {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HotkeyError('The file is not JSON.');
  }
  const parsed = HotkeysFile.safeParse(raw);
  if (parsed.success) return parsed.data.hotkeys;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  throw new HotkeyError(`The file is not an IBDesk hotkeys file: ${issue.message}${where}.`);
}
