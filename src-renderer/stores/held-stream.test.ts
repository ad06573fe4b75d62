// The held stream: one subscribe per hold, one unsubscribe per release, the data forgotten at the last release, and
// an answer that comes after the last release dropped.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/result';
import { holdStream } from './held-stream';

function stream() {
  const log: string[] = [];
  const answers: ((r: Result<string>) => void)[] = [];
  return {
    log,
    answer: (i: number, r: Result<string>) => answers[i]!(r),
    spec: {
      subscribe: () => {
        log.push('subscribe');
        return new Promise<Result<string>>((resolve) => answers.push(resolve));
      },
      unsubscribe: () => log.push('unsubscribe'),
      forget: () => log.push('forget'),
      answered: (v: string) => log.push(`answered ${v}`),
      failed: (m: string) => log.push(`failed ${m}`),
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('holdStream', () => {
  it('subscribes per hold, takes answers while held, forgets only at the last release (each release once)', async () => {
    const s = stream();
    const holds = new Map<number, number>();
    const a = holdStream(holds, 7, s.spec);
    const b = holdStream(holds, 7, s.spec);
    s.answer(0, { ok: true, value: 'book' });
    s.answer(1, { ok: false, error: { code: 'PACING', message: 'too many' } });
    await settle();
    a();
    a();
    expect(s.log).toEqual(['subscribe', 'subscribe', 'answered book', 'failed too many', 'unsubscribe']);
    b();
    expect(s.log.slice(-2)).toEqual(['unsubscribe', 'forget']);
    expect(holds.size).toBe(0);
  });

  it('drops an answer that comes after the last release', async () => {
    const s = stream();
    const release = holdStream(new Map(), 7, s.spec);
    release();
    s.answer(0, { ok: true, value: 'late' });
    await settle();
    expect(s.log).toEqual(['subscribe', 'unsubscribe', 'forget']);
  });
});
