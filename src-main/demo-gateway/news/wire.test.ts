// The news messages byte for byte against the live frames in the protocol notes (TWS/IB Gateway captures),
// and the bulletin's exact field count the official Python client insists on.
import { describe, expect, it } from 'vitest';
import { splitBody } from '../wire/fields';
import { NEWS_PROVIDERS } from './providers';
import {
  asciiField,
  historicalNewsEndMessage,
  historicalNewsMessage,
  newsArticleMessage,
  newsBulletinMessage,
  newsProvidersMessage,
  tickNewsMessage,
} from './wire';

const frame = (body: string): string => splitBody(body).join('|');

describe('news wire', () => {
  it('lists providers as the live frame does, then ours', () => {
    expect(frame(newsProvidersMessage(NEWS_PROVIDERS.slice(0, 3)))).toBe(
      '85|3|BRFG|Briefing.com General Market Columns|BRFUPDN|Briefing.com Analyst Actions|DJNL|Dow Jones Newsletters',
    );
    expect(frame(newsProvidersMessage(NEWS_PROVIDERS))).toMatch(/^85\|4\|.*\|DEMO\|IBDesk Demo News$/);
  });

  it('writes historical news rows and their end as live', () => {
    expect(
      frame(
        historicalNewsMessage(1, {
          time: '2026-04-14 14:58:42.0',
          providerCode: 'BRFUPDN',
          articleId: 'BRFUPDN$1e1f54ec',
          headline:
            '{A:800015:L:en}!BofA Securities reiterated Apple (AAPL) coverage with Buy and target $325',
        }),
      ),
    ).toBe(
      '86|1|2026-04-14 14:58:42.0|BRFUPDN|BRFUPDN$1e1f54ec|{A:800015:L:en}!BofA Securities reiterated Apple (AAPL) coverage with Buy and target $325',
    );
    expect(frame(historicalNewsEndMessage(1, true))).toBe('87|1|1');
    expect(frame(historicalNewsEndMessage(90020000, false))).toBe('87|90020000|0');
  });

  it('writes a news tick and an article as live', () => {
    expect(
      frame(
        tickNewsMessage(1, {
          timeStamp: 1758294759000,
          providerCode: 'BRFG',
          articleId: 'BRFG$1c2d5728',
          headline:
            "Apple's iPhone 17 debuts to long lines and high demand as company eyes upgrade cycle boost",
          extraData: 'A:800015:L:en:K:1.00:C:0.9999533295631409',
        }),
      ),
    ).toBe(
      "84|1|1758294759000|BRFG|BRFG$1c2d5728|Apple's iPhone 17 debuts to long lines and high demand as company eyes upgrade cycle boost|A:800015:L:en:K:1.00:C:0.9999533295631409",
    );
    const text =
      'BofA Securities reiterated Apple (AAPL) coverage with Buy rating and price target $325&#10;Previous price target: $320&#10;Issuance Date: 2026-04-14&#10;&#10;Copyright 2026 Briefing.com, Inc.';
    expect(frame(newsArticleMessage(2, { articleType: 0, articleText: text }))).toBe(`83|2|0|${text}`);
  });

  it('writes a bulletin with exactly version + 4 fields, ASCII and without backslashes', () => {
    const body = newsBulletinMessage({
      msgId: 1783570118,
      msgType: 1,
      message: '=====\nTo HKFE,SGX traders:\nC:\\path caf\u00e9',
      origExchange: 'HKFE,SGX',
      time: 0,
    });
    const f = splitBody(body);
    expect(f).toHaveLength(6);
    expect(f.slice(0, 4)).toEqual(['14', '1', '1783570118', '1']);
    expect(f[5]).toBe('HKFE,SGX');
    expect(f[4]).toBe('=====\nTo HKFE,SGX traders:\nC:/path caf\\u00e9');
  });

  it('keeps NUL out of every field', () => {
    expect(asciiField('a\0b')).toBe('ab');
    expect(splitBody(newsArticleMessage(1, { articleType: 0, articleText: 'x\0y' }))).toEqual([
      '83',
      '1',
      '0',
      'xy',
    ]);
  });
});
