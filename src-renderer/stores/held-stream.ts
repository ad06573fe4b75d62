// A per-instrument stream panes hold (a ladder's book, a tape's prints): each hold asks main to subscribe, its
// release to unsubscribe (so main counts one of each per pane), and the last release forgets the instrument's data.
// The subscribe's answer is taken only while the instrument is still held.
import { holdOnce } from '../../src-shared/holds';
import type { Result } from '../../src-shared/result';

export function holdStream<T>(
  holds: Map<number, number>,
  conId: number,
  stream: {
    subscribe(): Promise<Result<T>>;
    unsubscribe(): void;
    /** The last hold went: drop what the slice keeps of the instrument. */
    forget(): void;
    answered(value: T): void;
    failed(message: string): void;
  },
): () => void {
  const release = holdOnce(holds, conId, stream.unsubscribe, stream.forget);
  void stream.subscribe().then((r) => {
    if (!holds.has(conId)) return;
    if (r.ok) stream.answered(r.value);
    else stream.failed(r.error.message);
  });
  return release;
}
