// The scanner: its parameters, then three scans whose first results are written to result.txt in the seed script's
// table; the first scan stays subscribed for the reconnect scenario.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScanSnapshot } from '../../../src-shared/domain/scanner';
import { formatScanTable, scanResultRows } from '../../reports/scan-result';
import { paperScenario } from '../context';
import { seconds as secs } from '../report';

const SCANS = ['TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME'] as const;
const SCAN_LOCATION = 'STK.US.MAJOR';
const SCAN_ROWS = 10;

export const scanner = paperScenario(
  {
    id: 'scanner',
    title: 'Scanner parameters and three scans (result.txt)',
    needs: ['connect'],
    timeoutMs: 180_000,
  },
  async ({ driver: d, state, outDir }, note) => {
    const params = await d.call('scanner.params', {});
    const codes = new Set(params.scanTypes.map((s) => s.code));
    const missing = SCANS.filter((c) => !codes.has(c));
    if (missing.length > 0) throw new Error(`the scanner parameters lack ${missing.join(', ')}`);
    if (!params.locations.some((l) => l.code === SCAN_LOCATION))
      throw new Error(`the scanner parameters lack the location ${SCAN_LOCATION}`);
    note(
      `parameters: ${params.instruments.length} instruments, ${params.locations.length} locations, ${params.scanTypes.length} scan types, ${params.filters.length} filters`,
    );
    const sections: string[] = [];
    for (const code of SCANS) {
      const since = Date.now();
      const { scanId } = await d.call('scanner.start', {
        scanCode: code,
        instrument: 'STK',
        location: SCAN_LOCATION,
        rows: SCAN_ROWS,
        filters: {},
        withQuotes: false,
      });
      let snap: ScanSnapshot;
      try {
        snap = (
          await d.until(
            () => d.seen('scan', since).find((e) => e.payload.scanId === scanId) ?? null,
            `the first ${code} results`,
            45_000,
          )
        ).payload;
      } finally {
        // The first scan stays subscribed for the reconnect scenario; the others are stopped.
        if (code !== SCANS[0] || state.scanId !== null)
          await d.call('scanner.stop', { scanId }).catch(() => undefined);
        else state.scanId = scanId;
      }
      if (snap.stopped)
        throw new Error(
          `${code} stopped: ${snap.stopped.reason}${snap.stopped.twsCode ? ` (TWS ${snap.stopped.twsCode})` : ''}`,
        );
      if (snap.rows.length === 0 || snap.rows.length > SCAN_ROWS)
        throw new Error(`${code}: ${snap.rows.length} rows (1…${SCAN_ROWS} expected)`);
      const ranks = snap.rows.map((r) => r.rank);
      if (ranks.some((r, i) => i > 0 && r <= ranks[i - 1]!)) throw new Error(`${code}: ranks out of order`);
      // The CLI's formatter (the seed script's table), with a snapshot quote per row.
      const rows = await scanResultRows(d.trading, snap.rows);
      sections.push(
        `${code} (${SCAN_LOCATION}, ${rows.length} rows, ${new Date(snap.at).toISOString()})\n\n${formatScanTable(rows)}`,
      );
      note(
        `${code}: ${snap.rows.length} rows after ${secs(snap.at - since)}: ${rows
          .slice(0, 5)
          .map((r) => r.symbol)
          .join(', ')}${rows.length > 5 ? '…' : ''}`,
      );
    }
    const file = path.join(outDir, 'result.txt');
    await writeFile(file, sections.join('\n'), 'utf8');
    state.files.push(file);
    note(`the three scans are written to ${file}`);
  },
);
