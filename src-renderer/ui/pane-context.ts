// Which pane a component belongs to: the dock panel id (`chart`, `chart-2`…), given by the pane's frame.
import { createContext, useContext } from 'react';

export const PaneIdContext = createContext<string | null>(null);

export function usePaneId(): string {
  const id = useContext(PaneIdContext);
  if (!id) throw new Error('usePaneId outside a pane');
  return id;
}
