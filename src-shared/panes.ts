// The panes the workstation offers, in menu order: shared by the renderer's dock registry and the native menu.
export const PANE_KINDS = [
  { kind: 'scanner', title: 'Scanner', multi: true, linkable: true },
  { kind: 'watchlist', title: 'Watchlist', multi: true, linkable: true },
  { kind: 'chart', title: 'Chart', multi: true, linkable: true },
  { kind: 'option-chain', title: 'Option chain', multi: true, linkable: true },
  { kind: 'news', title: 'News', multi: true, linkable: true },
  { kind: 'order-entry', title: 'Order entry', multi: false, linkable: true },
  { kind: 'ladder', title: 'Ladder', multi: true, linkable: true },
  { kind: 'tape', title: 'Time & sales', multi: true, linkable: true },
  { kind: 'orders', title: 'Orders', multi: false, linkable: false },
  { kind: 'executions', title: 'Executions', multi: false, linkable: false },
  { kind: 'positions', title: 'Positions', multi: false, linkable: false },
  { kind: 'account', title: 'Account', multi: false, linkable: false },
  { kind: 'log', title: 'Log', multi: false, linkable: false },
  { kind: 'alerts', title: 'Alerts', multi: false, linkable: false },
] as const;

export type PaneKind = (typeof PANE_KINDS)[number]['kind'];
