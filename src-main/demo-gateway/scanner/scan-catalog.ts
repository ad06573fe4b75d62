// What the demo's scanner offers: instruments, locations, scan codes and filters. The parameters XML and the scan
// engine are both built from this list, so everything advertised can be run.

export interface ScanInstrument {
  type: string;
  name: string;
  filters: string[];
}

export interface ScanLocation {
  code: string;
  name: string;
  instrument: string;
  /** Primary exchanges the location covers (empty: all). */
  exchanges: string[];
  children?: ScanLocation[];
}

export interface ScanType {
  code: string;
  name: string;
  /** Column shown with the results (TWS "Columns" of the scan type). */
  column: string;
}

export interface RangeFilter {
  id: string;
  category: string;
  fields: { code: string; display: string; varName: string }[];
}

export const SCAN_INSTRUMENTS: ScanInstrument[] = [
  {
    type: 'STK',
    name: 'US Stocks',
    filters: ['PRICE', 'PRICE_USD', 'VOLUME', 'VOLUME_USD', 'AVGVOLUME', 'MKTCAP', 'CHANGEPERC', 'STKTYPE'],
  },
  {
    type: 'ETF.EQ.US',
    name: 'US Equity ETFs',
    filters: ['PRICE', 'PRICE_USD', 'VOLUME', 'VOLUME_USD', 'AVGVOLUME', 'CHANGEPERC'],
  },
];

export const SCAN_LOCATIONS: ScanLocation[] = [
  {
    code: 'STK.US',
    name: 'US Stocks',
    instrument: 'STK',
    exchanges: [],
    children: [
      {
        code: 'STK.US.MAJOR',
        name: 'Listed/NASDAQ',
        instrument: 'STK',
        exchanges: ['NYSE', 'NASDAQ', 'ARCA', 'BATS', 'AMEX'],
      },
      { code: 'STK.NYSE', name: 'NYSE', instrument: 'STK', exchanges: ['NYSE'] },
      { code: 'STK.NASDAQ', name: 'NASDAQ', instrument: 'STK', exchanges: ['NASDAQ'] },
      { code: 'STK.ARCA', name: 'NYSE Arca', instrument: 'STK', exchanges: ['ARCA'] },
      { code: 'STK.BATS', name: 'Cboe BZX', instrument: 'STK', exchanges: ['BATS'] },
    ],
  },
  {
    code: 'ETF.EQ.US',
    name: 'US Equity ETFs',
    instrument: 'ETF.EQ.US',
    exchanges: [],
    children: [
      { code: 'ETF.EQ.US.MAJOR', name: 'US Equity ETFs (major)', instrument: 'ETF.EQ.US', exchanges: [] },
    ],
  },
];

export const SCAN_TYPES: ScanType[] = [
  { code: 'TOP_PERC_GAIN', name: 'Top % Gainers', column: 'Change %' },
  { code: 'TOP_PERC_LOSE', name: 'Top % Losers', column: 'Change %' },
  { code: 'MOST_ACTIVE', name: 'Most Active', column: 'Volume' },
  { code: 'MOST_ACTIVE_USD', name: 'Most Active ($)', column: 'Trade Value' },
  { code: 'HOT_BY_VOLUME', name: 'Hot Contracts by Volume', column: 'Volume Rate' },
  { code: 'HOT_BY_PRICE', name: 'Hot Contracts by Price', column: 'Price Change (5 min) %' },
  { code: 'HIGH_OPEN_GAP', name: 'Top Close-to-Open % Gainers', column: 'Open Gap %' },
  { code: 'LOW_OPEN_GAP', name: 'Top Close-to-Open % Losers', column: 'Open Gap %' },
  { code: 'TOP_TRADE_COUNT', name: 'Top Trade Count', column: 'Trade Count' },
  { code: 'TOP_PRICE_RANGE', name: 'Top Price Range', column: 'Price Range %' },
];

export const RANGE_FILTERS: RangeFilter[] = [
  {
    id: 'PRICE',
    category: 'Price',
    fields: [
      { code: 'priceAbove', display: 'Price above', varName: 'abovePrice' },
      { code: 'priceBelow', display: 'Price below', varName: 'belowPrice' },
    ],
  },
  {
    id: 'PRICE_USD',
    category: 'Price',
    fields: [
      { code: 'usdPriceAbove', display: 'Price above ($)', varName: 'usdPriceAbove' },
      { code: 'usdPriceBelow', display: 'Price below ($)', varName: 'usdPriceBelow' },
    ],
  },
  {
    id: 'VOLUME',
    category: 'Volume',
    fields: [
      { code: 'volumeAbove', display: 'Volume above', varName: 'aboveVolume' },
      { code: 'volumeBelow', display: 'Volume below', varName: 'belowVolume' },
    ],
  },
  {
    id: 'VOLUME_USD',
    category: 'Volume',
    fields: [{ code: 'usdVolumeAbove', display: 'Trade value above ($)', varName: 'usdVolumeAbove' }],
  },
  {
    id: 'AVGVOLUME',
    category: 'Volume',
    fields: [{ code: 'avgVolumeAbove', display: 'Average volume above', varName: 'avgVolumeAbove' }],
  },
  {
    id: 'MKTCAP',
    category: 'Fundamentals',
    fields: [
      { code: 'marketCapAbove1e6', display: 'Market cap above ($M)', varName: 'marketCapAbove' },
      { code: 'marketCapBelow1e6', display: 'Market cap below ($M)', varName: 'marketCapBelow' },
    ],
  },
  {
    id: 'CHANGEPERC',
    category: 'Price',
    fields: [
      { code: 'changePercAbove', display: 'Change % above', varName: 'changePercAbove' },
      { code: 'changePercBelow', display: 'Change % below', varName: 'changePercBelow' },
    ],
  },
];
