// The CLI connects once: ready resolves; a refused or lost connection fails at once with exit code 3 and the reason;
// silence fails after 20 s.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Trading } from '../trading';
import { connect } from './connect';
import { CliError, EXIT } from './exit';

type Status = { state: string; reason?: string | null };

function fakeLink() {
  const listeners = new Set<(s: Status) => void>();
  const asked: unknown[] = [];
  const t = {
    link: {
      connect: (endpoint: unknown) => void asked.push(endpoint),
      onStatus: (l: (s: Status) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  };
  return {
    t: t as unknown as Trading,
    asked,
    listeners,
    emit: (s: Status) => [...listeners].forEach((l) => l(s)),
  };
}

const endpoint = { host: '127.0.0.1', port: 7497, clientId: 17 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('connect', () => {
  it('resolves when the link is ready and stops listening', async () => {
    const f = fakeLink();
    const done = connect(f.t, endpoint);
    expect(f.asked).toEqual([endpoint]);
    f.emit({ state: 'connecting' });
    f.emit({ state: 'ready' });
    await expect(done).resolves.toBeUndefined();
    expect(f.listeners.size).toBe(0);
  });

  it('fails with exit code 3 and the link’s reason when it goes to reconnecting or disconnected', async () => {
    const f = fakeLink();
    const done = connect(f.t, endpoint);
    f.emit({ state: 'reconnecting', reason: 'connection refused' });
    await expect(done).rejects.toEqual(new CliError(EXIT.unreachable, 'connection refused'));
    const g = fakeLink();
    const again = connect(g.t, endpoint);
    g.emit({ state: 'disconnected', reason: null });
    await expect(again).rejects.toThrow('could not connect');
  });

  it('gives up after 20 s of no answer', async () => {
    const f = fakeLink();
    const done = connect(f.t, endpoint);
    const check = expect(done).rejects.toThrow('127.0.0.1:7497 did not become ready within 20 s');
    await vi.advanceTimersByTimeAsync(20_000);
    await check;
    expect(f.listeners.size).toBe(0);
  });
});
