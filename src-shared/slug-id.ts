// One rule for ids made from names a user types (profiles in main, watchlists in the renderer): a lower-case slug,
// made unique against the ids already taken by a numeric suffix.
export function uniqueSlugId(name: string, taken: readonly string[], fallback: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || fallback;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
