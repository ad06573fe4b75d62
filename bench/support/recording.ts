// What the replay benches' recordings are made of: one whole file (no part rotation) written by the app's own
// recorder, the quote lines asked for at its start as the app records them, and a close that refuses a file with
// anything dropped or refused in it.
import { systemClock } from '../../src-shared/clock';
import { createRecordingWriter, type RecordingWriter } from '../../src-main/recorder/format';
import { cachedBenchFile } from './cached-file';

/** What decides every bench recording's bytes: the recorder's encoder, writer and header, the traffic, this file. */
const RECORDING_SOURCES = [
  'src-main/recorder/format/block-encoder.ts',
  'src-main/recorder/format/writer.ts',
  'src-main/recorder/format/file-header.ts',
  'tests/support/quote-traffic.ts',
  'bench/support/recording.ts',
];

/**
 * A suite's recording: a whole file written by `fill`, then closed (closeWhole), cached by RECORDING_SOURCES, the
 * sources the suite adds (its own file…) and `extra`.
 */
export function cachedBenchRecording(
  r: { suite: string; base: string; serverVersion: number; sources: readonly string[]; extra: string },
  fill: (w: RecordingWriter) => Promise<void>,
): Promise<{ file: string; seconds: number }> {
  return cachedBenchFile(r.suite, [...RECORDING_SOURCES, ...r.sources], r.extra, async (dir) => {
    const w = benchRecordingWriter(dir, r.base, r.serverVersion);
    await fill(w);
    return closeWhole(w);
  });
}

export function benchRecordingWriter(dir: string, base: string, serverVersion: number): RecordingWriter {
  return createRecordingWriter({
    dir,
    base,
    appVersion: 'bench',
    serverVersion,
    clock: systemClock,
    partBytes: Infinity,
  });
}

/** The request record of a SMART stock's quote line (reqMktData, no generic ticks, streaming). */
export function quoteLineRequest(reqId: number, stock: { conId: number; symbol: string }) {
  return {
    kind: 'reqMktData',
    reqId,
    contract: {
      conId: stock.conId,
      symbol: stock.symbol,
      secType: 'STK',
      exchange: 'SMART',
      currency: 'USD',
    },
    params: { genericTickList: '', snapshot: false, regulatorySnapshot: false },
  };
}

/** Closes the writer and gives its one file; throws if a record was dropped or refused. */
export async function closeWhole(w: RecordingWriter): Promise<string> {
  const s = await w.close();
  if (s.dropped || s.rejected || s.state !== 'closed') throw new Error(`writer: ${JSON.stringify(s)}`);
  return s.files[0]!;
}
