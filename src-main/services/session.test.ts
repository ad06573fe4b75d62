import { describe, expect, it } from 'vitest';
import { defaultProfiles, REPLAY_PROFILE_ID, type Profile } from '../../src-shared/domain/settings';
import { connectionStatusFixture } from '../../tests/support/domain-fixtures';
import type { LinkStatus } from '../ib/connection';
import { toConnectionStatus } from './session';

const profile = (id: string): Profile => defaultProfiles().find((p) => p.id === id)!;

// A link's status as the state machine reports it (the profile's fields left out).
const {
  profileId: _p,
  profileName: _n,
  source: _s,
  demo: _d,
  readOnly: _r,
  live: _l,
  ...link
} = connectionStatusFixture();
const linkStatus = (patch: Partial<LinkStatus> = {}): LinkStatus => ({ ...link, ...patch });

describe('the connection status', () => {
  it('names its data source: the profile, and for a replay the recording it plays', () => {
    const replay = (file: string): Profile => ({
      ...profile('demo'),
      id: REPLAY_PROFILE_ID,
      name: 'Replay',
      kind: 'replay',
      recording: file,
    });
    expect(toConnectionStatus(profile('demo'), linkStatus()).source).toBe('demo');
    expect(toConnectionStatus(profile('tws-paper'), linkStatus()).source).toBe('tws-paper');
    const a = toConnectionStatus(replay('/data/recordings/monday.ibdrec'), linkStatus());
    const b = toConnectionStatus(replay('/data/recordings/tuesday.ibdrec'), linkStatus());
    expect(a.profileId).toBe(b.profileId);
    expect(a.source).not.toBe(b.source);
    // A reconnect (another state, another port of the embedded gateway) is the same source.
    const again = toConnectionStatus(
      replay('/data/recordings/monday.ibdrec'),
      linkStatus({ state: 'reconnecting', port: 41234 }),
    );
    expect(again.source).toBe(a.source);
  });
});
