// The Replay kind's store actions: the recordings as main lists them, and opening one, which takes the connection
// main answers with, or leaves everything as it was when main refuses the file.
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import type { RecordingList } from '../../src-shared/domain/replay';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { createAppStore } from './app-store';

const LIST: RecordingList = {
  dir: '/data/recordings',
  recordings: [
    {
      file: '/data/recordings/a-0001.ibdrec',
      name: 'a-0001.ibdrec',
      bytes: 2048,
      created: 1,
      firstTime: 10,
      lastTime: 20_010,
      records: 99,
      masked: true,
      truncated: false,
      problem: null,
    },
  ],
};

const replaying: ConnectionStatus = {
  state: 'ready',
  profileId: 'replay',
  profileName: 'Replay',
  source: 'replay:/data/recordings/day.ibdrec',
  demo: true,
  host: '127.0.0.1',
  port: 40001,
  clientId: 1,
  readOnly: false,
  live: false,
  serverVersion: 176,
  accounts: ['DU0000001'],
  reason: null,
  twsCode: null,
  nextRetryAt: null,
  attempt: 0,
  since: 5,
  suggestedClientId: null,
};

describe('replay slice: choosing a recording', () => {
  it('keeps the listed recordings', async () => {
    const client = createFakeClient({ 'recording.list': () => LIST });
    const s = createAppStore(client);
    expect(s.getState().recordings).toBeNull();
    expect(await s.getState().loadRecordings()).toEqual({ ok: true, value: LIST });
    expect(s.getState().recordings).toEqual(LIST);
  });

  it('opens a recording and takes the connection main answers with', async () => {
    const client = createFakeClient({ 'replay.open': () => replaying });
    const s = createAppStore(client);
    const r = await s.getState().openReplay('/data/recordings/a-0001.ibdrec');
    expect(r.ok).toBe(true);
    expect(client.callsOf('replay.open')).toEqual([{ file: '/data/recordings/a-0001.ibdrec' }]);
    expect(s.getState().connection).toEqual(replaying);
  });

  it('leaves the connection as it was when main refuses the file', async () => {
    const error = { code: 'VALIDATION' as const, message: 'Cannot replay x: it is not an IBDesk recording' };
    const client = createFakeClient({ 'replay.open': () => ({ error }) });
    const s = createAppStore(client);
    s.setState({ connection: { ...replaying, profileId: 'demo', profileName: 'Demo', source: 'demo' } });
    expect(await s.getState().openReplay('/tmp/x')).toEqual({ ok: false, error });
    expect(s.getState().connection?.profileId).toBe('demo');
  });
});
