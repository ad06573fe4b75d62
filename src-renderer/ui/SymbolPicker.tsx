// A symbol search box: type a symbol or a name, pick a match (arrows + Enter, or a click; Enter right after typing
// a ticker picks it once the lookup answers, see symbol-entry.ts). Resolves the match to
// a reference every pane can use. Used by the watchlist, the chart, the ticket and the Ctrl+K dialog.
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import type { SymbolMatch } from '../../src-shared/domain/instrument';
import type { WatchItem } from '../../src-shared/domain/workspace';
import { useAppStore } from '../stores/use-app-store';
import { exactTicker, onAnswerAfterEnter, onEnter, type EnterOutcome, type Lookup } from './symbol-entry';
import './symbol-picker.css';

const DEBOUNCE_MS = 180;

export function SymbolPicker({
  label,
  placeholder = 'Symbol…',
  onPick,
  onMatch,
  autoFocus = false,
}: {
  label: string;
  placeholder?: string;
  onPick: (item: WatchItem) => void;
  /** The match picked, before its details are looked up (a pane may start loading what it needs meanwhile). */
  onMatch?: (match: SymbolMatch) => void;
  autoFocus?: boolean;
}) {
  const searchSymbols = useAppStore((s) => s.searchSymbols);
  const resolveMatch = useAppStore((s) => s.resolveMatch);
  const [text, setText] = useState('');
  const [lookup, setLookup] = useState<Lookup | null>(null);
  /** The option moved to with the arrows; null until the user does (Enter then takes the exact ticker). */
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);
  /** Text for which Enter was pressed before its lookup answered. */
  const pendingEnter = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const listId = useId();
  const matches = lookup?.matches ?? [];
  const exact = exactTicker(text, matches);
  /** The option Enter takes: the one moved to, else the exact ticker, else the first. */
  const active = highlighted ?? Math.max(0, exact ? matches.indexOf(exact) : 0);

  async function pick(m: SymbolMatch | undefined): Promise<void> {
    if (!m) return;
    seq.current++;
    pendingEnter.current = null;
    setText('');
    setLookup(null);
    setHighlighted(null);
    setMessage(null);
    onMatch?.(m);
    const item = await resolveMatch(m);
    if (item) onPick(item);
  }

  /** Carries out what Enter decided once there is an answer: pick, or say why not in the field. */
  function settle(outcome: EnterOutcome): void {
    if (outcome.kind === 'pick') void pick(outcome.match);
    else if (outcome.kind === 'unknown') setMessage(outcome.message);
  }

  function enter(): void {
    const outcome = onEnter(text, lookup, highlighted);
    if (outcome.kind !== 'wait') return settle(outcome);
    // Enter before the answer: ask now (no debounce) and decide when it comes.
    pendingEnter.current = outcome.pattern;
    clearTimeout(timer.current);
    runSearch(outcome.pattern);
  }

  function runSearch(pattern: string): void {
    const mine = ++seq.current;
    void searchSymbols(pattern).then((r) => {
      if (mine !== seq.current) return;
      const found = r.ok ? r.value.slice(0, 12) : [];
      setLookup({ pattern, matches: found });
      setHighlighted(null);
      setMessage(!r.ok ? r.error.message : found.length === 0 ? `No instrument matches "${pattern}"` : null);
      if (pendingEnter.current === pattern) {
        pendingEnter.current = null;
        if (r.ok) settle(onAnswerAfterEnter(pattern, found));
      }
    });
  }

  const searchLater = useEffectEvent(runSearch);
  useEffect(() => {
    const pattern = text.trim();
    clearTimeout(timer.current);
    if (!pattern) {
      seq.current++;
      return;
    }
    timer.current = setTimeout(() => searchLater(pattern), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [text]);

  const open = text.trim() !== '' && matches.length > 0;

  return (
    <span className="symbol-picker">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={message && text.trim() ? true : undefined}
        aria-describedby={message && text.trim() ? `${listId}-message` : undefined}
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          setHighlighted(null);
          pendingEnter.current = null;
          if (!e.target.value.trim()) {
            setLookup(null);
            setMessage(null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setHighlighted(Math.min(active + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setHighlighted(Math.max(active - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            enter();
          } else if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
            setLookup(null);
            pendingEnter.current = null;
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={`${label} matches`} className="picker-list">
          {matches.map((m, i) => (
            <li
              key={m.conId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void pick(m)}
            >
              <strong>{m.symbol}</strong> <span className="dim">{m.secType}</span>{' '}
              <span className="dim">{m.primaryExchange}</span> {m.description}
            </li>
          ))}
        </ul>
      )}
      {message && text.trim() && (
        <span id={`${listId}-message`} className="picker-message" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
