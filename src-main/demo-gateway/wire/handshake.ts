// The v100+ handshake: after "API\0" the client sends one frame "v<min>..<max>[ <connect options>]" (ibapi's
// EClient.connect appends " " + connectOptions, e.g. "+PACEAPI"); the server answers "<version>\0<connTime>\0"
// and then waits for START_API (71).
import { MIN_SUPPORTED_SERVER_VERSION } from './server-versions';

export type HandshakeOutcome =
  | { ok: true; version: number; clientMin: number; clientMax: number; options: string[] }
  | { ok: false; reason: string; clientMin?: number; clientMax?: number };

export function negotiate(text: string, gatewayMax: number): HandshakeOutcome {
  const m = /^v(\d{1,4})(?:\.\.(\d{1,4}))?(?:\s+(.*))?$/.exec(text.replace(/\0+$/, '').trim());
  if (!m || m[1] === undefined)
    return { ok: false, reason: `unreadable version request "${printable(text)}"` };
  const clientMin = Number(m[1]);
  const clientMax = m[2] === undefined ? clientMin : Number(m[2]);
  const options = (m[3] ?? '').split(/\s+/).filter((s) => s.length > 0);
  if (clientMax < clientMin) {
    return { ok: false, reason: `inverted version range v${clientMin}..${clientMax}`, clientMin, clientMax };
  }
  if (clientMax < MIN_SUPPORTED_SERVER_VERSION || clientMin > gatewayMax) {
    return {
      ok: false,
      reason: `client range v${clientMin}..${clientMax} does not overlap ${MIN_SUPPORTED_SERVER_VERSION}..${gatewayMax}`,
      clientMin,
      clientMax,
    };
  }
  return { ok: true, version: Math.min(clientMax, gatewayMax), clientMin, clientMax, options };
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}
