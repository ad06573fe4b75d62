// A modal <dialog> driven by `open`: Esc and the close button call onClose; focus stays inside while open.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

export function ModalDialog({
  open,
  title,
  onClose,
  children,
  className = '',
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={`dialog ${className}`} aria-labelledby={`${id}-t`} onClose={onClose}>
      <h2 id={`${id}-t`}>{title}</h2>
      {open && children}
    </dialog>
  );
}
