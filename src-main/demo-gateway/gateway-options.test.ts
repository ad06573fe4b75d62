import { describe, expect, it } from 'vitest';
import { resolveOptions } from './gateway-options';

describe('resolveOptions', () => {
  it('fills every default: loopback, any port, seed 1, TWS 193, one paper account, 4 ticks/s', () => {
    expect(resolveOptions({})).toEqual({
      host: '127.0.0.1',
      port: 0,
      seed: 1,
      maxServerVersion: 193,
      accounts: ['DU1234567'],
      startingCash: 1_000_000,
      statePath: undefined,
      tickRate: 4,
      realHours: false,
      liveData: true,
      historicalPacing: 'small-bars',
      maxRequestsPerSecond: 50,
      scannerRefreshMs: 10_000,
      depthLines: 3,
      benchStamps: false,
    });
  });

  it('keeps what the caller chose (an empty account list means the default account)', () => {
    const o = resolveOptions({
      port: 7497,
      seed: 9,
      maxServerVersion: 157,
      accounts: [],
      tickRate: 100,
      liveData: false,
    });
    expect(o).toMatchObject({
      port: 7497,
      seed: 9,
      maxServerVersion: 157,
      accounts: ['DU1234567'],
      tickRate: 100,
    });
    expect(o.liveData).toBe(false);
    expect(resolveOptions({ accounts: ['DU1', 'U2'] }).accounts).toEqual(['DU1', 'U2']);
  });

  it('refuses a server version outside 157…193, a bad account id and a tick rate outside (0, 100]', () => {
    expect(() => resolveOptions({ maxServerVersion: 156 })).toThrow(
      'maxServerVersion must be 157…193, got 156',
    );
    expect(() => resolveOptions({ maxServerVersion: 194 })).toThrow(/got 194/);
    expect(() => resolveOptions({ maxServerVersion: 170.5 })).toThrow(/got 170.5/);
    expect(() => resolveOptions({ accounts: ['DU1', 'D U2'] })).toThrow('invalid account id "D U2"');
    expect(() => resolveOptions({ tickRate: 0 })).toThrow('tickRate must be in (0, 100], got 0');
    expect(() => resolveOptions({ tickRate: 101 })).toThrow(/got 101/);
    expect(() => resolveOptions({ depthLines: 0 })).toThrow(
      'depthLines must be an integer from 1 to 100, got 0',
    );
    expect(resolveOptions({ depthLines: 20 }).depthLines).toBe(20);
  });
});
