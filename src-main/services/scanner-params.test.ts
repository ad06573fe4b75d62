import { describe, expect, it } from 'vitest';
import { parseScannerXml, scanGroup } from './scanner-params';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<ScanParameterResponse>
  <InstrumentList varName="instrumentList">
    <Instrument><name>US Stocks</name><type>STK</type><filters>PRICE,VOLUME,HASOPTIONS</filters><secType>STK</secType></Instrument>
    <Instrument><name>US Futures</name><type>FUT.US</type><filters>PRICE</filters><secType>FUT</secType></Instrument>
  </InstrumentList>
  <LocationTree varName="locationTree">
    <Location>
      <displayName>US Stocks</displayName><locationCode>STK.US</locationCode><instruments>STK</instruments>
      <LocationTree>
        <Location><displayName>Listed &amp; NASDAQ</displayName><locationCode>STK.US.MAJOR</locationCode><instruments>STK</instruments></Location>
      </LocationTree>
    </Location>
  </LocationTree>
  <ScanTypeList varName="scanTypeList">
    <ScanType><displayName>Top % Gainers</displayName><scanCode>TOP_PERC_GAIN</scanCode><instruments>STK,FUT.US</instruments></ScanType>
    <ScanType><displayName>Hot by Opt Volume</displayName><scanCode>HOT_BY_OPT_VOLUME_NEW_CODE</scanCode><instruments>STK</instruments></ScanType>
  </ScanTypeList>
  <FilterList varName="filterList">
    <RangeFilter><id>PRICE</id><category>Price</category>
      <AbstractField type="scanner.filter.DoubleField"><code>priceAbove</code><displayName>Price Above</displayName></AbstractField>
      <AbstractField type="scanner.filter.DoubleField"><code>priceBelow</code><displayName>Price Below</displayName></AbstractField>
    </RangeFilter>
    <SimpleFilter><id>HASOPTIONS</id><category>Other</category>
      <AbstractField type="scanner.filter.BooleanField"><code>hasOptionsIs</code><displayName>Has options</displayName></AbstractField>
    </SimpleFilter>
  </FilterList>
</ScanParameterResponse>`;

describe('parseScannerXml', () => {
  it('reads instruments, nested locations, every scan code and the filters', () => {
    const p = parseScannerXml(XML);
    expect(p.instruments).toEqual([
      { code: 'STK', name: 'US Stocks', secType: 'STK' },
      { code: 'FUT.US', name: 'US Futures', secType: 'FUT' },
    ]);
    expect(p.locations.map((l) => l.code)).toEqual(['STK.US', 'STK.US.MAJOR']);
    expect(p.locations[1]!.name).toBe('Listed & NASDAQ');
    expect(p.scanTypes.map((s) => s.code)).toEqual(['TOP_PERC_GAIN', 'HOT_BY_OPT_VOLUME_NEW_CODE']);
    expect(p.scanTypes[0]!.instruments).toEqual(['STK', 'FUT.US']);
    expect(p.filters).toEqual([
      {
        code: 'priceAbove',
        name: 'Price Above',
        category: 'Price',
        kind: 'number',
        instruments: ['STK', 'FUT.US'],
      },
      {
        code: 'priceBelow',
        name: 'Price Below',
        category: 'Price',
        kind: 'number',
        instruments: ['STK', 'FUT.US'],
      },
      { code: 'hasOptionsIs', name: 'Has options', category: 'Other', kind: 'boolean', instruments: ['STK'] },
    ]);
  });

  it('copes with an empty document', () => {
    expect(parseScannerXml('<ScanParameterResponse/>')).toEqual({
      instruments: [],
      locations: [],
      scanTypes: [],
      filters: [],
    });
  });

  it('groups scan codes for the picker', () => {
    expect(scanGroup('TOP_PERC_GAIN')).toBe('Top movers');
    expect(scanGroup('HIGH_OPEN_GAP')).toBe('Gaps');
    expect(scanGroup('MOST_ACTIVE')).toBe('Volume');
  });
});
