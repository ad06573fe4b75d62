// Keyed records as the stores keep them: replaced, never changed in place, so a selector sees a new object when
// (and only when) something in it changed.

/** A copy of `record` without `key`. */
export function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}
