// Conformance of the scanner at every negotiated version: the parameters XML, scans computed from the model with
// legacy and tag filters, the 50-row cap, refreshes while subscribed, cancel, and errors.
import { describe, expect, it } from 'vitest';
import { EventName, ScanCode } from '@stoqey/ib';
import type { ContractDetails, ScannerSubscription, TagValue } from '@stoqey/ib';
import { VERSIONS, conformanceSuite } from './helpers';
import type { Client } from './helpers';

// @stoqey/ib sends ScanCode[scanCode]: codes it does not know go through a patched enum entry (see the notes).
const codes = ScanCode as unknown as Record<number, string>;
function code(name: string): ScanCode {
  const known = (ScanCode as unknown as Record<string, number>)[name];
  if (known !== undefined) return known as ScanCode;
  const slot = 9000 + Object.keys(codes).length;
  codes[slot] = name;
  return slot as ScanCode;
}

describe.each(VERSIONS)('server version %i', (version) => {
  const suite = conformanceSuite({ maxServerVersion: version, seed: 9, scannerRefreshMs: 400 });

  const scan = async (
    c: Client,
    sub: Partial<ScannerSubscription>,
    filters: TagValue[] = [],
  ): Promise<{ id: number; rows: { rank: number; d: ContractDetails }[] }> => {
    const id = c.nextReqId();
    c.ib.reqScannerSubscription(
      id,
      { instrument: 'STK', locationCode: 'STK.US.MAJOR', ...sub } as ScannerSubscription,
      [],
      filters,
    );
    await c.waitEvent(EventName.scannerDataEnd, (a) => a[0] === id);
    const rows = c
      .of(EventName.scannerData, id)
      .map((a) => ({ rank: a[1] as number, d: a[2] as ContractDetails }));
    return { id, rows };
  };

  it('returns a ScanParameterResponse XML with instruments, locations, scan types and filters', async () => {
    const c = await suite.connect(1);
    c.ib.reqScannerParameters();
    const [xml] = (await c.waitEvent(EventName.scannerParameters)) as [string];
    expect(xml.startsWith('<?xml')).toBe(true);
    for (const tag of [
      '<ScanParameterResponse>',
      '<InstrumentList',
      '<LocationTree',
      '<ScanTypeList',
      '<FilterList',
      '<scanCode>TOP_PERC_GAIN</scanCode>',
      '<code>priceAbove</code>',
      '<locationCode>STK.US.MAJOR</locationCode>',
    ]) {
      expect(xml).toContain(tag);
    }
  });

  it('runs the standard scans and ranks rows from 0', async () => {
    const c = await suite.connect(2);
    for (const name of [
      'TOP_PERC_GAIN',
      'TOP_PERC_LOSE',
      'MOST_ACTIVE',
      'HOT_BY_VOLUME',
      'HIGH_OPEN_GAP',
      'LOW_OPEN_GAP',
      'TOP_TRADE_COUNT',
      'HOT_BY_PRICE',
      'MOST_ACTIVE_USD',
    ]) {
      const { id, rows } = await scan(c, { scanCode: code(name), numberOfRows: 10 });
      expect(rows.length, name).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(10);
      expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i));
      expect(rows[0]?.d.contract).toMatchObject({ secType: 'STK', currency: 'USD' });
      c.ib.cancelScannerSubscription(id);
    }
    const { rows } = await scan(c, { scanCode: code('MOST_ACTIVE'), numberOfRows: 5 });
    const volumes = rows.map((r) => suite.gw.quote(r.d.contract.conId as number)?.volume as number);
    expect(volumes[0]).toBeGreaterThanOrEqual(volumes[4] as number);
  });

  it('honours price, volume and market-cap filters (legacy fields and filter tags) and caps rows at 50', async () => {
    const c = await suite.connect(3);
    const tagged = await scan(c, { scanCode: code('TOP_PERC_GAIN'), numberOfRows: 50 }, [
      { tag: 'priceAbove', value: '100' },
      { tag: 'priceBelow', value: '400' },
      { tag: 'marketCapAbove1e6', value: '50000' },
    ]);
    for (const r of tagged.rows) {
      const q = suite.gw.quote(r.d.contract.conId as number);
      expect(q?.last).toBeGreaterThan(99);
      expect(q?.last).toBeLessThan(401);
      expect(suite.gw.universe.byConId(r.d.contract.conId as number)?.marketCap).toBeGreaterThan(50e9);
    }
    const legacy = await scan(c, {
      scanCode: code('MOST_ACTIVE'),
      numberOfRows: 20,
      abovePrice: 300,
      aboveVolume: 1000,
    });
    for (const r of legacy.rows)
      expect(suite.gw.quote(r.d.contract.conId as number)?.last).toBeGreaterThan(299);
    const many = await scan(c, { scanCode: code('MOST_ACTIVE'), numberOfRows: 200 });
    expect(many.rows.length).toBe(50);
    const etfs = await scan(c, {
      scanCode: code('MOST_ACTIVE'),
      numberOfRows: 5,
      instrument: 'ETF.EQ.US' as never,
      locationCode: 'ETF.EQ.US.MAJOR' as never,
    });
    expect(etfs.rows.length).toBe(5);
  });

  it('refreshes while subscribed and stops after cancel; unknown scan codes get 162', async () => {
    const c = await suite.connect(4);
    const { id } = await scan(c, { scanCode: code('TOP_PERC_GAIN'), numberOfRows: 5 });
    await c.waitFor(() => c.of(EventName.scannerDataEnd, id).length >= 2, 'a refresh');
    c.ib.cancelScannerSubscription(id);
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
    const count = c.of(EventName.scannerDataEnd, id).length;
    await new Promise((r) => setTimeout(r, 900));
    expect(c.of(EventName.scannerDataEnd, id).length).toBe(count);
    const bad = c.nextReqId();
    c.ib.reqScannerSubscription(
      bad,
      {
        instrument: 'STK',
        locationCode: 'STK.US.MAJOR',
        scanCode: code('NO_SUCH_SCAN'),
      } as ScannerSubscription,
      [],
      [],
    );
    expect(await c.waitCode(162, bad)).toContain('NO_SUCH_SCAN');
  });
});
