// Counted holds on something shared: a TWS line held by windows (main's depth and tape services, per client id) or
// a subscription held by panes (the renderer's depth and tape slices, per conId). What is held stays while any
// hold is left, so two holders share it and the last release frees it.
export function hold<K>(holds: Map<K, number>, key: K): void {
  holds.set(key, (holds.get(key) ?? 0) + 1);
}

/** Drops one hold of `key` (all of them with `all`); true when `key` is held no more. */
export function drop<K>(holds: Map<K, number>, key: K, all = false): boolean {
  const held = holds.get(key) ?? 0;
  if (held > 1 && !all) {
    holds.set(key, held - 1);
    return false;
  }
  holds.delete(key);
  return true;
}

/**
 * Takes a hold of `key` and returns its release: the first call (and only the first: a pane's cleanup may run
 * twice) runs `release`, then `freed` when that was the last hold.
 */
export function holdOnce<K>(
  holds: Map<K, number>,
  key: K,
  release: () => void,
  freed: () => void,
): () => void {
  hold(holds, key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
    if (drop(holds, key)) freed();
  };
}
