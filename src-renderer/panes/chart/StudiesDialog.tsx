// The chart's Studies dialog: the studies on the chart (edit, remove) and a form to add one or change its params,
// checked by the study's own zod schema so each field shows its own error.
import { useId, useState } from 'react';
import { parseStudySpec, Source, studyLabel, type StudyKind } from '../../../src-shared/domain/studies';
import { studiesOf, type ChartStudy } from '../../stores/chart-studies';
import { useAppStore } from '../../stores/use-app-store';
import { fieldMessages } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { ListOptions, Options } from '../../ui/Options';
import { paramsFromForm, STUDY_MENU } from './study-view';

const FIELD_LABELS: Record<string, string> = {
  period: 'Period (bars)',
  k: 'Standard deviations (k)',
  fast: 'Fast period',
  slow: 'Slow period',
  signal: 'Signal period',
  source: 'Source',
  utcOffsetMinutes: 'Session UTC offset (minutes)',
  startMinute: 'Session start (minutes after midnight)',
};

type Form = { editing: string | null; kind: StudyKind; fields: Record<string, string> };

/** The form for a study: its params (or the kind's defaults) as text. */
function formFor(kind: StudyKind, study?: ChartStudy): Form {
  const params: Record<string, unknown> = study?.spec.params ?? parseStudySpec({ kind }).params;
  return {
    editing: study?.id ?? null,
    kind,
    fields: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  };
}

export function StudiesDialog({
  paneId,
  open,
  onClose,
}: {
  paneId: string;
  open: boolean;
  onClose: () => void;
}) {
  const config = useAppStore((s) => s.paneStates[paneId]?.config);
  const addStudy = useAppStore((s) => s.addStudy);
  const changeStudy = useAppStore((s) => s.changeStudy);
  const studies = studiesOf(config);
  const [form, setForm] = useState<Form>(() => formFor('ema'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const uid = useId();

  const pick = (f: Form) => {
    setErrors({});
    setForm(f);
  };
  const numeric = Object.keys(form.fields).filter((k) => k !== 'source');

  function submit(): void {
    const input = { kind: form.kind, params: paramsFromForm(form.fields, numeric) };
    const err = form.editing ? changeStudy(paneId, form.editing, input) : addStudy(paneId, input);
    if (err) setErrors(fieldMessages(err));
    else pick(formFor(form.kind));
  }

  return (
    <ModalDialog open={open} title="Studies" onClose={onClose} className="studies-dialog">
      <ul className="study-list" aria-label="Studies on this chart">
        {studies.length === 0 && <li className="dim">No studies yet.</li>}
        {studies.map((s) => (
          <li key={s.id}>
            <span>{studyLabel(s.spec)}</span>
            <button type="button" onClick={() => pick(formFor(s.spec.kind, s))}>
              Edit {studyLabel(s.spec)}
            </button>
            <button
              type="button"
              onClick={() => {
                changeStudy(paneId, s.id, null);
                if (form.editing === s.id) pick(formFor(form.kind));
              }}
            >
              Remove {studyLabel(s.spec)}
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label={form.editing ? 'Change study' : 'Add study'}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Study</span>
          <select
            value={form.kind}
            disabled={form.editing !== null}
            onChange={(e) => pick(formFor(e.target.value as StudyKind))}
          >
            <ListOptions items={STUDY_MENU} value={(m) => m.kind} label={(m) => m.name} />
          </select>
        </label>
        {Object.entries(form.fields).map(([key, value]) => (
          <label key={key} className="field">
            <span>{FIELD_LABELS[key] ?? key}</span>
            {key === 'source' ? (
              <select
                value={value}
                onChange={(e) => setForm((f) => ({ ...f, fields: { ...f.fields, [key]: e.target.value } }))}
              >
                <Options values={Source.options} />
              </select>
            ) : (
              <input
                inputMode="decimal"
                value={value}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={errors[key] ? `${uid}-${key}-err` : undefined}
                onChange={(e) => setForm((f) => ({ ...f, fields: { ...f.fields, [key]: e.target.value } }))}
              />
            )}
            {errors[key] && (
              <span id={`${uid}-${key}-err`} className="field-error">
                {errors[key]}
              </span>
            )}
          </label>
        ))}
        {Object.entries(errors)
          .filter(([key]) => !(key in form.fields))
          .map(([key, text]) => (
            <p key={key} role="alert" className="error">
              {text}
            </p>
          ))}
        <div className="actions">
          {form.editing && (
            <button type="button" onClick={() => pick(formFor(form.kind))}>
              Cancel edit
            </button>
          )}
          <button type="submit">{form.editing ? 'Save study' : 'Add study'}</button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
