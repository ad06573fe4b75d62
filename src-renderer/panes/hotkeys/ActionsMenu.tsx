// The Actions menu: every action a hotkey can run, reachable without a key (the profile's hotkeys with their keys,
// then the order and screen actions), so no action is only on a key. Order actions are disabled, with the reason
// in the menu's first line, when orders cannot be sent.
import { actionLabel, tradesOrders, type HotkeyAction } from '../../../src-shared/domain/hotkeys';
import { PANE_KINDS } from '../../../src-shared/panes';
import { keymapOf } from '../../stores/hotkeys-slice';
import { useAppStore } from '../../stores/use-app-store';
import { ticketBlockedReason } from '../order-entry/ticket-form';

const FIXED: readonly { group: string; actions: HotkeyAction[] }[] = [
  { group: 'Orders', actions: [{ kind: 'cancelAll' }, { kind: 'cancelLast' }, { kind: 'flatten' }] },
  {
    group: 'Screen',
    actions: [
      { kind: 'recentre' },
      { kind: 'symbolSearch' },
      ...PANE_KINDS.map((p): HotkeyAction => ({ kind: 'focusPane', pane: p.kind })),
    ],
  },
];

export function ActionsMenu() {
  const keymap = useAppStore(keymapOf);
  const runAction = useAppStore((s) => s.runAction);
  const setHotkeysOpen = useAppStore((s) => s.setHotkeysOpen);
  const blocked = useAppStore((s) => ticketBlockedReason(s.transport.connected, s.connection));
  const entries = [
    ...keymap.map((h, i) => ({
      value: `key-${i}`,
      label: `${actionLabel(h.action)} (${h.keys})`,
      action: h.action,
    })),
    ...FIXED.flatMap((g) =>
      g.actions.map((a, i) => ({ value: `${g.group}-${i}`, label: actionLabel(a), action: a })),
    ),
  ];
  const option = (e: (typeof entries)[number]) => (
    <option key={e.value} value={e.value} disabled={!!blocked && tradesOrders(e.action)}>
      {e.label}
    </option>
  );
  return (
    <select
      aria-label="Actions"
      value=""
      onChange={(ev) => {
        const value = ev.target.value;
        if (value === 'edit') return setHotkeysOpen(true);
        const entry = entries.find((e) => e.value === value);
        if (entry) runAction(entry.action);
      }}
    >
      <option value="">{blocked ? `Actions… (orders disabled: ${blocked})` : 'Actions…'}</option>
      {keymap.length > 0 && (
        <optgroup label="Hotkeys">{entries.slice(0, keymap.length).map(option)}</optgroup>
      )}
      {FIXED.map((g) => (
        <optgroup key={g.group} label={g.group}>
          {entries.filter((e) => e.value.startsWith(`${g.group}-`)).map(option)}
        </optgroup>
      ))}
      <option value="edit">Edit hotkeys…</option>
    </select>
  );
}
