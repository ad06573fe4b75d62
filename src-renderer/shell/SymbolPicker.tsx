// A symbol search box: type a symbol or a name, pick a match (arrows + Enter, or a click). Resolves the match to
// a reference every pane can use. Used by the watchlist, the chart, the ticket and the Ctrl+K dialog.
import { useEffect, useId, useRef, useState } from 'react';
import type { SymbolMatch } from '../../src-shared/domain/instrument';
import type { WatchItem } from '../../src-shared/domain/workspace';
import { useAppStore } from '../stores/use-app-store';

const DEBOUNCE_MS = 180;

export function SymbolPicker({
  label,
  placeholder = 'Symbol…',
  onPick,
  autoFocus = false,
}: {
  label: string;
  placeholder?: string;
  onPick: (item: WatchItem) => void;
  autoFocus?: boolean;
}) {
  const searchSymbols = useAppStore((s) => s.searchSymbols);
  const resolveMatch = useAppStore((s) => s.resolveMatch);
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<SymbolMatch[]>([]);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);
  const listId = useId();

  useEffect(() => {
    const pattern = text.trim();
    const mine = ++seq.current;
    if (!pattern) return;
    const t = setTimeout(() => {
      void searchSymbols(pattern).then((r) => {
        if (mine !== seq.current) return;
        if (r.ok) {
          setMatches(r.value.slice(0, 12));
          setActive(0);
          setMessage(r.value.length === 0 ? `No instrument matches "${pattern}"` : null);
        } else {
          setMatches([]);
          setMessage(r.error.message);
        }
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, searchSymbols]);

  const open = text.trim() !== '' && matches.length > 0;

  async function pick(m: SymbolMatch | undefined): Promise<void> {
    if (!m) return;
    seq.current++;
    setText('');
    setMatches([]);
    setMessage(null);
    const item = await resolveMatch(m);
    if (item) onPick(item);
  }

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
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setMatches([]);
            setMessage(null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void pick(matches[active]);
          } else if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
            setMatches([]);
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
      {message && text.trim() && <span className="picker-message">{message}</span>}
    </span>
  );
}
