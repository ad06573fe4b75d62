// The hotkey editor (Actions → Edit hotkeys…, the toolbar's Hotkeys… button, the native menu's File → Hotkeys…):
// the active profile's hotkeys as rows, a key field that records the chord pressed in it, the conflicts with one
// another and with the app's own keys shown as they appear, export to a JSON file and import from one (a bad file
// is refused with the reason and the rows stay as they were), and Save, refused by main too while a conflict stays.
import { useState, type ChangeEvent } from 'react';
import {
  BUILT_IN_KEYS,
  chordOf,
  conflictText,
  hotkeysFileText,
  parseHotkeysFile,
} from '../../../src-shared/domain/hotkeys';
import { PANE_KINDS, type PaneKind } from '../../../src-shared/panes';
import { keymapOf } from '../../stores/hotkeys-slice';
import { useAppStore } from '../../stores/use-app-store';
import { downloadText } from '../../ui/download';
import { ModalDialog } from '../../ui/ModalDialog';
import { ListOptions } from '../../ui/Options';
import { ResultLine } from '../../ui/ResultLine';
import { blankRow, checkRows, CHOICES, rowsOf, type HotkeyRow } from './hotkey-form';
import './hotkeys.css';

export function HotkeyEditor() {
  const open = useAppStore((s) => s.hotkeysOpen);
  const setOpen = useAppStore((s) => s.setHotkeysOpen);
  return (
    <ModalDialog open={open} title="Hotkeys" onClose={() => setOpen(false)} className="hotkeys-dialog">
      <EditorBody onClose={() => setOpen(false)} />
    </ModalDialog>
  );
}

type Message = { ok: boolean; text: string };

function EditorBody({ onClose }: { onClose: () => void }) {
  const saved = useAppStore(keymapOf);
  const profile = useAppStore((s) => s.settings?.profiles.find((p) => p.id === s.settings?.activeProfileId));
  const saveHotkeys = useAppStore((s) => s.saveHotkeys);
  const [rows, setRows] = useState<HotkeyRow[]>(() => rowsOf(saved));
  const [message, setMessage] = useState<Message | null>(null);
  const check = checkRows(rows);
  const update = (i: number, patch: Partial<HotkeyRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function importFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const keymap = parseHotkeysFile(await file.text());
      setRows(rowsOf(keymap));
      setMessage({ ok: true, text: `Read ${keymap.length} hotkeys from ${file.name}: Save keeps them` });
    } catch (err) {
      setMessage({ ok: false, text: `${file.name} was not imported: ${(err as Error).message}` });
    }
  }

  async function save(): Promise<void> {
    if (!check.keymap) return;
    const r = await saveHotkeys(check.keymap);
    setMessage(
      r.ok
        ? { ok: true, text: `Saved ${check.keymap.length} hotkeys for the ${profile?.name ?? ''} profile` }
        : { ok: false, text: `Not saved: ${r.error.message}` },
    );
  }

  return (
    <div className="hotkeys-editor">
      <p className="dim">
        Hotkeys of the {profile?.name ?? 'active'} profile. Order hotkeys trade the active pane’s symbol (else
        the red link group’s) and ask as the ticket does. Every action is also in the toolbar’s Actions menu.
      </p>
      <table className="hotkeys-table" aria-label="Hotkeys">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
            <th scope="col">Quantity / pane</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            const error = check.errors[i];
            return (
              <tr key={i} className={error ? 'invalid' : undefined}>
                <td>
                  <input
                    aria-label={`Keys of hotkey ${n}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `hotkey-error-${n}` : undefined}
                    placeholder="Press keys…"
                    value={r.keys}
                    readOnly
                    onKeyDown={(e) => {
                      const chord = chordOf(e);
                      // Tab and Escape keep their meaning (leave the field, close the dialog).
                      if (!chord || chord === 'Tab' || chord === 'Shift+Tab' || chord === 'Escape') return;
                      e.preventDefault();
                      e.stopPropagation();
                      update(i, { keys: chord === 'Backspace' || chord === 'Delete' ? '' : chord });
                    }}
                  />
                  {error && (
                    <span className="field-error" id={`hotkey-error-${n}`}>
                      {error}
                    </span>
                  )}
                </td>
                <td>
                  <select
                    aria-label={`Action of hotkey ${n}`}
                    value={r.choice}
                    onChange={(e) => update(i, { choice: e.target.value })}
                  >
                    <ListOptions items={CHOICES} value={(c) => c.value} label={(c) => c.label} />
                  </select>
                </td>
                <td>
                  {r.choice.includes(':') && (
                    <input
                      aria-label={`Quantity of hotkey ${n}`}
                      inputMode="numeric"
                      value={r.quantity}
                      onChange={(e) => update(i, { quantity: e.target.value })}
                    />
                  )}
                  {r.choice === 'focusPane' && (
                    <select
                      aria-label={`Pane of hotkey ${n}`}
                      value={r.pane}
                      onChange={(e) => update(i, { pane: e.target.value as PaneKind })}
                    >
                      <ListOptions items={PANE_KINDS} value={(p) => p.kind} label={(p) => p.title} />
                    </select>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove hotkey ${n}`}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">No hotkeys yet: Add hotkey, or Import a file.</p>}
      {check.conflicts.length > 0 && (
        <ul className="hotkeys-conflicts" role="alert" aria-label="Conflicts">
          {check.conflicts.map((c) => (
            <li key={c.keys}>{conflictText(c)}</li>
          ))}
        </ul>
      )}
      <ResultLine result={message} label="Hotkeys result" />
      <details>
        <summary>The app’s own keys (not available for hotkeys)</summary>
        <p className="dim hotkeys-builtin">
          {BUILT_IN_KEYS.filter((b) => !b.keys.startsWith('Meta+'))
            .map((b) => `${b.keys} ${b.what}`)
            .join(' · ')}{' '}
          (and the same with ⌘ on macOS)
        </p>
      </details>
      <div className="actions">
        <button type="button" onClick={() => setRows((rs) => [...rs, blankRow()])}>
          Add hotkey
        </button>
        <label className="file-button">
          Import…
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import hotkeys file"
            onChange={importFile}
          />
        </label>
        <button
          type="button"
          disabled={!check.keymap}
          onClick={() =>
            downloadText('ibdesk-hotkeys.json', hotkeysFileText(check.keymap!), 'application/json')
          }
        >
          Export…
        </button>
        <span className="spacer" />
        <button type="button" disabled={!check.keymap} onClick={() => void save()}>
          Save
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
