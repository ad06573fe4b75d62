// Canonical decimal text ↔ (mantissa, scale), so numeric TWS fields ("187.25", "100", "-0.5") can be stored as
// integer deltas and still come back as the exact same text. Only text that formatDecimal reproduces byte for byte
// counts as numeric; anything else ("187.50", "1.7976931348623157E308", "007", "-0") stays a string.

/** At most 15 significant digits: every mantissa, and every delta of two at a common scale, stays within 2^53. */
export const MAX_DIGITS = 15;

/** The mantissa of the last successful parse (kept outside the return value to avoid an allocation per field). */
export let parsedMantissa = 0;

/**
 * The scale (digits after the point) of the canonical decimal in bytes [start, end), or -1 when those bytes are not
 * one (ASCII only: the digits, '-' and '.').
 */
export function parseDecimalBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n <= 0 || n > MAX_DIGITS + 2) return -1;
  let i = start;
  let neg = false;
  if (b[i] === 45 /* - */) {
    neg = true;
    i++;
    if (i === end) return -1;
  }
  let m = 0;
  let digits = 0;
  if (b[i] === 48 /* 0 */) {
    // A leading zero only as the whole integer part: "0" or "0.x".
    i++;
    if (i < end && b[i] !== 46) return -1;
  } else {
    for (; i < end; i++) {
      const c = b[i]! - 48;
      if (c < 0 || c > 9) break;
      m = m * 10 + c;
      digits++;
    }
    if (digits === 0) return -1;
  }
  let scale = 0;
  if (i < end) {
    if (b[i] !== 46 /* . */) return -1;
    i++;
    if (i === end) return -1;
    for (; i < end; i++) {
      const c = b[i]! - 48;
      if (c < 0 || c > 9) return -1;
      m = m * 10 + c;
      scale++;
      if (m !== 0) digits++;
    }
    // "1.50" would come back as "1.5": a trailing zero in the fraction keeps the text a string.
    if (b[end - 1] === 48) return -1;
  }
  if (digits > MAX_DIGITS || scale > MAX_DIGITS) return -1;
  if (neg) {
    if (m === 0) return -1;
    m = -m;
  }
  parsedMantissa = m;
  return scale;
}

const ZEROS = '000000000000000000';

/** The canonical text of mantissa × 10^-scale (the inverse of parseDecimalBytes). */
export function formatDecimal(m: number, scale: number): string {
  if (scale === 0) return String(m);
  const neg = m < 0;
  let d = String(neg ? -m : m);
  if (d.length <= scale) d = ZEROS.slice(0, scale + 1 - d.length) + d;
  const cut = d.length - scale;
  return (neg ? '-' : '') + d.slice(0, cut) + '.' + d.slice(cut);
}

export const POW10: readonly number[] = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);
