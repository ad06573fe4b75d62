// The app's recorder writes replay checkpoints (issue #16: seek to any time of a long recording within 2 s). A
// session recorded through "Record this session", its writer in the app's worker entry
// (services/recorder/recorder-worker.ts): a checkpoint every CHECKPOINT_EVERY_MS of recording time, a seek late
// in it reads from the latest one (not from the file's start) and lands on the state playing through reaches,
// checkpoints hold only what the file holds (masked unless kept), and a later part (after rotation) replays on
// its own from the checkpoint it starts with.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import type { WireTap } from '../../src-main/ib/connection/wire-tap';
import {
  createWorkerRecordingWriter,
  openRecording,
  type IncomingRecord,
  type RecordingEntry,
  type RecordingReader,
  type RequestRecord,
} from '../../src-main/recorder/format';
import { createRecorder } from '../../src-main/services/recorder';
import { CHECKPOINT_EVERY_MS, createDemoGateway, recordedRequest } from '../../src-main/demo-gateway';
import { readCheckpoint } from '../../src-main/demo-gateway/replay/checkpoint';
import { Player } from '../../src-main/demo-gateway/replay/player';
import { ReplayClock } from '../../src-main/demo-gateway/replay/replay-clock';
import { StreamKeys } from '../../src-main/demo-gateway/replay/stream-keys';
import { Universe } from '../../src-main/demo-gateway/model/universe';
import { bundle } from '../support/bundle';
import { createManualClock } from '../support/manual-clock';
import { quoteTraffic, type QuoteMessage } from '../support/quote-traffic';
import { frame } from '../support/tws-frames';
import { RawClient } from './gateway/raw-client';

const VERSION = 176;
const SYMBOLS = 20;
const MINUTES = 10;
const ACCOUNT = 'DU1234567';
const AAPL_CONID = 265598;

let dir = '';
let workerFile = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-rec-ckpt-'));
  // Beside node_modules, so the bundle finds its packages (as dist/main/recorder-worker.js does).
  workerFile = await bundle(
    path.join(process.cwd(), 'src-main/services/recorder/recorder-worker.ts'),
    path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests', 'recording-checkpoints'),
  );
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** REQ_MKT_DATA (1) as the app sends it at 176: version 11, reqId, the contract, no combo, ticks, snapshots. */
const reqMktData = (reqId: number, conId: number, symbol: string): string[] =>
  ['1', '11', reqId, conId, symbol, 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', 0, 0, ''].map(
    String,
  );
/** REQ_CONTRACT_DATA (9) at 176: version 8, reqId, the contract, includeExpired, secIdType, secId, issuerId. */
const reqContractDetails = (reqId: number, symbol: string): string[] =>
  ['9', '8', reqId, 0, symbol, 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', '', ''].map(String);

/**
 * Records MINUTES of quotes for SYMBOLS lines (AAPL first, request id 1001) through the app's recorder and the
 * worker entry, plus a contract-details request answered by an error that names the account.
 */
async function recordSession(opts: { keep: boolean; name: string; partBytes?: number }): Promise<{
  files: string[];
  msgs: QuoteMessage[];
}> {
  const out = path.join(dir, opts.name);
  const clock = createManualClock(Date.UTC(2026, 6, 9, 13, 30));
  let tap: WireTap | null = null;
  const recorder = createRecorder({
    clock,
    log: silentLogger,
    link: { setTap: (t) => (tap = t), serverVersion: () => null },
    decodeRequest: recordedRequest,
    dir: out,
    appVersion: 'test',
    workerFile,
    // The app's worker writer, with blocks small enough that ten minutes make dozens of them.
    makeWriter: (spec) =>
      createWorkerRecordingWriter({
        dir: spec.dir,
        base: spec.base,
        appVersion: 'test',
        serverVersion: spec.serverVersion,
        keep: spec.keep,
        blockRecords: 500,
        ...(opts.partBytes ? { partBytes: opts.partBytes } : {}),
        clock,
        workerFile,
        onError: spec.onError,
      }),
  });
  recorder.start({ keep: opts.keep, label: 'ckpt' });
  tap!.opened(VERSION);
  for (let i = 0; i < SYMBOLS; i++)
    tap!.outbound(reqMktData(1001 + i, i === 0 ? AAPL_CONID : 0, i === 0 ? 'AAPL' : `S${i}`));
  tap!.outbound(reqContractDetails(7, 'AAPL'));
  tap!.inbound(frame(['4', '2', '7', '200', `No security definition has been found for ${ACCOUNT}`, '']));
  const msgs = [
    ...quoteTraffic({
      count: SYMBOLS * 2 * 60 * MINUTES,
      symbols: SYMBOLS,
      messagesPerSecond: 2,
      startMs: clock.now() + 1000,
    }),
  ];
  for (const m of msgs) {
    clock.advance(m.t - clock.now());
    tap!.inbound(frame(m.fields));
  }
  const status = await recorder.stop('test done');
  expect(status).toMatchObject({ state: 'off', dropped: 0, reason: 'test done' });
  // Every message and request (checkpoints come on top).
  expect(status.records).toBeGreaterThan(msgs.length + SYMBOLS + 2);
  const files = (await readdir(out)).sort().map((f) => path.join(out, f));
  return { files, msgs };
}

async function entriesOf(file: string): Promise<RecordingEntry[]> {
  const r = await openRecording(file);
  const out: RecordingEntry[] = [];
  for await (const e of r.entries()) out.push(e);
  await r.close();
  return out;
}

const isCheckpoint = (e: RecordingEntry): e is RequestRecord => e.type === 'req' && e.kind === 'checkpoint';

/** A reader whose block reads are listed. */
function counting(reader: RecordingReader, reads: number[]): RecordingReader {
  return new Proxy(reader, {
    get(target, key) {
      if (key === 'readBlock')
        return (j: number) => {
          reads.push(j);
          return target.readBlock(j);
        };
      const v: unknown = Reflect.get(target, key);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Every stream's state after the player reached `target`, by kind and request id. */
function stateOf(p: Player): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const s of [...p.membersOf('reqMktData'), ...p.membersOf('reqContractDetails')])
    out[`${s.kind}/${s.reqId}`] = s.stateMessages();
  return out;
}

describe("the app's recorder writes replay checkpoints", () => {
  it('one every CHECKPOINT_EVERY_MS of recording time; a late seek reads from the latest, to the state playing through reaches', async () => {
    const { files } = await recordSession({ keep: false, name: 'seek' });
    expect(files).toHaveLength(1);
    const file = files[0]!;
    const entries = await entriesOf(file);
    const records = entries.filter((e) => !isCheckpoint(e));
    const t0 = records[0]!.t;
    const last = records.at(-1)!.t;
    // At the first record at or after each whole interval from the first record.
    const due: number[] = [];
    for (let k = 1; t0 + k * CHECKPOINT_EVERY_MS <= last; k++)
      due.push(records.find((e) => e.t >= t0 + k * CHECKPOINT_EVERY_MS)!.t);
    expect(due.length).toBe(MINUTES - 1);
    const checkpoints = entries.filter(isCheckpoint);
    expect(checkpoints.map((c) => c.t)).toEqual(due);
    for (const c of checkpoints) {
      const streams = readCheckpoint(c.params)!;
      expect(streams.map((s) => s.kind).sort()).toEqual([
        'reqContractDetails',
        ...Array<string>(SYMBOLS).fill('reqMktData'),
      ]);
    }

    // Which block each checkpoint is in.
    const plain = await openRecording(file);
    const blockOf = new Map<number, number>();
    for (let j = 0; j < plain.blocks.length; j++)
      for (const e of await plain.readBlock(j)) if (isCheckpoint(e)) blockOf.set(e.t, j);
    await plain.close();

    const target = last - 20_000;
    const latest = checkpoints.filter((c) => c.t <= target).at(-1)!;
    const seekReads: number[] = [];
    const seeker = await openRecording(file);
    const a = new Player(
      counting(seeker, seekReads),
      new ReplayClock(systemClock, seeker.firstTime),
      systemClock,
      new StreamKeys(new Universe([])),
      silentLogger,
    );
    await a.seek(target);
    // From the latest checkpoint's block on: nothing before it was read.
    expect(Math.min(...seekReads)).toBe(blockOf.get(latest.t));
    expect(blockOf.get(latest.t)).toBeGreaterThan(10);

    const player = await openRecording(file);
    const clock = new ReplayClock(systemClock, player.firstTime);
    const b = new Player(player, clock, systemClock, new StreamKeys(new Universe([])), silentLogger);
    clock.set(target);
    await b.settle();
    expect(Object.keys(stateOf(a))).toHaveLength(SYMBOLS + 1);
    expect(stateOf(a)).toEqual(stateOf(b));
    await seeker.close();
    await player.close();
  }, 120_000);

  it('holds only what the file holds: account ids masked unless kept', async () => {
    for (const keep of [false, true]) {
      const { files } = await recordSession({ keep, name: `mask-${keep}` });
      const entries = await entriesOf(files[0]!);
      const error = entries.find((e): e is IncomingRecord => e.type === 'in' && e.fields[0] === '4')!;
      const checkpoints = entries.filter(isCheckpoint);
      expect(checkpoints.length).toBeGreaterThan(0);
      for (const c of checkpoints) {
        const details = readCheckpoint(c.params)!.find((s) => s.kind === 'reqContractDetails')!;
        // The answer as the file holds it.
        expect(details.messages).toEqual([error.fields]);
        expect(JSON.stringify(c).includes(ACCOUNT)).toBe(keep);
      }
      if (!keep) expect(JSON.stringify(checkpoints[0])).toContain('DU0000001');
    }
  }, 120_000);

  it('starts every later part with one, so a part replays on its own with the lines live when it began', async () => {
    const { files, msgs } = await recordSession({ keep: false, name: 'parts', partBytes: 40_000 });
    expect(files.length).toBeGreaterThan(2);
    for (const f of files.slice(1)) expect((await entriesOf(f))[0]).toMatchObject({ kind: 'checkpoint' });

    // The last part on its own: the AAPL line's state when the part began is what a client gets first.
    const file = files.at(-1)!;
    const r = await openRecording(file);
    const from = r.firstTime;
    await r.close();
    const want = new Map<string, string>();
    for (const m of msgs)
      if (m.t < from && m.fields[0] === '1' && m.fields[2] === '1001') want.set(m.fields[3]!, m.fields[4]!);
    expect(want.size).toBeGreaterThan(1);

    const gw = await createDemoGateway({ port: 0, replay: { file, paused: true } });
    const c = await RawClient.open(gw.port);
    try {
      c.hello(`v100..${VERSION}`);
      await c.until(() => c.frames.length >= 1, 'server version');
      c.send(71, 2, 1, '');
      await c.until(() => c.of(9).length === 1, 'nextValidId');
      c.send(...reqMktData(5, 0, 'AAPL'));
      const prices = (): string[][] => c.of(1).filter((f) => f[2] === '5');
      await c.until(() => prices().length >= want.size, 'the line state');
      expect(new Map(prices().map((f) => [f[3]!, f[4]!]))).toEqual(want);
    } finally {
      c.close();
      await gw.close();
    }
  }, 120_000);
});
