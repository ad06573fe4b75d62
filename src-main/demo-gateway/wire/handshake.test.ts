import { describe, expect, it } from 'vitest';
import { negotiate } from './handshake';

describe('negotiate', () => {
  it('picks min(client max, gateway max) and keeps connect options', () => {
    expect(negotiate('v100..193', 193)).toMatchObject({ ok: true, version: 193, options: [] });
    expect(negotiate('v100..187', 193)).toMatchObject({ ok: true, version: 187 });
    expect(negotiate('v100..176 +PACEAPI', 193)).toMatchObject({
      ok: true,
      version: 176,
      options: ['+PACEAPI'],
    });
    expect(negotiate('v157..178', 166)).toMatchObject({ ok: true, version: 166 });
    expect(negotiate('v160', 193)).toMatchObject({ ok: true, version: 160, clientMin: 160, clientMax: 160 });
  });

  it('refuses ranges that do not overlap 157…max, and garbage', () => {
    expect(negotiate('v100..150', 193)).toMatchObject({ ok: false });
    expect(negotiate('v201..213', 193)).toMatchObject({ ok: false });
    expect(negotiate('v190..200', 176)).toMatchObject({ ok: false });
    expect(negotiate('hello', 193)).toMatchObject({ ok: false });
    expect(negotiate('v180..170', 193)).toMatchObject({ ok: false });
  });
});
