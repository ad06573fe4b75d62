import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/result';
import { fieldMessages } from '../ui/format';
import { studiesOf, withStudy, withStudyChanged } from './chart-studies';
import { thrownBy } from '../../tests/support/thrown';

describe('chart studies', () => {
  it('adds studies with their defaults and ids unique per kind', () => {
    const a = withStudy([], { kind: 'ema', params: { period: 20 } });
    const b = withStudy(a, { kind: 'ema', params: { period: 50 } });
    const c = withStudy(b, { kind: 'rsi' });
    expect(c.map((s) => s.id)).toEqual(['ema-1', 'ema-2', 'rsi-1']);
    expect(c[2]!.spec).toEqual({ kind: 'rsi', params: { period: 14, source: 'close' } });
    // An id freed by a removal is used again, never one still in the list.
    expect(withStudy(withStudyChanged(c, 'ema-1', null), { kind: 'ema' }).map((s) => s.id)).toEqual([
      'ema-2',
      'rsi-1',
      'ema-1',
    ]);
  });

  it('refuses bad params with field errors a form can show, and keeps the list as it was', () => {
    const list = withStudy([], { kind: 'rsi' });
    const e = thrownBy(() => withStudy(list, { kind: 'rsi', params: { period: 0 } }), AppError);
    expect(e.code).toBe('VALIDATION');
    expect(fieldMessages(e)).toEqual({ period: 'period must be at least 1 bar' });
    const m = thrownBy(
      () => withStudyChanged(list, 'rsi-1', { kind: 'macd', params: { fast: 30 } }),
      AppError,
    );
    expect(fieldMessages(m).fast).toBe('the fast period must be shorter than the slow one');
    expect(list).toHaveLength(1);
  });

  it('reads the studies of a saved pane config, dropping damaged entries and repeated ids alone', () => {
    const good = withStudy([], { kind: 'ema', params: { period: 20 } });
    expect(studiesOf({ studies: good })).toEqual(good);
    expect(
      studiesOf({
        studies: [
          ...good,
          { id: 'x', spec: { kind: 'rsi', params: { period: 0 } } },
          { id: 'ema-1', spec: { kind: 'sma' } },
          'junk',
          { id: 'macd-1', spec: { kind: 'macd' } },
        ],
      }).map((s) => s.id),
    ).toEqual(['ema-1', 'macd-1']);
    expect(studiesOf({ studies: 'no' })).toEqual([]);
    expect(studiesOf(undefined)).toEqual([]);
  });
});
