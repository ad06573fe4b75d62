// Pure logic of the profile dialog: a form's text fields ↔ a profile, with the field errors the user sees.
import type { Profile, ProfileInput } from '../../src-shared/domain/settings';
import { DEFAULT_LIMITS, ProfileInput as ProfileInputSchema } from '../../src-shared/domain/settings';

export type ProfileForm = {
  id: string | null;
  name: string;
  kind: 'tws' | 'gateway';
  host: string;
  port: string;
  clientId: string;
  readOnly: boolean;
  maxQuantity: string;
  maxNotional: string;
  priceBandPct: string;
};

export function formFromProfile(p: Profile): ProfileForm {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind === 'gateway' ? 'gateway' : 'tws',
    host: p.host,
    port: String(p.port),
    clientId: String(p.clientId),
    readOnly: p.readOnly,
    maxQuantity: String(p.limits.maxQuantity),
    maxNotional: String(p.limits.maxNotional),
    priceBandPct: String(p.limits.priceBandPct),
  };
}

export function blankForm(): ProfileForm {
  return {
    id: null,
    name: '',
    kind: 'tws',
    host: '127.0.0.1',
    port: '7497',
    clientId: '1',
    readOnly: false,
    maxQuantity: String(DEFAULT_LIMITS.maxQuantity),
    maxNotional: String(DEFAULT_LIMITS.maxNotional),
    priceBandPct: String(DEFAULT_LIMITS.priceBandPct),
  };
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** Parses the form; returns the profile input or the message per field. */
export function parseForm(
  f: ProfileForm,
): { ok: true; value: ProfileInput } | { ok: false; errors: Record<string, string> } {
  const candidate = {
    ...(f.id ? { id: f.id } : {}),
    name: f.name,
    kind: f.kind,
    host: f.host,
    port: num(f.port),
    clientId: num(f.clientId),
    readOnly: f.readOnly,
    limits: {
      maxQuantity: num(f.maxQuantity),
      maxNotional: num(f.maxNotional),
      priceBandPct: num(f.priceBandPct),
    },
  };
  const parsed = ProfileInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'form');
    errors[key] ??= issue.message.startsWith('Invalid input') ? 'must be a number' : issue.message;
  }
  return { ok: false, errors };
}

/** Host, port and client id of the form for the setup checker, or the field errors that stop it. */
export function testTarget(
  f: ProfileForm,
):
  | { ok: true; value: { host: string; port: number; clientId: number } }
  | { ok: false; errors: Record<string, string> } {
  const parsed = parseForm(f);
  if (!parsed.ok) {
    const relevant = Object.fromEntries(
      Object.entries(parsed.errors).filter(([k]) => ['host', 'port', 'clientId'].includes(k)),
    );
    if (Object.keys(relevant).length > 0) return { ok: false, errors: relevant };
  }
  const host = f.host.trim();
  const port = num(f.port);
  const clientId = num(f.clientId);
  return { ok: true, value: { host, port, clientId } };
}
