// Scanner slice: the scanner parameters, and one live scan per scanner pane: its ranked rows, the ranks before the
// last snapshot (for re-rank arrows), which rows just entered (highlighted) and an activity list of entries/exits.
import { z } from 'zod';
import type {
  ScannerParams,
  ScannerStartParams,
  ScanRow,
  ScanSnapshot,
} from '../../src-shared/domain/scanner';
import type { AppErrorData } from '../../src-shared/result';
import type { Slice } from './app-store';
import { withoutKey } from './records';

type ScanActivity = {
  id: number;
  at: number;
  kind: 'entered' | 'left';
  conId: number;
  symbol: string;
  rank: number;
};

export type ScanView = {
  scanId: string | null;
  status: 'idle' | 'starting' | 'running' | 'stopped' | 'error';
  message: string | null;
  rows: ScanRow[];
  /** Rank of each conId before the last snapshot. */
  prevRanks: Readonly<Record<number, number>>;
  /** When each row entered (epoch ms), for the highlight. */
  enteredAt: Readonly<Record<number, number>>;
  /** Newest first, bounded. */
  activity: ScanActivity[];
  snapshots: number;
  updatedAt: number | null;
};

export type ScanInput = Omit<ScannerStartParams, 'withQuotes'>;

/** A scanner pane's saved settings (in its pane state), read defensively. */
export const ScanConfig = z.object({
  scanCode: z
    .string()
    .regex(/^[A-Z0-9_]{2,64}$/)
    .catch('TOP_PERC_GAIN'),
  instrument: z.string().min(1).max(32).catch('STK'),
  location: z.string().min(1).max(64).catch('STK.US.MAJOR'),
  rows: z.number().int().min(1).max(50).catch(50),
  filters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).catch({}),
  /** The trader wants it running: started again after a reload or a reconnect. */
  running: z.boolean().catch(false),
});
export type ScanConfig = z.infer<typeof ScanConfig>;

export function scanConfigOf(config: Record<string, unknown> | undefined): ScanConfig {
  return ScanConfig.parse(config ?? {});
}

export function scanInputOf(c: ScanConfig): ScanInput {
  return {
    scanCode: c.scanCode,
    instrument: c.instrument,
    location: c.location,
    rows: c.rows,
    filters: c.filters,
  };
}

export type ScannerSlice = {
  scannerParams: ScannerParams | null;
  scannerParamsError: AppErrorData | null;
  scans: Readonly<Record<string, ScanView>>;
  loadScannerParams(): Promise<void>;
  startScan(paneId: string, params: ScanInput): Promise<void>;
  stopScan(paneId: string): Promise<void>;
  /** Starts a pane's scan again from its saved settings (after a reconnect). */
  restartScan(paneId: string): Promise<void>;
  /** Forgets a pane's scan (the pane closed), stopping it in main. */
  dropScan(paneId: string): void;
  /** A `scan` event: the snapshot goes to the pane whose scan it is (none: a scan already forgotten). */
  scanArrived(snap: ScanSnapshot): void;
};

const ACTIVITY_CAPACITY = 100;
/** How long a row that entered stays highlighted. */
export const ENTERED_HIGHLIGHT_MS = 10_000;

let activitySeq = 0;

export function idleScan(): ScanView {
  return {
    scanId: null,
    status: 'idle',
    message: null,
    rows: [],
    prevRanks: {},
    enteredAt: {},
    activity: [],
    snapshots: 0,
    updatedAt: null,
  };
}

/** Pure: a scan's view after a snapshot. The first snapshot fills the table without counting entries. */
export function applyScanSnapshot(view: ScanView, snap: ScanSnapshot): ScanView {
  if (snap.stopped) {
    return {
      ...view,
      scanId: null,
      status: 'stopped',
      message: `${snap.stopped.reason}${snap.stopped.twsCode !== undefined ? ` (TWS ${snap.stopped.twsCode})` : ''}`,
    };
  }
  const prevRanks: Record<number, number> = {};
  const symbols = new Map<number, string>();
  for (const r of view.rows) {
    prevRanks[r.contract.conId] = r.rank;
    symbols.set(r.contract.conId, r.contract.symbol);
  }
  const first = view.snapshots === 0;
  const enteredAt: Record<number, number> = {};
  const live = new Set(snap.rows.map((r) => r.contract.conId));
  for (const [id, at] of Object.entries(view.enteredAt)) {
    const conId = Number(id);
    if (live.has(conId) && snap.at - at < ENTERED_HIGHLIGHT_MS) enteredAt[conId] = at;
  }
  const activity: ScanActivity[] = [];
  if (!first) {
    const byId = new Map(snap.rows.map((r) => [r.contract.conId, r]));
    for (const conId of snap.entered) {
      const row = byId.get(conId);
      if (!row) continue;
      enteredAt[conId] = snap.at;
      activity.push({
        id: ++activitySeq,
        at: snap.at,
        kind: 'entered',
        conId,
        symbol: row.contract.symbol,
        rank: row.rank,
      });
    }
    for (const conId of snap.left) {
      activity.push({
        id: ++activitySeq,
        at: snap.at,
        kind: 'left',
        conId,
        symbol: symbols.get(conId) ?? String(conId),
        rank: prevRanks[conId] ?? 0,
      });
    }
  }
  return {
    ...view,
    status: 'running',
    message: null,
    rows: snap.rows,
    prevRanks: first ? {} : prevRanks,
    enteredAt,
    activity: activity.length ? [...activity, ...view.activity].slice(0, ACTIVITY_CAPACITY) : view.activity,
    snapshots: view.snapshots + 1,
    updatedAt: snap.at,
  };
}

/** Which pane a scan id belongs to. */
function paneOfScan(scans: Readonly<Record<string, ScanView>>, scanId: string): string | undefined {
  for (const [paneId, v] of Object.entries(scans)) if (v.scanId === scanId) return paneId;
  return undefined;
}

export const createScannerSlice: Slice<ScannerSlice> = (set, get) => {
  const patch = (paneId: string, p: Partial<ScanView>): void =>
    set((s) => ({ scans: { ...s.scans, [paneId]: { ...(s.scans[paneId] ?? idleScan()), ...p } } }));

  async function stopInMain(scanId: string): Promise<void> {
    await get().client.invoke('scanner.stop', { scanId });
  }

  return {
    scannerParams: null,
    scannerParamsError: null,
    scans: {},
    async loadScannerParams() {
      if (get().scannerParams) return;
      const r = await get().client.invoke('scanner.params', {});
      if (r.ok) set({ scannerParams: r.value, scannerParamsError: null });
      else set({ scannerParamsError: r.error });
    },
    async startScan(paneId, params) {
      const before = get().scans[paneId];
      if (before?.scanId) void stopInMain(before.scanId);
      set((s) => ({ scans: { ...s.scans, [paneId]: { ...idleScan(), status: 'starting' } } }));
      const r = await get().client.invoke('scanner.start', { ...params, withQuotes: true });
      const now = get().scans[paneId];
      if (!now || now.status !== 'starting') {
        // Stopped or closed while starting.
        if (r.ok) void stopInMain(r.value.scanId);
        return;
      }
      if (r.ok) patch(paneId, { scanId: r.value.scanId, status: 'running' });
      else
        patch(paneId, {
          status: 'error',
          message: `${r.error.message}${r.error.twsCode !== undefined ? ` (TWS ${r.error.twsCode})` : ''}`,
        });
    },
    async stopScan(paneId) {
      const v = get().scans[paneId];
      if (!v) return;
      patch(paneId, { scanId: null, status: 'stopped', message: null });
      if (v.scanId) await stopInMain(v.scanId);
    },
    async restartScan(paneId) {
      const c = scanConfigOf(get().paneStates[paneId]?.config);
      if (c.running) await get().startScan(paneId, scanInputOf(c));
    },
    dropScan(paneId) {
      const v = get().scans[paneId];
      if (!v) return;
      set((s) => ({ scans: withoutKey(s.scans, paneId) }));
      if (v.scanId) void stopInMain(v.scanId);
    },
    scanArrived: (snap) =>
      set((s) => {
        const paneId = paneOfScan(s.scans, snap.scanId);
        const view = paneId ? s.scans[paneId] : undefined;
        if (!paneId || !view) return {};
        return { scans: { ...s.scans, [paneId]: applyScanSnapshot(view, snap) } };
      }),
  };
};
