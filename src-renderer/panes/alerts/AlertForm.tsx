// The form that sets or edits an alert: kind, symbol, the number it watches, direction, once or re-armed after a
// cooldown, the color group that shows its symbol when it fires. Messages under the fields come from the Alert
// schema before sending, and from main's answer (an unknown symbol) after.
import { useId, useState, type ReactNode } from 'react';
import { BarSize } from '../../../src-shared/domain/bar';
import type { LinkGroup } from '../../../src-shared/domain/workspace';
import { LINK_GROUPS } from '../../stores/panes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { ListOptions, Options } from '../../ui/Options';
import { SymbolPicker } from '../../ui/SymbolPicker';
import '../../ui/dialog.css';
import {
  FORM_KINDS,
  FORM_STUDIES,
  PRICE_STUDIES,
  checkForm,
  directionsOf,
  fieldErrors,
  needsSymbol,
  toInput,
  type AlertFormFields,
  type FieldName,
  type FormKind,
} from './alert-form';

export function AlertForm({ initial, editId }: { initial: AlertFormFields; editId: string | null }) {
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = useState(false);
  const create = useAppStore((s) => s.createAlert);
  const update = useAppStore((s) => s.updateAlert);
  const close = useAppStore((s) => s.closeAlertForm);
  const uid = useId();
  const kindDef = FORM_KINDS.find((k) => k.kind === f.kind)!;
  const set = (patch: Partial<AlertFormFields>) => setF((x) => ({ ...x, ...patch }));

  const field = (name: FieldName, label: string, control: (aria: Record<string, unknown>) => ReactNode) => (
    <label className="field">
      <span>{label}</span>
      {control({
        'aria-invalid': errors[name] ? true : undefined,
        'aria-describedby': errors[name] ? `${uid}-${name}-err` : undefined,
      })}
      {errors[name] && (
        <span id={`${uid}-${name}-err`} className="field-error">
          {errors[name]}
        </span>
      )}
    </label>
  );

  async function submit(): Promise<void> {
    const local = checkForm(f);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const r = editId ? await update(editId, toInput(f)) : await create(toInput(f));
    setBusy(false);
    if (r.ok) close();
    else {
      const byField = fieldErrors(r.error.issues);
      setErrors(Object.keys(byField).length > 0 ? byField : { form: r.error.message });
    }
  }

  return (
    <form
      className="alert-form"
      aria-label={editId ? 'Edit alert' : 'New alert'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      {field('form', 'Alert when', (aria) => (
        <select
          {...aria}
          value={f.kind}
          onChange={(e) => {
            const kind = e.target.value as FormKind;
            const priceStudy = kind === 'price-study-cross' && !PRICE_STUDIES.includes(f.study);
            set({
              kind,
              direction: directionsOf(kind)[0] ?? f.direction,
              ...(priceStudy ? { study: 'ema', period: '20' } : {}),
            });
          }}
        >
          <ListOptions items={FORM_KINDS} value={(k) => k.kind} label={(k) => k.label} />
        </select>
      ))}
      {(needsSymbol(f.kind) || f.kind === 'fill') && (
        <div className="field">
          <span>Symbol</span>
          {f.symbol ? (
            <span className="alert-symbol">
              <strong>{f.symbol.symbol}</strong>
              <button type="button" onClick={() => set({ symbol: null })}>
                Change symbol
              </button>
            </span>
          ) : (
            <SymbolPicker label="Alert symbol" onPick={(symbol) => set({ symbol })} />
          )}
          {errors.symbol && <span className="field-error">{errors.symbol}</span>}
        </div>
      )}
      {kindDef.value !== null &&
        field('value', kindDef.value, (aria) => (
          <input
            {...aria}
            inputMode="decimal"
            value={f.value}
            onChange={(e) => set({ value: e.target.value })}
          />
        ))}
      {(f.kind === 'study-level' || f.kind === 'price-study-cross') && (
        <>
          {field('study', 'Study', (aria) => (
            <select
              {...aria}
              value={f.study}
              onChange={(e) => set({ study: e.target.value as AlertFormFields['study'] })}
            >
              <Options values={f.kind === 'price-study-cross' ? PRICE_STUDIES : FORM_STUDIES} />
            </select>
          ))}
          <label className="field">
            <span>Period (bars)</span>
            <input inputMode="numeric" value={f.period} onChange={(e) => set({ period: e.target.value })} />
          </label>
          <label className="field">
            <span>Bar size</span>
            <select value={f.barSize} onChange={(e) => set({ barSize: e.target.value as BarSize })}>
              <Options values={BarSize.options} />
            </select>
          </label>
        </>
      )}
      {directionsOf(f.kind).length > 0 &&
        field('direction', 'Direction', (aria) => (
          <select {...aria} value={f.direction} onChange={(e) => set({ direction: e.target.value })}>
            <Options values={directionsOf(f.kind)} />
          </select>
        ))}
      <label className="field">
        <span>Fires</span>
        <select value={f.repeat} onChange={(e) => set({ repeat: e.target.value as 'once' | 'rearm' })}>
          <option value="once">once</option>
          <option value="rearm">again after a cooldown</option>
        </select>
      </label>
      {f.repeat === 'rearm' &&
        field('cooldown', 'Cooldown (s)', (aria) => (
          <input
            {...aria}
            inputMode="numeric"
            value={f.cooldown}
            onChange={(e) => set({ cooldown: e.target.value })}
          />
        ))}
      <label className="field">
        <span>Show in group</span>
        <select value={f.linkGroup} onChange={(e) => set({ linkGroup: e.target.value as LinkGroup })}>
          <Options values={LINK_GROUPS} />
        </select>
      </label>
      <label className="field">
        <span>Sound</span>
        <input type="checkbox" checked={f.sound} onChange={(e) => set({ sound: e.target.checked })} />
      </label>
      {field('note', 'Note', (aria) => (
        <input {...aria} value={f.note} maxLength={500} onChange={(e) => set({ note: e.target.value })} />
      ))}
      <div className="alert-form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {editId ? 'Save alert' : 'Create alert'}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
