// `ibdesk scan`: one scanner snapshot as the seed script's table (or JSON), printed and written to result.txt.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScanSnapshot } from '../../../src-shared/domain/scanner';
import { AppError } from '../../../src-shared/result';
import { scanResultRows } from '../../reports/scan-result';
import { formatScanTable } from '../../../src-shared/scan-table';
import { jsonAnswer, str, type Ctx, type Plan, type Values } from '../command-context';
import { CliError, EXIT } from '../exit';

export function scanCommand(o: Values, ctx: Ctx): Plan {
  const rows = Number(str(o.rows) ?? '20');
  if (!Number.isInteger(rows) || rows < 1 || rows > 50) throw new CliError(EXIT.usage, '--rows must be 1…50');
  const code = (str(o.code) ?? 'TOP_PERC_GAIN').toUpperCase();
  if (!/^[A-Z0-9_]{2,64}$/.test(code)) throw new CliError(EXIT.usage, `--code ${code} is not a scan code`);
  const instrument = str(o.instrument) ?? 'STK';
  const location = str(o.location) ?? 'STK.US.MAJOR';
  const outFile = path.resolve(ctx.io.cwd, str(o.out) ?? 'result.txt');
  return async (t) => {
    const listeners = ctx.scans;
    const first = new Promise<ScanSnapshot>((resolveSnap, reject) => {
      const timer = setTimeout(
        () => reject(new AppError('TIMEOUT', 'TWS sent no scanner results within 30 s')),
        30_000,
      );
      listeners.push((s) => {
        clearTimeout(timer);
        if (s.stopped)
          reject(
            new AppError(
              'IB_REJECTED',
              s.stopped.reason,
              s.stopped.twsCode !== undefined ? { twsCode: s.stopped.twsCode } : {},
            ),
          );
        else resolveSnap(s);
      });
    });
    const { scanId } = t.scanner.start('cli', {
      scanCode: code,
      instrument,
      location,
      rows,
      filters: {},
      withQuotes: false,
    });
    const snap = await first;
    t.scanner.stop(scanId);
    const result = await scanResultRows(t, snap.rows);
    const text = ctx.json
      ? jsonAnswer({ scanCode: code, instrument, location, rows: result })
      : formatScanTable(result);
    ctx.out(text);
    await writeFile(outFile, text, 'utf8');
    if (!ctx.json)
      ctx.io.stderr.write(`${result.length} rows of ${code} (${location}) written to ${outFile}\n`);
  };
}
