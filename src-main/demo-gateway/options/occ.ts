// OCC option symbols (OSI), the localSymbol TWS reports for US equity options: root left-justified and padded
// with spaces to 6, expiry yymmdd, C or P, strike × 1000 zero-padded to 8 digits — "AAPL  261218C00150000".
import { OptionModelError } from './errors';

export type Right = 'C' | 'P';

export interface OccParts {
  readonly root: string;
  /** "YYYYMMDD" (OCC years are 2000-2099). */
  readonly ymd: string;
  readonly right: Right;
  readonly strike: number;
}

/** Formats an OCC symbol; `ymd` is "YYYYMMDD". */
export function formatOcc(root: string, ymd: string, right: Right, strike: number): string {
  if (!/^[A-Z0-9]{1,6}$/.test(root)) throw new OptionModelError('BAD_INPUT', `bad OCC root "${root}"`);
  if (!/^20\d{6}$/.test(ymd)) throw new OptionModelError('BAD_EXPIRY', `bad expiry "${ymd}"`);
  const milli = Math.round(strike * 1000);
  if (!(milli > 0 && milli <= 99_999_999))
    throw new OptionModelError('BAD_INPUT', `strike ${strike} does not fit an OCC symbol`);
  return `${root.padEnd(6, ' ')}${ymd.slice(2)}${right}${String(milli).padStart(8, '0')}`;
}

const OCC = /^([A-Z0-9]{1,6}) *(\d{6})([CP])(\d{8})$/;

/** Parses an OCC symbol, padded (21 characters) or with the padding left out ("AAPL261218C00150000"). */
export function parseOcc(text: string): OccParts {
  const m = OCC.exec(text.trim().toUpperCase());
  if (!m) throw new OptionModelError('BAD_OCC', `"${text}" is not an OCC option symbol`);
  const [, root, yymmdd, right, strike] = m as unknown as [string, string, string, Right, string];
  return { root, ymd: `20${yymmdd}`, right, strike: Number(strike) / 1000 };
}
