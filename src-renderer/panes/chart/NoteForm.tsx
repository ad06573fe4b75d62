// The small form a text note is written in, at the point of the chart it belongs to: one labelled field, Enter
// saves, Escape cancels, and a refused text (blank, too long) is said under the field.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { AppError } from '../../../src-shared/result';

export function NoteForm({
  x,
  y,
  initial,
  editing,
  onSave,
  onCancel,
}: {
  /** Where the note goes, in the chart layer's pixels. */
  x: number;
  y: number;
  initial: string;
  editing: boolean;
  /** Throws AppError('VALIDATION') for a text the note cannot hold. */
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // The click that opened the form is still going on: its mousedown moves the focus off the field after the form
  // mounts, so the field takes it back on the next frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  function submit(e: FormEvent): void {
    e.preventDefault();
    try {
      onSave(text);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      setError(err.issues?.[0]?.message ?? err.message);
    }
  }

  return (
    <form
      className="chart-note-form"
      aria-label={editing ? 'Edit note' : 'New note'}
      style={{ left: x, top: y }}
      onSubmit={submit}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        ref={inputRef}
        type="text"
        aria-label="Note text"
        placeholder="Note text"
        value={text}
        // The form opens where the trader just clicked, to type in at once.
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit">{editing ? 'Save note' : 'Add note'}</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
