// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ReplayStatus } from '../../../src-shared/domain/replay';
import { createAppStore } from '../../stores/app-store';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { execution } from '../../../tests/support/renderer/fixtures';
import { render as mount } from '../../../tests/support/renderer/render';
import { fmtClock } from '../../ui/format';
import { ExecutionsPane } from './ExecutionsPane';

/** A fill at 15:30:49 UTC on a summer Wednesday: 11:30:49 in New York (EDT). */
const FILLED = Date.UTC(2026, 6, 8, 15, 30, 49);

const replay: ReplayStatus = {
  file: 'demo-session.ibdrec',
  firstTime: FILLED - 60_000,
  lastTime: FILLED + 60_000,
  time: FILLED,
  playing: false,
  speed: 1,
  ended: false,
  truncated: false,
};

function timeCell(status: ReplayStatus | null): string {
  const store = createAppStore(createFakeClient());
  store.setState({ executions: { e1: execution('e1', { time: FILLED }) }, replay: status });
  const h = mount(<ExecutionsPane />, { store, paneId: 'executions' });
  return h.querySelector('table[aria-label="Executions"] tbody tr td')!.textContent ?? '';
}

describe('ExecutionsPane times', () => {
  it('times a replay’s fills in New York, as the transport bar’s clock reads, whatever the local zone', () => {
    expect(timeCell(replay)).toBe('11:30:49');
  });

  it('times fills in the local zone outside a replay', () => {
    expect(timeCell(null)).toBe(fmtClock(FILLED));
  });
});
