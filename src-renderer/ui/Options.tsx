// The <option>s of a <select> drawn from a list: plain values shown as they are, or TWS's code/name pairs shown by
// name.
export function Options({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </>
  );
}

export function CodeOptions({ items }: { items: readonly { code: string; name: string }[] }) {
  return (
    <>
      {items.map((i) => (
        <option key={i.code} value={i.code}>
          {i.name}
        </option>
      ))}
    </>
  );
}
