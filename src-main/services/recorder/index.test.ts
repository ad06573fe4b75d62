// The recorder with a fake writer: when the file opens, what goes in it, a failing disk, stopping, its status.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import type { WireTap } from '../../ib/connection';
import {
  RecordingError,
  type RecordingWriter,
  type RequestBody,
  type WriterStats,
} from '../../recorder/format';
import { createRecorder, recordOption, recordingBase, targetOfFile, type WriterSpec } from './index';

/** A writer that keeps what it is handed; `fail` plays the disk failing. */
function fakeWriters() {
  const made: {
    spec: WriterSpec;
    bytes: Buffer[];
    requests: { r: RequestBody; t: number | undefined }[];
    closed: boolean;
  }[] = [];
  const make = (spec: WriterSpec): RecordingWriter => {
    const w = {
      spec,
      bytes: [] as Buffer[],
      requests: [] as { r: RequestBody; t: number | undefined }[],
      closed: false,
    };
    made.push(w);
    const stats = (): WriterStats => ({
      state: w.closed ? 'closed' : 'recording',
      records: w.bytes.length + w.requests.length,
      dropped: 0,
      rejected: 0,
      blocks: 0,
      bytes: w.bytes.reduce((n, b) => n + b.length, 0),
      files: [`${spec.dir}/${spec.base}-0001.ibdrec`],
    });
    return {
      incoming: () => undefined,
      incomingBody: () => undefined,
      incomingBytes: (b) => void w.bytes.push(Buffer.from(b)),
      request: (r, t) => void w.requests.push({ r, t }),
      gap: () => undefined,
      flush: async () => undefined,
      close: async () => {
        w.closed = true;
        return stats();
      },
      stats,
    };
  };
  return { made, make };
}

function setup(serverVersion: number | null = null) {
  const clock = createManualClock(Date.UTC(2026, 6, 9, 13, 30));
  const { made, make } = fakeWriters();
  let tap: WireTap | null = null;
  const statuses: string[] = [];
  const notices: string[] = [];
  const recorder = createRecorder({
    clock,
    log: silentLogger,
    link: { setTap: (t) => (tap = t), serverVersion: () => serverVersion },
    decodeRequest: (fields) =>
      fields[0] === '71' ? null : { kind: `k${fields[0]}`, reqId: Number(fields[1]) },
    dir: '/data/recordings',
    appVersion: '1.0.0',
    makeWriter: make,
    changed: (s) => statuses.push(s.state),
    notice: (n) => notices.push(`${n.title}: ${n.message}`),
  });
  return { clock, made, recorder, statuses, notices, tap: () => tap };
}

describe('recorder', () => {
  it('is off until started and sets no tap', () => {
    const s = setup();
    expect(s.recorder.status().state).toBe('off');
    expect(s.tap()).toBeNull();
  });

  it('opens its file at the handshake, with the server version, and records both directions timestamped', () => {
    const s = setup();
    s.recorder.start({ keep: false, label: 'demo' });
    expect(s.made).toHaveLength(0); // no session yet: the file waits for TWS's server version
    s.tap()!.opened(176);
    expect(s.made[0]!.spec).toMatchObject({
      dir: '/data/recordings',
      base: '2026-07-09T13-30-00Z-demo',
      serverVersion: 176,
      keep: false,
    });
    s.clock.advance(5);
    s.tap()!.outbound(['1', '42']);
    s.tap()!.outbound(['71', '2', '1']); // the API start message: not a request
    s.tap()!.inbound(Buffer.from([0, 0, 0, 2, 0x31, 0]));
    expect(s.made[0]!.requests).toEqual([
      { r: { kind: 'k1', reqId: 42 }, t: Date.UTC(2026, 6, 9, 13, 30) + 5 },
    ]);
    expect(s.made[0]!.bytes).toHaveLength(1);
    expect(s.recorder.status()).toMatchObject({ state: 'recording', bytes: 6, records: 2, keep: false });
  });

  it('starts at once on a live connection, and keeps one file across a reconnect at the same server version', async () => {
    const s = setup(193);
    s.recorder.start({ keep: true, label: 'tws-paper' });
    expect(s.made).toHaveLength(1);
    expect(s.made[0]!.spec).toMatchObject({ serverVersion: 193, keep: true });
    s.tap()!.opened(193);
    expect(s.made).toHaveLength(1);
    s.tap()!.opened(176); // another TWS: its messages are laid out otherwise, so they get a file of their own
    expect(s.made).toHaveLength(2);
    expect(s.made[1]!.spec.base).toBe(`${s.made[0]!.spec.base}-2`);
    await s.recorder.stop('done');
    expect(s.made.map((m) => m.closed)).toEqual([true, true]);
  });

  it('writes to the file --record names', () => {
    const s = setup(176);
    s.recorder.start({ keep: false, target: targetOfFile('/tmp/x/session.ibdrec') });
    expect(s.made[0]!.spec).toMatchObject({ dir: '/tmp/x', base: 'session' });
  });

  it('stops on a disk failure with a notice, lets go of the tap, and later messages go nowhere', async () => {
    const s = setup(176);
    s.recorder.start({ keep: false, label: 'demo' });
    const tap = s.tap()!;
    s.made[0]!.spec.onError(new RecordingError('DISK_FULL', 'recording stopped: the disk is full'));
    expect(s.recorder.status()).toMatchObject({
      state: 'stopped',
      reason: 'the disk is full',
    });
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]).toMatch(/^Recording stopped: The disk is full\. Trading goes on/);
    expect(s.tap()).toBeNull();
    tap.inbound(Buffer.from([0, 0, 0, 2, 0x31, 0]));
    expect(s.made[0]!.bytes).toHaveLength(0);
    expect(s.statuses).toContain('stopped');
  });

  it('stops when told, closes the file and says why', async () => {
    const s = setup(176);
    s.recorder.start({ keep: false, label: 'demo' });
    s.tap()!.inbound(Buffer.from([0, 0, 0, 2, 0x31, 0]));
    const st = await s.recorder.stop('turned off');
    expect(st).toMatchObject({
      state: 'off',
      reason: 'turned off',
      bytes: 6,
      file: '/data/recordings/2026-07-09T13-30-00Z-demo-0001.ibdrec',
    });
    expect(s.made[0]!.closed).toBe(true);
    expect(s.tap()).toBeNull();
  });

  it('publishes its size about once a second while it records', () => {
    const s = setup(176);
    s.recorder.start({ keep: false, label: 'demo' });
    const before = s.statuses.length;
    s.tap()!.inbound(Buffer.from([0, 0, 0, 2, 0x31, 0]));
    s.clock.advance(1_000);
    expect(s.statuses.length).toBe(before + 1);
    s.clock.advance(1_000); // nothing changed: nothing sent
    expect(s.statuses.length).toBe(before + 1);
  });

  it('never lets a request it cannot decode reach the trading path', () => {
    const s = setup(176);
    let tap: WireTap | null = null;
    const recorder = createRecorder({
      clock: s.clock,
      log: silentLogger,
      link: { setTap: (t) => (tap = t), serverVersion: () => 176 },
      decodeRequest: () => {
        throw new Error('unreadable');
      },
      dir: '/d',
      appVersion: '1',
      makeWriter: fakeWriters().make,
    });
    recorder.start({ keep: false });
    expect(() => tap!.outbound(['1', '2'])).not.toThrow();
  });
});

describe('recording names and arguments', () => {
  it('names a recording by its UTC start and what it records', () => {
    expect(recordingBase(Date.UTC(2026, 0, 2, 3, 4, 5, 678), 'tws paper/1')).toBe(
      '2026-01-02T03-04-05Z-tws-paper-1',
    );
  });

  it('reads --record FILE and --record=FILE', () => {
    expect(recordOption(['electron', '.', '--record', 'a.ibdrec'])).toEqual({ record: 'a.ibdrec' });
    expect(recordOption(['--record=/x/b'])).toEqual({ record: '/x/b' });
    expect(recordOption(['--record'])).toEqual({});
  });
});
