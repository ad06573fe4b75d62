// Profiles dialog: pick, add, edit, delete and connect profiles (Demo, TWS/IB Gateway paper and live), and the
// Replay kind: a recorded session chosen from the data folder's recordings (or by path) and replayed.
import { useId, useState } from 'react';
import type { Profile } from '../../src-shared/domain/settings';
import { useAppStore } from '../stores/use-app-store';
import { fieldMessages } from '../ui/format';
import { ModalDialog } from '../ui/ModalDialog';
import type { SetupCheck } from '../../src-shared/contract';
import { blankForm, formFromProfile, parseForm, testTarget, type ProfileForm } from './profile-form';
import { ReplayChooser } from './ReplayChooser';

export function ProfileDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const settings = useAppStore((s) => s.settings);
  const saveProfile = useAppStore((s) => s.saveProfile);
  const deleteProfile = useAppStore((s) => s.deleteProfile);
  const selectProfile = useAppStore((s) => s.selectProfile);
  const testConnection = useAppStore((s) => s.testConnection);
  const [check, setCheck] = useState<{ running: boolean; result: SetupCheck | null; error: string | null }>({
    running: false,
    result: null,
    error: null,
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  /** The Replay kind is shown: a new one (from "Connects to") or the Replay profile picked in the list. */
  const [replaying, setReplaying] = useState<'new' | 'existing' | null>(null);
  const uid = useId();

  const profiles = settings?.profiles ?? [];
  const activeId = settings?.activeProfileId;
  const creating = form !== null && form.id === null;
  const selected: Profile | undefined = creating
    ? undefined
    : profiles.find((p) => p.id === (selectedId ?? activeId));

  const edit = (p: Profile | null): void => {
    setErrors({});
    setCheck({ running: false, result: null, error: null });
    setMessage(null);
    setSelectedId(p?.id ?? null);
    setReplaying(p?.kind === 'replay' ? 'existing' : null);
    setForm(p ? (p.kind === 'demo' || p.kind === 'replay' ? null : formFromProfile(p)) : blankForm());
  };

  const kindSelect = (kind: ProfileForm['kind'] | 'replay') => (
    <label className="field">
      <span>Connects to</span>
      <select
        value={kind}
        onChange={(e) => {
          const k = e.target.value;
          setErrors({});
          setMessage(null);
          if (k === 'replay') setReplaying('new');
          else {
            setReplaying(null);
            setForm((f) => ({ ...(f ?? blankForm()), kind: k === 'gateway' ? 'gateway' : 'tws' }));
          }
        }}
      >
        <option value="tws">Trader Workstation (TWS)</option>
        <option value="gateway">IB Gateway</option>
        {creating && <option value="replay">Replay of a recording</option>}
      </select>
    </label>
  );

  const field = (key: keyof ProfileForm, label: string, type: 'text' | 'number' = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={String(form?.[key] ?? '')}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${uid}-${key}-err` : undefined}
        onChange={(e) => setForm((f) => (f ? { ...f, [key]: e.target.value } : f))}
      />
      {errors[key] && (
        <span id={`${uid}-${key}-err`} className="field-error">
          {errors[key]}
        </span>
      )}
    </label>
  );

  /** The form read by `parse`, or null with its field messages shown. */
  function parsed<T>(
    parse: (f: ProfileForm) => { ok: true; value: T } | { ok: false; errors: Record<string, string> },
  ): T | null {
    if (!form) return null;
    const r = parse(form);
    if (r.ok) return r.value;
    setErrors(r.errors);
    return null;
  }

  async function runCheck(): Promise<void> {
    const target = parsed(testTarget);
    if (!target) return;
    setCheck({ running: true, result: null, error: null });
    const r = await testConnection(target);
    setCheck(
      r.ok
        ? { running: false, result: r.value, error: null }
        : { running: false, result: null, error: r.error.message },
    );
  }

  async function save(): Promise<void> {
    const input = parsed(parseForm);
    if (!input) return;
    const r = await saveProfile(input);
    if (r.ok) {
      setErrors({});
      setMessage(`Saved "${r.value.name}"`);
      setSelectedId(r.value.id);
      setForm(formFromProfile(r.value));
    } else {
      setErrors(fieldMessages(r.error));
      setMessage(r.error.message);
    }
  }

  return (
    <ModalDialog open={open} title="Profiles" onClose={onClose}>
      <div className="profile-dialog">
        <ul className="profile-list" aria-label="Profiles">
          {profiles.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                aria-pressed={p.id === selected?.id}
                className={p.id === selected?.id ? 'selected' : ''}
                onClick={() => edit(p)}
              >
                {p.name}
                {p.id === activeId && <span className="tag">active</span>}
              </button>
            </li>
          ))}
          <li>
            <button type="button" onClick={() => edit(null)}>
              + New profile
            </button>
          </li>
        </ul>
        <form
          className="profile-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {replaying ? (
            <>
              {replaying === 'new' && kindSelect('replay')}
              <ReplayChooser
                current={replaying === 'existing' ? (selected?.recording ?? null) : null}
                onOpened={onClose}
              />
            </>
          ) : form ? (
            <>
              {field('name', 'Name')}
              {kindSelect(form.kind)}
              {field('host', 'Host')}
              {field('port', 'Port', 'number')}
              <p className="hint">TWS: 7497 paper, 7496 live · IB Gateway: 4002 paper, 4001 live</p>
              {field('clientId', 'Client id', 'number')}
              <label className="field checkbox">
                <input
                  type="checkbox"
                  checked={form.readOnly}
                  onChange={(e) => setForm({ ...form, readOnly: e.target.checked })}
                />
                <span>Read-only (never send orders)</span>
              </label>
              <fieldset>
                <legend>Order limits</legend>
                {field('maxQuantity', 'Max quantity', 'number')}
                {field('maxNotional', 'Max order value', 'number')}
                {field('priceBandPct', 'Price band around last (%)', 'number')}
              </fieldset>
            </>
          ) : (
            <p>
              {selected?.kind === 'demo'
                ? 'The Demo profile trades against the embedded demo gateway: simulated prices and fills, no real money.'
                : 'Pick a profile or create one.'}
            </p>
          )}
          {message && (
            <p role="alert" className="form-message">
              {message}
            </p>
          )}
          {form && !replaying && (check.running || check.result || check.error) && (
            <div
              role="status"
              aria-label="Setup check"
              className={`setup-check setup-${check.result?.outcome ?? 'pending'}`}
            >
              {check.running && (
                <p>
                  Testing {form.host}:{form.port}…
                </p>
              )}
              {check.error && <p>{check.error}</p>}
              {check.result && (
                <>
                  <p>
                    <strong>{check.result.outcome === 'ok' ? 'It works.' : 'Problem:'}</strong>{' '}
                    {check.result.message}
                  </p>
                  {check.result.fix && (
                    <p>
                      <strong>Fix:</strong> {check.result.fix}
                    </p>
                  )}
                </>
              )}
            </div>
          )}
          <div className="actions">
            {form && !replaying && (
              <button type="button" disabled={check.running} onClick={() => void runCheck()}>
                Test connection
              </button>
            )}
            {form && !replaying && <button type="submit">Save</button>}
            {selected && selected.id !== activeId && (
              <button type="button" onClick={() => void selectProfile(selected.id).then(() => onClose())}>
                Connect with this profile
              </button>
            )}
            {selected && form && selected.kind !== 'demo' && selected.id !== activeId && (
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void deleteProfile(selected.id).then((r) => {
                    if (r.ok) edit(null);
                    else setMessage(r.error.message);
                  })
                }
              >
                Delete
              </button>
            )}
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      </div>
    </ModalDialog>
  );
}
