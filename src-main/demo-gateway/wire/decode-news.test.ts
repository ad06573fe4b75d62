// The news requests as the official client (ibapi/client.py) and @stoqey/ib write them, read back field for field.
import { describe, expect, it } from 'vitest';
import { decodeRequestChecked } from './decoder';

const decode = (...fields: (string | number)[]): ReturnType<typeof decodeRequestChecked> =>
  decodeRequestChecked(fields.map(String), 176);

describe('news requests', () => {
  it('reads reqNewsArticle with its options field (ibapi sends it empty, @stoqey/ib as tag=value;)', () => {
    expect(decode(84, 9001, 'BRFG', 'BRFG$1c2d5728', '')).toEqual({
      req: { kind: 'reqNewsArticle', reqId: 9001, providerCode: 'BRFG', articleId: 'BRFG$1c2d5728' },
      leftover: 0,
    });
    expect(decode(84, 7, 'DEMO', 'DEMO$0badc0de', 'a=b;').leftover).toBe(0);
  });

  it('reads reqHistoricalNews: conId, "+"-joined providers, bounds, totalResults, options', () => {
    expect(
      decode(86, 9002, 265598, 'BRFG+BRFUPDN', '2026-01-01 00:00:00.0', '2026-01-16 00:00:00.0', 10, ''),
    ).toEqual({
      req: {
        kind: 'reqHistoricalNews',
        reqId: 9002,
        conId: 265598,
        providerCodes: 'BRFG+BRFUPDN',
        startDateTime: '2026-01-01 00:00:00.0',
        endDateTime: '2026-01-16 00:00:00.0',
        totalResults: 10,
      },
      leftover: 0,
    });
  });

  it('reads reqNewsBulletins (version, allMsgs) and cancelNewsBulletins (version)', () => {
    expect(decode(12, 1, 1)).toEqual({ req: { kind: 'reqNewsBulletins', allMessages: true }, leftover: 0 });
    expect(decode(12, 1, 0).req).toEqual({ kind: 'reqNewsBulletins', allMessages: false });
    expect(decode(13, 1)).toEqual({ req: { kind: 'cancelNewsBulletins' }, leftover: 0 });
  });

  it('refuses a request id that is not a number', () => {
    expect(() => decode(84, 'x', 'BRFG', 'BRFG$1')).toThrow(/For input string/);
  });
});
