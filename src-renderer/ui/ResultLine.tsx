// The line that says how an action ended (an order sent or refused, hotkeys saved or not): green or red, a status
// named by its label, nothing while there is no outcome. The ticket, the ladder and the hotkey editor use it.
export function ResultLine({
  result,
  label,
}: {
  result: { ok: boolean; text: string } | null | undefined;
  label: string;
}) {
  if (!result) return null;
  return (
    <p className={result.ok ? 'ticket-result ok' : 'ticket-result error'} role="status" aria-label={label}>
      {result.text}
    </p>
  );
}
