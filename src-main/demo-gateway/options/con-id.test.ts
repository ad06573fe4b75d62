import { describe, expect, it } from 'vitest';
import { dayOfDate } from '../model/exchange-holidays';
import {
  MAX_UNDERLYING_SLOTS,
  OPTION_CONID_BASE,
  decodeOptionConId,
  expiryCode,
  optionConId,
} from './con-id';
import { MAX_STRIKE_UNITS } from './strikes';

describe('option conIds', () => {
  it('encodes slot, expiry week, off-cycle flag, right and strike, and decodes them back', () => {
    const friday = dayOfDate(2026, 12, 18);
    const id = optionConId(0, friday, 'C', 300);
    expect(id).toBe(
      OPTION_CONID_BASE + ((expiryCode(friday).weekCode * 2 + 0) * 2 + 0) * MAX_STRIKE_UNITS + 300,
    );
    expect(decodeOptionConId(id)).toEqual({
      slot: 0,
      weekCode: expiryCode(friday).weekCode,
      offCycle: 0,
      right: 'C',
      strikeUnits: 300,
    });
    const put = decodeOptionConId(optionConId(546, dayOfDate(2027, 3, 31), 'P', 7999))!;
    expect(put).toMatchObject({ slot: 546, offCycle: 1, right: 'P', strikeUnits: 7999 }); // a Wednesday quarterly
  });

  it('tells a holiday-moved weekly (Thursday) from an off-cycle quarterly', () => {
    expect(expiryCode(dayOfDate(2026, 12, 24)).offCycle).toBe(0); // Christmas Friday → Thursday weekly
    expect(expiryCode(dayOfDate(2026, 12, 31)).offCycle).toBe(0); // New Year Friday → Thursday, also quarterly
    expect(expiryCode(dayOfDate(2026, 9, 30)).offCycle).toBe(1); // Wednesday quarterly
    expect(expiryCode(dayOfDate(2026, 9, 30)).weekCode).toBe(expiryCode(dayOfDate(2026, 10, 2)).weekCode);
  });

  it('stays below 2^31 and rejects what does not fit', () => {
    const max = optionConId(MAX_UNDERLYING_SLOTS - 1, dayOfDate(2027, 3, 31), 'P', MAX_STRIKE_UNITS - 1);
    expect(max).toBeLessThan(2 ** 31);
    expect(() => optionConId(MAX_UNDERLYING_SLOTS, dayOfDate(2026, 12, 18), 'C', 10)).toThrow(/slot/);
    expect(() => optionConId(0, dayOfDate(2026, 12, 18), 'C', MAX_STRIKE_UNITS)).toThrow(/strike/);
    expect(() => optionConId(0, dayOfDate(2026, 12, 18), 'C', 0)).toThrow(/strike/);
    expect(decodeOptionConId(265598)).toBeUndefined();
    expect(decodeOptionConId(OPTION_CONID_BASE)).toBeUndefined(); // strike 0
    expect(decodeOptionConId(2 ** 31 - 1)).toBeUndefined();
  });
});
