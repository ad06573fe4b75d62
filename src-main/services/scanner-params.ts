// TWS's scanner-parameters XML (reqScannerParameters, often megabytes) → the app's ScannerParams, parsed once per
// session. Every scan code in the XML is kept, including the ones @stoqey/ib's ScanCode enum does not know.
import { XMLParser } from 'fast-xml-parser';
import type {
  ScanFilter,
  ScanInstrument,
  ScanLocation,
  ScannerParams,
  ScanType,
} from '../../src-shared/domain/scanner';

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'Instrument',
  'Location',
  'ScanType',
  'AbstractField',
  'RangeFilter',
  'SimpleFilter',
  'TripletFilter',
  'ComboFilter',
]);

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return text((v as Node)['#text']);
  return String(v).trim();
};
const list = (v: unknown): string[] =>
  text(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const asArray = (v: unknown): Node[] =>
  Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : [];

/** Where a scan type goes in the picker. */
export function scanGroup(code: string): string {
  if (/GAP/.test(code)) return 'Gaps';
  if (/PERC_GAIN|PERC_LOSE|TOP_|_GAIN|_LOSE|PCT_CHANGE|CHANGE/.test(code)) return 'Top movers';
  if (/VOLUME|ACTIVE|TRADE_COUNT|TRADE_RATE|DOLLAR/.test(code)) return 'Volume';
  if (/HIGH|LOW|_52W|13W|26W/.test(code)) return 'Highs and lows';
  if (/OPT|IMP_VOL|HISTORIC_VOL|PUT_CALL/.test(code)) return 'Options';
  if (/DIVIDEND|YIELD|PE_RATIO|EPS|MARKET_CAP|FUND/.test(code)) return 'Fundamentals';
  return 'Other';
}

export function parseScannerXml(xml: string): ScannerParams {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ARRAYS.has(name),
    processEntities: true,
  });
  const doc = parser.parse(xml) as Node;
  const root = (doc.ScanParameterResponse as Node | undefined) ?? doc;

  const instrumentNodes = asArray((root.InstrumentList as Node | undefined)?.Instrument);
  const instruments: ScanInstrument[] = [];
  const filtersByInstrument = new Map<string, string[]>();
  for (const n of instrumentNodes) {
    const code = text(n.type);
    if (!code || instruments.some((i) => i.code === code)) continue;
    instruments.push({
      code,
      name: text(n.name) || code,
      secType: text(n.secType) || code.split('.')[0] || code,
    });
    filtersByInstrument.set(code, list(n.filters));
  }

  const locations: ScanLocation[] = [];
  const walk = (tree: unknown): void => {
    for (const loc of asArray((tree as Node | undefined)?.Location)) {
      const code = text(loc.locationCode);
      if (code && !locations.some((l) => l.code === code))
        locations.push({ code, name: text(loc.displayName) || code, instruments: list(loc.instruments) });
      walk(loc.LocationTree);
    }
  };
  walk(root.LocationTree);

  const scanTypes: ScanType[] = [];
  for (const n of asArray((root.ScanTypeList as Node | undefined)?.ScanType)) {
    const code = text(n.scanCode);
    if (!code || scanTypes.some((s) => s.code === code)) continue;
    scanTypes.push({
      code,
      name: text(n.displayName) || code,
      group: scanGroup(code),
      instruments: list(n.instruments),
    });
  }

  const filters: ScanFilter[] = [];
  const filterList = (root.FilterList as Node | undefined) ?? {};
  for (const [kindName, nodes] of Object.entries(filterList)) {
    if (kindName.startsWith('@')) continue;
    for (const f of asArray(nodes)) {
      const id = text(f.id);
      const category = text(f.category) || 'Other';
      const usedBy = [...filtersByInstrument].filter(([, ids]) => ids.includes(id)).map(([code]) => code);
      for (const field of asArray(f.AbstractField)) {
        const code = text(field.code) || text(field.varName);
        if (!code || filters.some((x) => x.code === code)) continue;
        const type = `${text(field['@type'])} ${text(field.type)}`;
        filters.push({
          code,
          name: text(field.displayName) || text(field.abbrev) || code,
          category,
          kind: /Boolean/i.test(type)
            ? 'boolean'
            : /Double|Int|Long|Float|Number/i.test(type)
              ? 'number'
              : 'text',
          instruments: usedBy,
        });
      }
    }
  }

  return { instruments, locations, scanTypes, filters };
}
