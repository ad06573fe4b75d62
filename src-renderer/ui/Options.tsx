// The <option>s of a <select> drawn from a list: plain values shown as they are, TWS's code/name pairs shown by
// name, or any list through its value and label.
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
  return <ListOptions items={items} value={(i) => i.code} label={(i) => i.name} />;
}

export function ListOptions<T>({
  items,
  value,
  label,
}: {
  items: readonly T[];
  value: (item: T) => string;
  label: (item: T) => string;
}) {
  return (
    <>
      {items.map((i) => (
        <option key={value(i)} value={value(i)}>
          {label(i)}
        </option>
      ))}
    </>
  );
}
