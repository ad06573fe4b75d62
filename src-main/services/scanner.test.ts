import { describe, expect, it } from 'vitest';
import type { ScanSnapshot } from '../../src-shared/domain/scanner';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { createFakeTws } from '../../tests/support/fake-tws';
import { quietMarketData } from '../../tests/support/orders-fixtures';
import { createScanner, MAX_SCANNER_SLOTS } from './scanner';

const row = (rank: number, conId: number) => ({
  rank,
  contract: { conId, symbol: `S${conId}`, secType: 'STK' as const, exchange: 'NASDAQ', currency: 'USD' },
  distance: '',
  benchmark: '',
  projection: '',
});
const params = (withQuotes = false) => ({
  scanCode: 'TOP_PERC_GAIN',
  instrument: 'STK',
  location: 'STK.US.MAJOR',
  rows: 50,
  filters: {},
  withQuotes,
});

function setup() {
  const clock = createManualClock();
  const fake = createFakeTws(clock);
  fake.ready();
  const md = quietMarketData(fake, clock);
  const snaps: { clientId: string; s: ScanSnapshot }[] = [];
  const scanner = createScanner({
    tws: fake.tws,
    marketData: md,
    clock,
    log: silentLogger,
    emitTo: (clientId, s) => snaps.push({ clientId, s }),
  });
  return { fake, md, scanner, snaps };
}

describe('scanner', () => {
  it('replaces the rows on every snapshot and tells who entered and left', () => {
    const { fake, scanner, snaps } = setup();
    const { scanId } = scanner.start('w1', params());
    const sink = fake.streams[0]!.scan!.sink;
    sink.rows([row(0, 1), row(1, 2), row(2, 3)]);
    sink.rows([row(0, 3), row(1, 4)]);
    expect(snaps.map((x) => x.clientId)).toEqual(['w1', 'w1']);
    const second = snaps[1]!.s;
    expect(second.scanId).toBe(scanId);
    expect(second.rows.map((r) => r.contract.conId)).toEqual([3, 4]);
    expect(second.entered).toEqual([4]);
    expect(second.left.sort()).toEqual([1, 2]);
    expect(scanner.rows(scanId)).toHaveLength(2);
  });

  it('allows 10 scans at once and says so for the eleventh', () => {
    const { scanner } = setup();
    const ids = Array.from({ length: MAX_SCANNER_SLOTS }, () => scanner.start('w', params()).scanId);
    expect(scanner.slots()).toEqual({ used: 10, max: 10 });
    expect(() => scanner.start('w', params())).toThrow(/10 scanner slots/);
    scanner.stop(ids[0]!);
    expect(() => scanner.start('w', params())).not.toThrow();
  });

  it('holds the rows quotes while they are in the scan', () => {
    const { fake, scanner, md } = setup();
    const { scanId } = scanner.start('w1', params(true));
    const sink = fake.streams[0]!.scan!.sink;
    sink.rows([row(0, 1), row(1, 2)]);
    expect(md.lines().used).toBe(2);
    sink.rows([row(0, 2), row(1, 5)]);
    expect(md.quote(1)).toBeUndefined();
    expect(md.quote(5)).toBeDefined();
    scanner.stop(scanId);
    expect(md.lines().used).toBe(0);
    expect(fake.streams[0]!.closed).toBe(true);
  });

  it('reports a scan TWS stopped, and frees its slot', async () => {
    const { fake, scanner, snaps } = setup();
    scanner.start('w1', params());
    expect(fake.streams[0]!.scan!.sink.error(162, 'Scanner error')).toBe('end');
    await Promise.resolve();
    expect(snaps.at(-1)!.s.stopped?.twsCode).toBe(162);
    expect(scanner.slots().used).toBe(0);
  });

  it('checks the scan code against the parameters TWS offers before a checked start', async () => {
    const { fake, scanner } = setup();
    // The fake's scanner parameters offer no scan code at all.
    await expect(scanner.startChecked('w1', params())).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(fake.streams).toHaveLength(0);
    expect(scanner.slots().used).toBe(0);
  });

  it('starts unchecked when the parameters are not loaded yet', () => {
    const { fake, scanner } = setup();
    scanner.start('w1', params());
    expect(fake.streams).toHaveLength(1);
  });

  it('needs a connection', () => {
    const { fake, scanner } = setup();
    fake.setState('reconnecting');
    expect(() => scanner.start('w', params())).toThrow(/Not connected/);
  });
});
