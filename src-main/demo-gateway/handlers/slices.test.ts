// Gateway work a slice at a time (long answers): the first slice is sent at once, the rest after the event loop turns (the end
// last), a closed session gets nothing more, and a later slice's failure is reported instead of thrown.
import { describe, expect, it } from 'vitest';
import type { Session } from '../connections/session';
import { SLICE_MESSAGES, sendSliced } from './slices';

function session() {
  const sent: string[] = [];
  const s = { state: 'ready', send: (m: string) => void sent.push(m) };
  return { s, sent, session: s as unknown as Session };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('sendSliced', () => {
  it('sends at most a slice at once, the rest on later turns, then the end', async () => {
    const t = session();
    const count = SLICE_MESSAGES * 2 + 3;
    sendSliced(t.session, { count, message: (i) => `m${i}`, end: () => 'end', failed: () => {} });
    expect(t.sent.length).toBeGreaterThan(0);
    expect(t.sent.length).toBeLessThanOrEqual(SLICE_MESSAGES);
    for (let k = 0; k < 10 && t.sent.at(-1) !== 'end'; k++) await turn();
    expect(t.sent).toEqual([...Array.from({ length: count }, (_, i) => `m${i}`), 'end']);
  });

  it('stops for a closed session, and reports a later failure', async () => {
    const t = session();
    sendSliced(t.session, {
      count: SLICE_MESSAGES * 3,
      message: (i) => `m${i}`,
      end: () => 'end',
      failed: () => {},
    });
    t.s.state = 'closed';
    const before = t.sent.length;
    await turn();
    await turn();
    expect(t.sent.length).toBe(before);

    const u = session();
    const failures: string[] = [];
    sendSliced(u.session, {
      count: SLICE_MESSAGES * 2,
      message: (i) => {
        if (i === SLICE_MESSAGES + 1) throw new Error('encoder broke');
        return `m${i}`;
      },
      end: () => 'end',
      failed: (err) => failures.push(err.message),
    });
    for (let k = 0; k < 5; k++) await turn();
    expect(failures).toEqual(['encoder broke']);
    expect(u.sent).not.toContain('end');
  });
});
