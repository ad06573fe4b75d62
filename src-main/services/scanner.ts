// Market scanners: the parameters (parsed once per session), and live scans as a model whose rows are replaced by
// every TWS snapshot (no stale rows), with the instruments that entered and left. At most 10 scans at once
// (TWS's limit); each scan can hold its rows' quotes against the market-data line budget.
import {
  diffScanRows,
  type ScannerParams,
  type ScannerStartParams,
  type ScanRow,
  type ScanSnapshot,
} from '../../src-shared/domain/scanner';
import { describeTwsCode, plainTwsMessage } from '../../src-shared/errors';
import { AppError } from '../../src-shared/result';
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { StreamHandle } from '../ib/connection';
import type { Tws } from '../ib/adapter';
import type { MarketData } from './market-data';
import { parseScannerXml } from './scanner-params';

export const MAX_SCANNER_SLOTS = 10;

type Scan = {
  id: string;
  clientId: string;
  params: ScannerStartParams;
  rows: ScanRow[];
  stream: StreamHandle;
  snapshots: number;
  quoted: Set<number>;
};

export interface Scanner {
  params(): Promise<ScannerParams>;
  /** Starts a scan for a window; snapshots go to `onSnapshot` (the hub, or the CLI). */
  start(clientId: string, params: ScannerStartParams): { scanId: string };
  /** As `start`, after loading TWS's scanner parameters (when connected) so an unknown scan code is refused. */
  startChecked(clientId: string, params: ScannerStartParams): Promise<{ scanId: string }>;
  stop(scanId: string): void;
  releaseClient(clientId: string): void;
  rows(scanId: string): ScanRow[] | undefined;
  slots(): { used: number; max: number };
  stopAll(): void;
}

export function createScanner(deps: {
  tws: Tws;
  marketData: MarketData;
  clock: Clock;
  log: Logger;
  /** A snapshot for the window that runs the scan; `scanCode` is what main's scanner alerts watch. */
  emitTo: (clientId: string, snapshot: ScanSnapshot, scanCode: string) => void;
}): Scanner {
  const { tws, marketData, clock, log } = deps;
  const scans = new Map<string, Scan>();
  let seq = 0;
  let parsed: { params: ScannerParams; codes: Set<string> } | null = null;
  let loading: Promise<ScannerParams> | null = null;

  async function params(): Promise<ScannerParams> {
    if (parsed) return parsed.params;
    loading ??= (async () => {
      const started = clock.now();
      const xml = await tws.scannerParameters();
      const p = parseScannerXml(xml);
      parsed = { params: p, codes: new Set(p.scanTypes.map((s) => s.code)) };
      log.info(
        `Scanner parameters: ${p.scanTypes.length} scan codes, ${p.locations.length} locations, ${p.filters.length} filters (${xml.length} bytes, ${clock.now() - started} ms)`,
      );
      return p;
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  function syncQuotes(scan: Scan, entered: number[], left: number[]): void {
    if (!scan.params.withQuotes) return;
    const holder = { key: `scan:${scan.id}`, clientId: scan.clientId };
    const add = scan.rows.filter(
      (r) => entered.includes(r.contract.conId) && !scan.quoted.has(r.contract.conId),
    );
    if (add.length > 0) {
      marketData.subscribe(
        holder,
        add.map((r) => r.contract),
      );
      for (const r of add) scan.quoted.add(r.contract.conId);
    }
    const drop = left.filter((c) => scan.quoted.has(c));
    if (drop.length > 0) {
      marketData.unsubscribe(holder, drop);
      for (const c of drop) scan.quoted.delete(c);
    }
  }

  function end(scan: Scan, stopped: ScanSnapshot['stopped']): void {
    if (!scans.delete(scan.id)) return;
    scan.stream.close();
    if (scan.quoted.size > 0)
      marketData.unsubscribe({ key: `scan:${scan.id}`, clientId: scan.clientId }, [...scan.quoted]);
    scan.quoted.clear();
    if (stopped)
      deps.emitTo(
        scan.clientId,
        {
          scanId: scan.id,
          rows: scan.rows,
          entered: [],
          left: [],
          at: clock.now(),
          stopped,
        },
        scan.params.scanCode,
      );
  }

  function start(clientId: string, p: ScannerStartParams): { scanId: string } {
    if (!tws.link.canSend())
      throw new AppError('NOT_CONNECTED', 'Not connected to TWS: a scan needs a connection');
    if (scans.size >= MAX_SCANNER_SLOTS)
      throw new AppError(
        'PACING',
        `All ${MAX_SCANNER_SLOTS} scanner slots are in use: stop a scan before starting another`,
      );
    if (parsed && !parsed.codes.has(p.scanCode))
      throw new AppError('VALIDATION', `TWS does not offer the scan code ${p.scanCode}`, {
        issues: [{ path: 'scanCode', message: 'unknown scan code' }],
      });
    const id = `scan-${++seq}`;
    const scan: Scan = {
      id,
      clientId,
      params: p,
      rows: [],
      snapshots: 0,
      quoted: new Set(),
      stream: null as unknown as StreamHandle,
    };
    scans.set(id, scan);
    scan.stream = tws.scanner(
      {
        scanCode: p.scanCode,
        instrument: p.instrument,
        location: p.location,
        rows: p.rows,
        filters: p.filters,
      },
      {
        rows: (raw) => {
          if (!scans.has(id)) return;
          const rows: ScanRow[] = raw.slice(0, p.rows).map((r) => ({
            rank: r.rank,
            contract: r.contract,
            distance: r.distance,
            benchmark: r.benchmark,
            projection: r.projection,
          }));
          const { entered, left } = diffScanRows(scan.rows, rows);
          scan.rows = rows;
          scan.snapshots++;
          syncQuotes(scan, entered, left);
          deps.emitTo(clientId, { scanId: id, rows, entered, left, at: clock.now() }, p.scanCode);
        },
        error: (code, message) => {
          const info = describeTwsCode(code);
          if (info.severity !== 'error') {
            log.info(`Scan ${p.scanCode}: ${plainTwsMessage(code, message)}`, { twsCode: code });
            return 'keep';
          }
          log.warn(`Scan ${p.scanCode} stopped: ${plainTwsMessage(code, message)}`, {
            twsCode: code,
            action: 'scan stopped',
          });
          queueMicrotask(() => end(scan, { reason: plainTwsMessage(code, message), twsCode: code }));
          return 'end';
        },
      },
    );
    log.info(`Scan ${id} started: ${p.scanCode} on ${p.location} (${p.rows} rows)`);
    return { scanId: id };
  }

  function stop(scanId: string): void {
    const scan = scans.get(scanId);
    if (!scan) throw new AppError('NOT_FOUND', `There is no scan ${scanId}`);
    end(scan, undefined);
  }

  return {
    params,
    start,
    stop,
    releaseClient(clientId) {
      for (const scan of [...scans.values()]) if (scan.clientId === clientId) end(scan, undefined);
    },
    rows: (scanId) => scans.get(scanId)?.rows,
    slots: () => ({ used: scans.size, max: MAX_SCANNER_SLOTS }),
    stopAll() {
      for (const scan of [...scans.values()]) end(scan, undefined);
    },
    async startChecked(clientId, p) {
      if (!parsed && tws.link.canSend()) await params().catch(() => undefined);
      return start(clientId, p);
    },
  };
}
