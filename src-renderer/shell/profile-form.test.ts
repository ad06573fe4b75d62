import { describe, expect, it } from 'vitest';
import { defaultProfiles } from '../../src-shared/domain/settings';
import { blankForm, formFromProfile, parseForm, testTarget } from './profile-form';

describe('profile form', () => {
  it('round-trips a profile', () => {
    // The hotkeys are not the dialog's: main keeps them when it saves the profile.
    const { hotkeys: _notInTheForm, ...p } = defaultProfiles()[1]!;
    const parsed = parseForm(formFromProfile({ ...p, hotkeys: [] }));
    expect(parsed).toEqual({ ok: true, value: { ...p, kind: 'tws' } });
  });

  it('names the fields that are wrong', () => {
    const r = parseForm({ ...blankForm(), name: '', port: '70000', clientId: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['clientId', 'name', 'port']);
    expect(r.errors.port).toBe('port must be 1…65535');
  });

  it('gives the setup checker host, port and client id even before the profile has a name', () => {
    expect(testTarget({ ...blankForm(), name: '', port: '4002', clientId: '3' })).toEqual({
      ok: true,
      value: { host: '127.0.0.1', port: 4002, clientId: 3 },
    });
    const bad = testTarget({ ...blankForm(), port: '' });
    expect(bad).toEqual({ ok: false, errors: { port: 'must be a number' } });
  });
});
