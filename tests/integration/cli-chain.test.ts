// `ibdesk chain` against the demo gateway (--demo): the nearest expiry's strikes around the money with quotes,
// open interest and greeks, the same text in result.txt, a chosen expiry and strike count as JSON, and usage errors.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src-main/cli/exit';
import { startDemoGateway } from '../../src-main/demo-profile';
import { cli } from '../support/cli-io';

const demo = { startDemo: startDemoGateway };

describe('ibdesk chain', () => {
  it('prints 10 strikes of the nearest expiry with greeks and open interest, and writes result.txt', async () => {
    const r = await cli(['--demo', 'chain', 'AAPL'], demo);
    expect(r.stderr).toMatch(/10 strikes of AAPL \d{8} written to/);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^AAPL \d{8} \(\d+ days\) · last \d+\.\d\d · multiplier 100 · AAPL$/);
    expect(lines[2]).toMatch(/^C Vega\s+C Theta\s+.*C Bid\s+C Ask\s+Strike\s+P Bid\s+P Ask\s+.*P Vega$/);
    const body = lines.slice(4);
    expect(body).toHaveLength(10);
    const strikes = body.map((l) => Number(l.trim().split(/\s+/)[10]));
    expect(strikes).toEqual([...strikes].sort((a, b) => a - b));
    const spot = Number(/last (\d+\.\d\d)/.exec(lines[0]!)![1]);
    expect(Math.min(...strikes)).toBeLessThan(spot);
    expect(Math.max(...strikes)).toBeGreaterThan(spot);
    // The row nearest the money: a call delta in (0, 1), a put delta in (−1, 0), the call's less the put's about 1
    // (put-call parity of one strike, the week's dividends aside), open interest on both sides. On the expiry day
    // (0 days) the last hours leave even that strike's deltas near 0 and 1, printed as 0.00 or 1.00: there the
    // bounds are closed (CI on a Friday afternoon).
    const mid = body
      .map((l) => l.trim().split(/\s+/))
      .reduce((a, b) => (Math.abs(Number(b[10]) - spot) < Math.abs(Number(a[10]) - spot) ? b : a));
    const [callDelta, putDelta] = [Number(mid[3]), Number(mid[17])];
    const days = Number(/\((\d+) days\)/.exec(lines[0]!)![1]);
    if (days > 0) {
      expect(callDelta).toBeGreaterThan(0);
      expect(callDelta).toBeLessThan(1);
      expect(putDelta).toBeLessThan(0);
    }
    expect(callDelta).toBeGreaterThanOrEqual(0);
    expect(callDelta).toBeLessThanOrEqual(1);
    expect(putDelta).toBeLessThanOrEqual(0);
    expect(callDelta - putDelta).toBeCloseTo(1, 1);
    expect(mid[5]).toMatch(/^[\d,]+$/);
    expect(mid[15]).toMatch(/^[\d,]+$/);
    expect(await readFile(path.join(r.cwd, 'result.txt'), 'utf8')).toBe(r.stdout);
  }, 60_000);

  it('takes --expiry and --strikes, --json and --out; refuses a bad expiry, count or a missing symbol', async () => {
    const first = await cli(['--demo', '--json', 'chain', 'MSFT', '--strikes', '4', '--out', 'c.json'], demo);
    expect(first.code).toBe(EXIT.ok);
    const doc = JSON.parse(first.stdout) as {
      expiry: string;
      multiplier: number;
      rows: { strike: number; call: { quote: { greeks?: { delta: number } } } | null }[];
    };
    expect(doc.rows).toHaveLength(4);
    expect(doc.multiplier).toBe(100);
    expect(doc.rows.some((r) => r.call?.quote.greeks?.delta != null)).toBe(true);
    expect(JSON.parse(await readFile(path.join(first.cwd, 'c.json'), 'utf8'))).toEqual(doc);

    expect((await cli(['--demo', 'chain'], demo)).code).toBe(EXIT.usage);
    expect((await cli(['--demo', 'chain', 'AAPL', '--strikes', '0'], demo)).code).toBe(EXIT.usage);
    expect((await cli(['--demo', 'chain', 'AAPL', '--expiry', '2026-12-18'], demo)).code).toBe(EXIT.usage);
    const none = await cli(['--demo', 'chain', 'AAPL', '--expiry', '20200117'], demo);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toMatch(/AAPL has no options expiring 20200117; TWS lists \d{8}/);
  }, 60_000);
});
