// The reqScannerParameters answer: an XML document in TWS's ScanParameterResponse shape (InstrumentList,
// LocationTree, ScanTypeList, FilterList), generated from the demo's scan catalog.
import { RANGE_FILTERS, SCAN_INSTRUMENTS, SCAN_LOCATIONS, SCAN_TYPES } from './scan-catalog';
import type { ScanLocation } from './scan-catalog';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function location(l: ScanLocation, indent: string): string {
  const kids = l.children?.length
    ? `${indent}  <LocationTree>\n${l.children.map((c) => location(c, `${indent}    `)).join('')}${indent}  </LocationTree>\n`
    : '';
  return (
    `${indent}<Location>\n` +
    `${indent}  <displayName>${esc(l.name)}</displayName>\n` +
    `${indent}  <locationCode>${esc(l.code)}</locationCode>\n` +
    `${indent}  <instruments>${esc(l.instrument)}</instruments>\n` +
    `${indent}  <routeExchange>SMART</routeExchange>\n` +
    `${indent}  <delayedOnly>false</delayedOnly>\n` +
    `${indent}  <access>true</access>\n` +
    kids +
    `${indent}</Location>\n`
  );
}

let cached: string | undefined;

export function scannerParametersXml(): string {
  if (cached) return cached;
  const instruments = SCAN_INSTRUMENTS.map(
    (i) =>
      `    <Instrument>\n      <name>${esc(i.name)}</name>\n      <type>${esc(i.type)}</type>\n` +
      `      <filters>${i.filters.join(',')}</filters>\n      <group>STK.GLOBAL</group>\n` +
      `      <shortName>${esc(i.type)}</shortName>\n      <cloudScanNotSupported>false</cloudScanNotSupported>\n` +
      `    </Instrument>\n`,
  ).join('');
  const scanTypes = SCAN_TYPES.map(
    (s) =>
      `    <ScanType>\n      <displayName>${esc(s.name)}</displayName>\n      <scanCode>${s.code}</scanCode>\n` +
      `      <instruments>${SCAN_INSTRUMENTS.map((i) => i.type).join(',')}</instruments>\n` +
      `      <absoluteColumns>false</absoluteColumns>\n` +
      `      <Columns varName="columns">\n        <Column>\n          <colId>${6000 + SCAN_TYPES.indexOf(s)}</colId>\n` +
      `          <name>${esc(s.column)}</name>\n          <display>true</display>\n          <section>m</section>\n` +
      `          <displayType>DATA</displayType>\n        </Column>\n      </Columns>\n` +
      `      <supportsSorting>true</supportsSorting>\n      <respSizeLimit>50</respSizeLimit>\n` +
      `      <snapshotSizeLimit>50</snapshotSizeLimit>\n      <searchDefault>false</searchDefault>\n` +
      `      <access>unrestricted</access>\n    </ScanType>\n`,
  ).join('');
  const filters = RANGE_FILTERS.map(
    (f) =>
      `    <RangeFilter>\n      <id>${f.id}</id>\n      <category>${esc(f.category)}</category>\n` +
      `      <histogram>false</histogram>\n      <access>unrestricted</access>\n` +
      f.fields
        .map(
          (fld, i) =>
            `      <AbstractField type="scanner.filter.DoubleField">\n        <code>${fld.code}</code>\n` +
            `        <displayName>${esc(fld.display)}</displayName>\n        <varName>${fld.varName}</varName>\n` +
            `        <dontAllowClearAll>false</dontAllowClearAll>\n        <abbrev>${esc(fld.display)}</abbrev>\n` +
            `        <acceptNegative>${f.id === 'CHANGEPERC'}</acceptNegative>\n` +
            `        <dontAllowNegative>${f.id !== 'CHANGEPERC'}</dontAllowNegative>\n` +
            `        <skipValidation>false</skipValidation>\n        <master>${i === 0}</master>\n` +
            `        <narrowInputField>false</narrowInputField>\n        <fraction>true</fraction>\n` +
            `      </AbstractField>\n`,
        )
        .join('') +
      `    </RangeFilter>\n`,
  ).join('');
  const stockTypes =
    `    <SimpleFilter>\n      <id>STKTYPE</id>\n      <category>Instrument</category>\n      <access>unrestricted</access>\n` +
    `      <AbstractField type="scanner.filter.ComboField">\n        <code>stkTypes</code>\n` +
    `        <displayName>Stock type</displayName>\n        <varName>stockTypeFilter</varName>\n` +
    `        <ComboValues>\n          <ComboValue><code>ALL</code><displayName>All</displayName><default>true</default></ComboValue>\n` +
    `          <ComboValue><code>CORP</code><displayName>Corporate</displayName><default>false</default></ComboValue>\n` +
    `          <ComboValue><code>ETF</code><displayName>ETF</displayName><default>false</default></ComboValue>\n` +
    `          <ComboValue><code>REIT</code><displayName>REIT</displayName><default>false</default></ComboValue>\n` +
    `        </ComboValues>\n      </AbstractField>\n    </SimpleFilter>\n`;
  cached =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ScanParameterResponse>\n` +
    `  <InstrumentList varName="fullInstrumentList">\n${instruments}  </InstrumentList>\n` +
    `  <LocationTree varName="locationTree">\n${SCAN_LOCATIONS.map((l) => location(l, '    ')).join('')}  </LocationTree>\n` +
    `  <ScanTypeList varName="scanTypeList">\n${scanTypes}  </ScanTypeList>\n` +
    `  <FilterList varName="filterList">\n${filters}${stockTypes}  </FilterList>\n` +
    `</ScanParameterResponse>\n`;
  return cached;
}
