// Option conIds, derived (not stored) from the contract, so they are the same in every run, every seed and every
// day of a contract's life, distinct from each other and from the universe's conIds (all below 700,000,000), and
// decodable without an index of the ~1.4 million options of the universe:
//
//   conId = 700,000,000 + (((slot × 64 + week mod 64) × 2 + offCycle) × 2 + right) × 8,000 + strike / unit
//
// slot: the underlying's index in the universe (< 700); week: the Monday-based week of the expiry (live expiries
// span under 64 weeks, see calendar.ts); offCycle: 1 when the expiry is not its week's regular Friday expiry (a
// quarterly on another weekday); right: 0 call, 1 put; strike / unit: strikes.ts (1 … 7,999). The largest value,
// 2,133,599,999, fits the signed 32-bit conId field every TWS client uses.
import { standardExpiryOfWeek, weekOf } from './calendar';
import { OptionModelError } from './errors';
import type { Right } from './occ';
import { MAX_STRIKE_UNITS } from './strikes';

export const OPTION_CONID_BASE = 700_000_000;
export const MAX_UNDERLYING_SLOTS = 700;
const WEEKS = 64;
const SPAN = MAX_UNDERLYING_SLOTS * WEEKS * 2 * 2 * MAX_STRIKE_UNITS;

export interface OptionKey {
  readonly slot: number;
  /** Week of the expiry modulo 64. */
  readonly weekCode: number;
  readonly offCycle: 0 | 1;
  readonly right: Right;
  readonly strikeUnits: number;
}

/** The (week code, off-cycle) pair that identifies an expiry day among the live ones. */
export function expiryCode(day: number): { weekCode: number; offCycle: 0 | 1 } {
  const week = weekOf(day);
  return {
    weekCode: ((week % WEEKS) + WEEKS) % WEEKS,
    offCycle: standardExpiryOfWeek(week) === day ? 0 : 1,
  };
}

export function optionConId(slot: number, expiryDay: number, right: Right, strikeUnits: number): number {
  if (!(slot >= 0 && slot < MAX_UNDERLYING_SLOTS && Number.isInteger(slot)))
    throw new OptionModelError('CONID_SPACE', `underlying slot ${slot} is outside the option conId space`);
  if (!(strikeUnits >= 1 && strikeUnits < MAX_STRIKE_UNITS && Number.isInteger(strikeUnits)))
    throw new OptionModelError(
      'CONID_SPACE',
      `strike of ${strikeUnits} units is outside the option conId space`,
    );
  const { weekCode, offCycle } = expiryCode(expiryDay);
  return (
    OPTION_CONID_BASE +
    (((slot * WEEKS + weekCode) * 2 + offCycle) * 2 + (right === 'C' ? 0 : 1)) * MAX_STRIKE_UNITS +
    strikeUnits
  );
}

/** The parts of an option conId, or undefined when the number is not in the option range. */
export function decodeOptionConId(conId: number): OptionKey | undefined {
  const n = conId - OPTION_CONID_BASE;
  if (!Number.isInteger(n) || n < 0 || n >= SPAN) return undefined;
  const strikeUnits = n % MAX_STRIKE_UNITS;
  if (strikeUnits === 0) return undefined;
  let rest = Math.floor(n / MAX_STRIKE_UNITS);
  const right: Right = rest % 2 === 0 ? 'C' : 'P';
  rest = Math.floor(rest / 2);
  const offCycle = (rest % 2) as 0 | 1;
  rest = Math.floor(rest / 2);
  return { slot: Math.floor(rest / WEEKS), weekCode: rest % WEEKS, offCycle, right, strikeUnits };
}

export function isOptionConId(conId: number): boolean {
  return decodeOptionConId(conId) !== undefined;
}
