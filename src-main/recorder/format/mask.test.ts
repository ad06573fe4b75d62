// Masking: pseudonyms are stable for a session and never a real account seen; no account id of the input survives
// in any message that can carry one; order details become 0; market data passes untouched (the same array).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMasker, passesUnmasked } from './mask';

/** Realistic account ids: DU/U/DF/F + 7 digits, the first not 0 (pseudonyms are 0-padded counters). */
const account = fc
  .tuple(fc.constantFrom('DU', 'U', 'DF', 'F'), fc.integer({ min: 1_000_000, max: 9_999_999 }))
  .map(([p, n]) => `${p}${n}`);

/** A message's fields written as TWS logs show them, separated by `|`. */
const fields = (text: string): string[] => text.split('|');

const C = '265598|AAPL|STK||0|||SMART|USD|AAPL|NMS';
const contract = fields(C);

/** Messages TWS sends that carry an account id, in the layouts of server versions 157…193. */
function messagesWith(a: string, b: string): string[][] {
  return [
    ['15', '1', `${a},${b}`],
    ['6', '2', 'NetLiquidation', '125000.55', 'USD', a],
    fields(`7|8|${contract.slice(0, 8).join('|')}|NASDAQ|USD|AAPL|NMS|100|187.25|18725|180.1|715|0|${a}`),
    ['54', '1', a],
    ['61', '3', a, ...contract, '100', '180.1'],
    ['63', '1', '9001', a, 'NetLiquidation', '125000.55', 'USD'],
    ['71', '1', '9002', b, ...contract, '100', '180.1', ''],
    ['73', '1', '9003', a, '', 'CashBalance', '5000', 'USD'],
    ['78', '2', a, '', b, 'F1'],
    fields(
      `11|9004|7|${C}|0001f4e8.67a1b2c3.01.01|20260709 09:31:02|${a}|ISLAND|BOT|100|187.25|123|0|0|100|187.25|||||1`,
    ),
    fields(
      `5|7|${C}|BUY|100|LMT|187.25|0|DAY||${a}|O|0|my ref|0|123|0|0|0||||||||0||-1|0||||||2147483647|0|0|0||3|0|0||0|0||` +
        '0|None|1.7976931348623157E308|187.3|1.7976931348623157E308',
    ),
    fields(`101|${C}|SELL|50|LMT|190.5|0|GTC||${b}|O|0||124|0|0|0||||||50|190.5`),
    ['4', '2', '7', '201', `Order rejected - reason: account ${a} has insufficient equity`, ''],
    ['16', '1', '1', `<ListOfAccounts><Account>${a}</Account><Account>${b}</Account></ListOfAccounts>`],
  ];
}

describe('masker', () => {
  it('gives every account a stable pseudonym of the same shape', () => {
    const m = createMasker();
    expect(m.incoming(['15', '1', 'DU1234567,DU7654321'])).toEqual(['15', '1', 'DU0000001,DU0000002']);
    expect(m.incoming(['54', '1', 'DU7654321'])).toEqual(['54', '1', 'DU0000002']);
    expect(m.incoming(fields('63|1|1|U9876543|TotalCashValue|10.5|USD'))).toEqual(
      fields('63|1|1|U0000001|TotalCashValue|0|USD'),
    );
    expect(m.accounts).toBe(3);
  });

  it('leaves no account id of the input in the output, in any message that carries one (property)', () => {
    fc.assert(
      fc.property(account, account, (a, b) => {
        fc.pre(a !== b);
        const m = createMasker();
        for (const msg of messagesWith(a, b)) {
          const out = m.incoming(msg).join('|');
          expect(out, msg[0]).not.toContain(a);
          expect(out, msg[0]).not.toContain(b);
        }
        const req = JSON.stringify(
          m.request({
            kind: 'placeOrder',
            reqId: 7,
            contract: { conId: 1 },
            params: { order: { account: a, faGroup: `x ${b}` } },
          }),
        );
        expect(req).not.toContain(a);
        expect(req).not.toContain(b);
      }),
      { numRuns: 300 },
    );
  });

  it('zeroes order details and amounts, keeps ids, contracts and unset markers', () => {
    const m = createMasker();
    const status = m.incoming(['3', '7', 'Filled', '100', '0', '187.25', '123', '0', '187.25', '0', '', '0']);
    expect(status).toEqual(['3', '7', 'Filled', '0', '0', '0', '123', '0', '0', '0', '', '0']);
    const [exec] = [messagesWith('DU1111111', 'DU2222222')[9]!];
    const e = m.incoming(exec);
    expect(e.slice(0, 16)).toEqual(fields(`11|9004|7|${C}|0001f4e8.67a1b2c3.01.01|20260709 09:31:02`));
    expect([e[19], e[20], e[24], e[25]]).toEqual(['0', '0', '0', '0']);
    const open = m.incoming(messagesWith('DU1111111', 'DU2222222')[10]!);
    expect(open.slice(0, 14)).toEqual(['5', '7', ...contract, 'BUY']);
    expect([open[14], open[16], open[17]]).toEqual(['0', '0', '0']);
    expect(open).toContain('1.7976931348623157E308');
    expect(open).toContain('2147483647');
    expect(open).not.toContain('187.3');
    expect(m.incoming(fields('95|9|100|12.5|-3|0|18725'))).toEqual(fields('95|9|0|0|0|0|0'));
    const req = m.request({
      kind: 'placeOrder',
      reqId: 7,
      params: { order: { lmtPrice: 187.25, totalQuantity: 100, orderId: 7 } },
    });
    expect(req.params).toEqual({ order: { lmtPrice: 0, totalQuantity: 0, orderId: 7 } });
    // Outside orders, numbers in requests are not private (bar counts, tick lists…).
    expect(m.request({ kind: 'reqHistoricalData', reqId: 1, params: { durationValue: 30 } }).params).toEqual({
      durationValue: 30,
    });
  });

  it('falls back to zeroing every number when a layout is not the expected version', () => {
    const m = createMasker();
    expect(m.incoming(fields('61|2|DU1234567|265598|AAPL|100|180.1'))).toEqual(
      fields('61|0|DU0000001|0|AAPL|0|0'),
    );
  });

  it('passes market data untouched, as the same array', () => {
    const m = createMasker();
    for (const f of [
      ['1', '6', '1001', '1', '187.25', '100', '1'],
      ['2', '6', '1001', '0', '300'],
      ['46', '6', '1', '45', '1783570118'],
    ]) {
      expect(m.incoming(f)).toBe(f);
      expect(passesUnmasked(Number(f[0]))).toBe(true);
    }
    for (const id of [3, 4, 5, 6, 7, 11, 15, 16, 54, 59, 61, 63, 71, 73, 78, 94, 95, 101])
      expect(passesUnmasked(id)).toBe(false);
  });
});
