// Which bar each headline's marker sits on, which headlines have no place on the axis, what a marker says.
import { describe, expect, it } from 'vitest';
import type { Headline } from '../../../src-shared/domain/news';
import { markerLabel, newsMarkers } from './news-markers';

const h = (id: string, seconds: number, headline = `headline ${id}`): Headline => ({
  articleId: `BRFG$${id}`,
  providerCode: 'BRFG',
  time: seconds * 1000 + 250,
  headline,
  sentiment: null,
});
const bars = [{ time: 600 }, { time: 660 }, { time: 720 }, { time: 900 }];

describe('newsMarkers', () => {
  it('puts each headline on the bar whose span holds it, the headlines of one bar together, newest first', () => {
    const m = newsMarkers([h('a', 661), h('b', 719), h('c', 605), h('d', 905)], bars, 60);
    expect(m.map((x) => [x.time, x.headlines.map((y) => y.articleId)])).toEqual([
      [600, ['BRFG$c']],
      [660, ['BRFG$b', 'BRFG$a']],
      [900, ['BRFG$d']],
    ]);
  });

  it('leaves out headlines before the first bar, in a gap between bars, and after the last bar', () => {
    expect(newsMarkers([h('early', 599), h('gap', 800), h('late', 960)], bars, 60)).toEqual([]);
  });

  it('keeps only the newest markers', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ time: i * 60 }));
    const m = newsMarkers(
      many.map((b, i) => h(String(i), b.time + 1)),
      many,
      60,
      3,
    );
    expect(m.map((x) => x.time)).toEqual([420, 480, 540]);
  });

  it('labels a marker by its newest headline and the count of the others', () => {
    const [m] = newsMarkers([h('a', 661, 'Old news'), h('b', 662, 'AAPL jumps 4%')], bars, 60);
    expect(markerLabel(m!)).toBe('News: AAPL jumps 4% (+1 more)');
  });
});
