// Alerts as data: one zod schema per kind (price, day change, volume, study, scanner, fill, connection), the fields
// every alert shares, the observations the evaluator consumes, and what a firing reports.
import { z } from 'zod';
import { AppError } from '../result';
import { BarSize, type Bar } from './bar';
import type { ConnectionState } from './connection';
import { ContractRef } from './instrument';
import { LinkGroup } from './workspace';
import type { OrderAction } from './order';
import type { Quote } from './quote';
import { Period, StudySpec, studyLines } from './studies';
import { parseOrThrow } from './validate';

/** The instrument an alert watches: a contract reference whose conId is known, since observations carry conIds. */
const AlertSymbol = ContractRef.extend({
  conId: z
    .number({
      error: (issue) =>
        issue.input === undefined ? 'conId is required: resolve the symbol first' : 'conId must be a number',
    })
    .int()
    .positive(),
});
type AlertSymbol = z.infer<typeof AlertSymbol>;

const Level = z.number({ error: 'the level must be a number' });
const Direction = z.enum(['up', 'down', 'either']);
/** Which price of a quote a price alert reads. */
const PriceSource = z.enum(['last', 'bid', 'ask', 'mid']);

/** `once`: fires one time, then stays spent. `rearm`: fires again on a later crossing once the cooldown is over. */
const AlertRepeat = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('once') }),
  z.strictObject({
    mode: z.literal('rearm'),
    cooldownSeconds: z
      .number({ error: 'the cooldown must be a number of seconds' })
      .int()
      .min(0)
      .max(7 * 86_400),
  }),
]);
type AlertRepeat = z.infer<typeof AlertRepeat>;

const common = {
  id: z.string().min(1).max(64),
  note: z.string().max(500).default(''),
  /** False = paused: observations are ignored and the alert arms afresh when resumed. */
  enabled: z.boolean().default(true),
  repeat: AlertRepeat.prefault({ mode: 'once' }),
  /** Epoch ms. */
  createdAt: z.number().int().nonnegative(),
  /** Epoch ms of the last firing; a `once` alert with a firing is spent. */
  lastFiredAt: z.number().int().nullable().default(null),
  /** The color group whose panes show the alert's symbol when it fires ('none': no pane changes). */
  linkGroup: LinkGroup.default('none'),
  /** The windows play a sound when it fires (besides the toast and the OS notification). */
  sound: z.boolean().default(false),
};

const studyFields = {
  barSize: BarSize.default('1 min'),
  study: StudySpec,
  /** Which line of the study (Bollinger `upper`, MACD `signal`…); the study's first line when absent. */
  line: z.string().optional(),
};

const PriceCrossAlert = z.strictObject({
  ...common,
  kind: z.literal('price-cross'),
  symbol: AlertSymbol,
  level: Level,
  direction: Direction.default('either'),
  price: PriceSource.default('last'),
});

const PriceTouchAlert = z.strictObject({
  ...common,
  kind: z.literal('price-touch'),
  symbol: AlertSymbol,
  level: Level,
  price: PriceSource.default('last'),
});

const DayChangeAlert = z.strictObject({
  ...common,
  kind: z.literal('day-change'),
  symbol: AlertSymbol,
  /** Change from the previous close, in percent (5 = +5 %). */
  percent: z.number({ error: 'the percentage must be a number' }),
  direction: z.enum(['above', 'below']),
});

const VolumeAboveAlert = z.strictObject({
  ...common,
  kind: z.literal('volume-above'),
  symbol: AlertSymbol,
  /** The day's volume, as the quote reports it. */
  volume: z.number({ error: 'the volume must be a number' }).positive(),
});

const VolumeAverageAlert = z.strictObject({
  ...common,
  kind: z.literal('volume-vs-average'),
  symbol: AlertSymbol,
  barSize: BarSize.default('1 min'),
  /** The average is over the `period` bars before the live one: the live bar does not raise its own bar. */
  period: Period.default(20),
  factor: z.number({ error: 'the factor must be a number' }).gt(0, 'the factor must be above 0').default(1),
});

const StudyLevelAlert = z.strictObject({
  ...common,
  ...studyFields,
  kind: z.literal('study-level'),
  symbol: AlertSymbol,
  level: Level,
  direction: Direction.default('up'),
});

const PriceStudyAlert = z.strictObject({
  ...common,
  ...studyFields,
  kind: z.literal('price-study-cross'),
  symbol: AlertSymbol,
  direction: Direction.default('either'),
});

const ScannerAlert = z.strictObject({
  ...common,
  kind: z.literal('scanner'),
  /** Absent: any symbol ("tell me when something enters the top N"). */
  symbol: AlertSymbol.optional(),
  scanCode: z.string().regex(/^[A-Z0-9_]{2,64}$/, 'scan code must be a TWS scan code like TOP_PERC_GAIN'),
  top: z.number().int().min(1).max(50).default(10),
  event: z.enum(['enter', 'leave']),
});

const FillAlert = z.strictObject({
  ...common,
  kind: z.literal('fill'),
  /** Absent: any fill. */
  symbol: AlertSymbol.optional(),
});

const ConnectionLostAlert = z.strictObject({
  ...common,
  kind: z.literal('connection-lost'),
  seconds: z.number({ error: 'the duration must be a number of seconds' }).int().min(1).max(86_400),
});

export const Alert = z
  .discriminatedUnion('kind', [
    PriceCrossAlert,
    PriceTouchAlert,
    DayChangeAlert,
    VolumeAboveAlert,
    VolumeAverageAlert,
    StudyLevelAlert,
    PriceStudyAlert,
    ScannerAlert,
    FillAlert,
    ConnectionLostAlert,
  ])
  .superRefine((a, ctx) => {
    if ((a.kind === 'study-level' || a.kind === 'price-study-cross') && a.line !== undefined) {
      const lines = studyLines[a.study.kind];
      if (!lines.includes(a.line))
        ctx.addIssue({
          code: 'custom',
          path: ['line'],
          message: `${a.study.kind} has the lines ${lines.join(', ')}, not ${a.line}`,
        });
    }
  });
export type Alert = z.infer<typeof Alert>;
export type AlertInput = z.input<typeof Alert>;
type AlertKind = Alert['kind'];

/**
 * A validated alert, or AppError('VALIDATION') naming every bad field (a level that is not a number, a study
 * period of 0, a missing conId…); with `knownConId`, AppError('NOT_FOUND') for a conId no one knows.
 */
export function parseAlert(input: unknown, opts: { knownConId?: (conId: number) => boolean } = {}): Alert {
  const alert = parseOrThrow(Alert, input, 'alert');
  const symbol = 'symbol' in alert ? alert.symbol : undefined;
  if (symbol && opts.knownConId && !opts.knownConId(symbol.conId))
    throw new AppError('NOT_FOUND', `alert: unknown symbol ${symbol.symbol} (conId ${symbol.conId})`, {
      issues: [{ path: 'symbol.conId', message: 'no instrument has this conId' }],
    });
  return alert;
}

/**
 * What the evaluator is shown. `at` is when the app received it (epoch ms, the injected clock). `replay` marks data
 * that is not news: history loaded at start, executions asked for again after a reconnect; it never fires.
 */
type Observed = { readonly at: number; readonly replay?: boolean };

export type QuoteObservation = Observed & {
  readonly type: 'quote';
} & Pick<Quote, 'conId' | 'last' | 'bid' | 'ask' | 'volume' | 'close'>;

/** A bar of a series: a new bar or the live bar revised. Replayed (historical) bars still feed the studies. */
export type BarObservation = Observed & {
  readonly type: 'bar';
  readonly conId: number;
  readonly barSize: BarSize;
  readonly bar: Bar;
};

/** A scanner snapshot: the conIds in rank order, and their symbols (same order) for the firing's words. */
type ScanObservation = Observed & {
  readonly type: 'scan';
  readonly scanCode: string;
  readonly conIds: readonly number[];
  readonly symbols?: readonly string[];
};

type ExecutionObservation = Observed & {
  readonly type: 'execution';
  readonly execId: string;
  readonly conId: number | null;
  readonly symbol: string;
  readonly side: OrderAction;
  readonly shares: number;
  readonly price: number;
  /** When it executed, epoch ms. */
  readonly time: number;
};

/** A change of the connection's state (the engine ignores a repeat of the current state). */
export type ConnectionObservation = {
  readonly type: 'connection';
  readonly at: number;
  readonly state: ConnectionState;
};

/** The passing of time, for alerts that fire on a duration (connection lost for more than N s). */
export type ClockObservation = { readonly type: 'clock'; readonly at: number };

export type Observation =
  | QuoteObservation
  | BarObservation
  | ScanObservation
  | ExecutionObservation
  | ConnectionObservation
  | ClockObservation;

export type AlertFiring = {
  readonly alertId: string;
  readonly kind: AlertKind;
  readonly conId: number | null;
  readonly at: number;
  /** The number that crossed (price, %, volume, study value), when there is one. */
  readonly value: number | null;
  /** Plain words for the notification and the log. */
  readonly text: string;
  /** The alert with `lastFiredAt` set: what to persist. */
  readonly alert: Alert;
};

/** What an alert's line is doing: `no-line` = over the market-data line budget, so the alert is not watched. */
const AlertWatch = z.enum(['watching', 'waiting', 'no-line', 'paused', 'spent']);

/** An alert as the Alerts pane lists it: the alert, whether it is watched, and why not in plain words. */
export const AlertView = z.object({
  alert: Alert,
  watch: AlertWatch,
  note: z.string().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

/** One firing, as the history keeps it and the `alerts.fired` event carries it. */
export const AlertFired = z.object({
  alertId: z.string(),
  kind: z.string(),
  conId: z.number().int().nullable(),
  symbol: z.string().nullable(),
  linkGroup: LinkGroup,
  at: z.number().int(),
  value: z.number().nullable(),
  text: z.string(),
  /** The alert asked for a sound. */
  sound: z.boolean().default(false),
});
export type AlertFired = z.infer<typeof AlertFired>;

/** The history entry of a firing. */
export function firedEntry(f: AlertFiring): AlertFired {
  const symbol = 'symbol' in f.alert && f.alert.symbol ? f.alert.symbol.symbol : null;
  return {
    alertId: f.alertId,
    kind: f.kind,
    conId: f.conId,
    symbol,
    linkGroup: f.alert.linkGroup,
    at: f.at,
    value: f.value,
    text: f.text,
    sound: f.alert.sound,
  };
}
