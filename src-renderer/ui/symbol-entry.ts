// What Enter means in a symbol field: a trader types a ticker and presses Enter at once, often before the search
// answers. The exact ticker wins as soon as the lookup answers; an unknown ticker is said so in the field.
import type { SymbolMatch } from '../../src-shared/domain/instrument';

/** The answer of one lookup, with the text it was for. */
export type Lookup = { pattern: string; matches: readonly SymbolMatch[] };

export type EnterOutcome =
  | { kind: 'pick'; match: SymbolMatch }
  /** The lookup for this text has not answered yet: decide when it does. */
  | { kind: 'wait'; pattern: string }
  | { kind: 'unknown'; message: string }
  | { kind: 'nothing' };

const norm = (s: string): string => s.trim().toUpperCase();

/** The first match whose ticker is exactly the typed text (case-insensitive), in the lookup's order. */
export function exactTicker(text: string, matches: readonly SymbolMatch[]): SymbolMatch | undefined {
  const want = norm(text);
  return matches.find((m) => norm(m.symbol) === want);
}

/**
 * Enter pressed with `text` in the field. `lookup` is the latest answer (maybe for older text); `highlighted` is
 * the option the user moved to with the arrows (null when they did not): an explicit choice is kept. With the
 * answer on screen, Enter takes the exact ticker, else the first match (the one shown highlighted).
 */
export function onEnter(text: string, lookup: Lookup | null, highlighted: number | null): EnterOutcome {
  const pattern = text.trim();
  if (!pattern) return { kind: 'nothing' };
  if (!lookup || lookup.pattern !== pattern) return { kind: 'wait', pattern };
  const { matches } = lookup;
  const chosen =
    (highlighted !== null ? matches[highlighted] : undefined) ?? exactTicker(pattern, matches) ?? matches[0];
  return chosen ? { kind: 'pick', match: chosen } : unknown(pattern);
}

/**
 * Enter was pressed for `pattern` before its lookup answered, which it now has. The user has not seen the list,
 * so only the exact ticker is taken; anything else is said in the field, with the matches shown to choose from.
 */
export function onAnswerAfterEnter(pattern: string, matches: readonly SymbolMatch[]): EnterOutcome {
  const exact = exactTicker(pattern, matches);
  if (exact) return { kind: 'pick', match: exact };
  if (matches.length === 0) return unknown(pattern);
  return { kind: 'unknown', message: `No ticker "${norm(pattern)}": pick one of the matches` };
}

function unknown(pattern: string): EnterOutcome {
  return { kind: 'unknown', message: `No instrument matches "${pattern}"` };
}
