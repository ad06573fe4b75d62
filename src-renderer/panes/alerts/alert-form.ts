// The alert form as text fields, and the way to and from an alert: the input main parses with the Alert schema,
// and that schema's issues (checked here before sending, or answered by main) as messages under their fields.
import { Alert, type AlertInput } from '../../../src-shared/domain/alerts';
import type { BarSize } from '../../../src-shared/domain/bar';
import { studyLabel } from '../../../src-shared/domain/studies';
import type { AppErrorData } from '../../../src-shared/result';
import type { LinkGroup, WatchItem } from '../../../src-shared/domain/workspace';

/** The kinds the form sets (scanner alerts are set from a Scanner pane's "Alert on entries"). */
export const FORM_KINDS = [
  { kind: 'price-cross', label: 'Price crosses', value: 'Level' },
  { kind: 'price-touch', label: 'Price touches', value: 'Level' },
  { kind: 'study-level', label: 'A study crosses a level', value: 'Level' },
  { kind: 'price-study-cross', label: 'Price crosses a study', value: null },
  { kind: 'day-change', label: '% change on the day', value: 'Percent' },
  { kind: 'volume-above', label: 'Volume above', value: 'Volume' },
  { kind: 'fill', label: 'A fill', value: null },
  { kind: 'connection-lost', label: 'Connection lost for', value: 'Seconds' },
] as const;
export type FormKind = (typeof FORM_KINDS)[number]['kind'];

export type AlertFormFields = {
  kind: FormKind;
  symbol: WatchItem | null;
  /** The level, percent, volume or seconds, as typed. */
  value: string;
  /** price-cross: up/down/either; day-change: above/below. */
  direction: string;
  repeat: 'once' | 'rearm';
  cooldown: string;
  linkGroup: LinkGroup;
  note: string;
  sound: boolean;
  /** Study alerts: which study, its period and the bar size of the series it reads, as typed. */
  study: FormStudy;
  period: string;
  barSize: BarSize;
};

export type FieldName = 'symbol' | 'value' | 'direction' | 'cooldown' | 'note' | 'study' | 'form';

/** Studies a study alert offers: those with one period (RSI > 70, price crosses the 20 EMA…). */
export const FORM_STUDIES = ['rsi', 'ema', 'sma', 'atr', 'bollinger', 'volume-average'] as const;
type FormStudy = (typeof FORM_STUDIES)[number];
/** Price crosses a study: the studies drawn over the price. */
export const PRICE_STUDIES: readonly FormStudy[] = ['ema', 'sma', 'bollinger'];
const isStudyKind = (k: FormKind) => k === 'study-level' || k === 'price-study-cross';

const VALUE_KEY: Record<FormKind, string | null> = {
  'price-cross': 'level',
  'price-touch': 'level',
  'study-level': 'level',
  'price-study-cross': null,
  'day-change': 'percent',
  'volume-above': 'volume',
  fill: null,
  'connection-lost': 'seconds',
};

export function needsSymbol(kind: FormKind): boolean {
  return kind !== 'connection-lost' && kind !== 'fill';
}

export function directionsOf(kind: FormKind): readonly string[] {
  if (kind === 'price-cross' || kind === 'price-study-cross') return ['either', 'up', 'down'];
  if (kind === 'study-level') return ['up', 'down', 'either'];
  if (kind === 'day-change') return ['above', 'below'];
  return [];
}

/** A blank form on a symbol (the last price as the level when there is one). */
export function newForm(symbol: WatchItem | null, last: number | null = null): AlertFormFields {
  return {
    kind: symbol ? 'price-cross' : 'connection-lost',
    symbol,
    value: symbol ? (last !== null ? String(last) : '') : '30',
    direction: 'either',
    repeat: 'once',
    cooldown: '300',
    linkGroup: 'red',
    note: '',
    sound: false,
    study: 'rsi',
    period: '14',
    barSize: '5 mins',
  };
}

/** The form of an existing alert (of a kind the form offers). */
export function formOf(a: Alert): AlertFormFields | null {
  const kind = FORM_KINDS.find((k) => k.kind === a.kind)?.kind;
  if (!kind) return null;
  const key = VALUE_KEY[kind];
  const rec = a as Record<string, unknown>;
  return {
    kind,
    symbol: 'symbol' in a && a.symbol ? { ...a.symbol } : null,
    value: key !== null ? String(rec[key] ?? '') : '',
    direction: typeof rec.direction === 'string' ? rec.direction : 'either',
    repeat: a.repeat.mode,
    cooldown: a.repeat.mode === 'rearm' ? String(a.repeat.cooldownSeconds) : '300',
    linkGroup: a.linkGroup,
    note: a.note,
    sound: a.sound,
    ...studyFieldsOf(a),
  };
}

function studyFieldsOf(a: Alert): Pick<AlertFormFields, 'study' | 'period' | 'barSize'> {
  if (a.kind !== 'study-level' && a.kind !== 'price-study-cross')
    return { study: 'rsi', period: '14', barSize: '5 mins' };
  const params = a.study.params as { period?: number };
  const study = (FORM_STUDIES as readonly string[]).includes(a.study.kind)
    ? (a.study.kind as FormStudy)
    : 'rsi';
  return { study, period: String(params.period ?? ''), barSize: a.barSize };
}

/** Text → number for the schema: empty is absent, anything else a number (NaN is the schema's to refuse). */
function num(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

/** The alert's fields as main takes them (`alerts.create` / `alerts.update`). */
export function toInput(f: AlertFormFields): Record<string, unknown> {
  const input: Record<string, unknown> = {
    kind: f.kind,
    note: f.note,
    linkGroup: f.linkGroup,
    sound: f.sound,
    repeat: f.repeat === 'once' ? { mode: 'once' } : { mode: 'rearm', cooldownSeconds: num(f.cooldown) },
  };
  if (needsSymbol(f.kind) || (f.kind === 'fill' && f.symbol)) input.symbol = f.symbol ?? undefined;
  const key = VALUE_KEY[f.kind];
  if (key !== null) input[key] = num(f.value);
  if (directionsOf(f.kind).length > 0) input.direction = f.direction;
  if (isStudyKind(f.kind)) {
    input.study = { kind: f.study, params: { period: num(f.period) } };
    input.barSize = f.barSize;
  }
  return input;
}

/** Which field of the form an issue of the Alert schema (or of main's answer) belongs to. */
function fieldOf(path: string): FieldName {
  const head = path.split('.')[0] ?? '';
  if (head === 'symbol') return 'symbol';
  if (['level', 'percent', 'volume', 'seconds'].includes(head)) return 'value';
  if (head === 'direction') return 'direction';
  if (head === 'repeat') return 'cooldown';
  if (head === 'note') return 'note';
  if (head === 'study' || head === 'barSize' || head === 'line') return 'study';
  return 'form';
}

/** The first message per field. */
export function fieldErrors(issues: AppErrorData['issues']): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const i of issues ?? []) out[fieldOf(i.path)] ??= i.message;
  return out;
}

/** Checks the form with the Alert schema before anything is sent: the same messages main would answer. */
export function checkForm(f: AlertFormFields): Partial<Record<FieldName, string>> {
  if (needsSymbol(f.kind) && !f.symbol) return { symbol: 'Pick a symbol' };
  const r = Alert.safeParse({ ...toInput(f), id: 'draft', createdAt: 0 } as AlertInput);
  if (r.success) return {};
  return fieldErrors(r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/** The alert's condition in a few words, for the list. */
export function describeAlert(a: Alert): string {
  const sym = 'symbol' in a && a.symbol ? `${a.symbol.symbol} ` : '';
  switch (a.kind) {
    case 'price-cross':
      return `${sym}${a.price} crosses ${a.direction === 'either' ? '' : `${a.direction} `}${a.level}`;
    case 'price-touch':
      return `${sym}${a.price} touches ${a.level}`;
    case 'day-change':
      return `${sym}day change ${a.direction} ${a.percent} %`;
    case 'volume-above':
      return `${sym}volume above ${a.volume.toLocaleString('en-US')}`;
    case 'fill':
      return a.symbol ? `a fill in ${a.symbol.symbol}` : 'any fill';
    case 'connection-lost':
      return `connection lost for more than ${a.seconds} s`;
    case 'study-level':
      return `${sym}${studyLabel(a.study)}${a.line ? ` ${a.line}` : ''} ${a.direction === 'down' ? 'below' : a.direction === 'up' ? 'above' : 'crosses'} ${a.level} (${a.barSize})`;
    case 'price-study-cross':
      return `${sym}price crosses ${a.direction === 'either' ? '' : `${a.direction} `}its ${studyLabel(a.study)} (${a.barSize})`;
    case 'volume-vs-average':
      return `${sym}bar volume above ${a.factor}× its ${a.period}-bar average (${a.barSize})`;
    case 'scanner':
      return `${a.symbol ? sym : 'a symbol '}${a.event}s the top ${a.top} of ${a.scanCode}`;
  }
}
