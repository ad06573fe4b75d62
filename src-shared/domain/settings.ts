// Profiles (where to connect) and settings (how the app behaves), with the defaults of a first run.
import { z } from 'zod';
import { AccountChoices } from './accounts';
import { Keymap } from './hotkeys';
import { RecordingChoices } from './recording';
import { uniqueSlugId } from '../slug-id';

const ProfileKind = z.enum(['demo', 'tws', 'gateway', 'replay']);
type ProfileKind = z.infer<typeof ProfileKind>;

const Host = z
  .string()
  .trim()
  .min(1, 'host is empty')
  .max(253)
  .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'host must be a host name or an IP address');

export const OrderLimits = z.strictObject({
  /** Largest quantity one ticket may carry. */
  maxQuantity: z.number().positive().max(10_000_000),
  /** Largest estimated value of one ticket, in the instrument's currency. */
  maxNotional: z.number().positive().max(1e10),
  /** How far (in %) a limit or stop may sit from the last price before the ticket is refused. */
  priceBandPct: z.number().positive().max(1000),
});
export type OrderLimits = z.infer<typeof OrderLimits>;

export const DEFAULT_LIMITS: OrderLimits = { maxQuantity: 1000, maxNotional: 100_000, priceBandPct: 10 };

export const Profile = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'profile id must be lowercase letters, digits and dashes'),
    name: z.string().trim().min(1, 'name is empty').max(40, 'name is too long'),
    kind: ProfileKind,
    host: Host,
    /** 0 only for the demo and replay profiles: the embedded gateway picks a free port. */
    port: z.number().int().min(0).max(65535),
    clientId: z.number().int().min(0).max(999_999_999),
    readOnly: z.boolean(),
    limits: OrderLimits,
    /** A replay profile's recording (.ibdrec), played by the embedded gateway. */
    recording: z.string().min(1).max(4096).optional(),
    /** The trader's own hotkeys (an older file without them reads as none). */
    hotkeys: Keymap.default([]),
  })
  .refine((p) => p.kind === 'demo' || p.kind === 'replay' || p.port > 0, {
    message: 'port must be 1…65535',
    path: ['port'],
  })
  .refine((p) => p.kind !== 'replay' || p.recording !== undefined, {
    message: 'a replay profile needs a recording',
    path: ['recording'],
  });
export type Profile = z.infer<typeof Profile>;

/** What the profile dialog sends: an id is assigned when it is missing. */
export const ProfileInput = z.strictObject({
  id: Profile.shape.id.optional(),
  name: Profile.shape.name,
  kind: ProfileKind.exclude(['demo', 'replay']).default('tws'),
  host: Host.default('127.0.0.1'),
  port: z.number().int().min(1, 'port must be 1…65535').max(65535, 'port must be 1…65535'),
  clientId: z.number().int().min(0).max(999_999_999).default(1),
  readOnly: z.boolean().default(false),
  limits: OrderLimits.default(DEFAULT_LIMITS),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const DEMO_PROFILE_ID = 'demo';
/** The one Replay profile: `replay.open` points it at a recording and makes it active. */
export const REPLAY_PROFILE_ID = 'replay';

export function defaultProfiles(): Profile[] {
  const p = (id: string, name: string, kind: ProfileKind, port: number): Profile => ({
    id,
    name,
    kind,
    host: '127.0.0.1',
    port,
    clientId: 1,
    readOnly: false,
    limits: { ...DEFAULT_LIMITS },
    hotkeys: [],
  });
  return [
    p(DEMO_PROFILE_ID, 'Demo', 'demo', 0),
    p('tws-paper', 'Paper (TWS)', 'tws', 7497),
    p('tws-live', 'Live (TWS)', 'tws', 7496),
    p('gateway-paper', 'Paper (IB Gateway)', 'gateway', 4002),
    p('gateway-live', 'Live (IB Gateway)', 'gateway', 4001),
  ];
}

export const Theme = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof Theme>;

/** Market data type asked of TWS (reqMarketDataType 1–4). */
export const MarketDataType = z.enum(['live', 'frozen', 'delayed', 'delayed-frozen']);
export type MarketDataType = z.infer<typeof MarketDataType>;

export const Preferences = z.strictObject({
  theme: Theme,
  /** Ask before every order (on by default). */
  confirmOrders: z.boolean(),
  /** Market-data line budget: TWS accounts get 100 lines unless they buy more. */
  marketDataLines: z.number().int().min(1).max(10_000),
  marketDataType: MarketDataType,
  /** Per profile: the account the screen shows and the one the ticket trades (logins with several accounts).
   *  Optional, never defaulted: a settings patch without it must leave it as it is. */
  accounts: AccountChoices.optional(),
  /** Per profile: "Record this session" (absent: off). Optional for the same reason as `accounts`. */
  recording: RecordingChoices.optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const SETTINGS_VERSION = 1;

export const Settings = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  activeProfileId: z.string(),
  profiles: z.array(Profile).min(1),
  preferences: Preferences,
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    activeProfileId: DEMO_PROFILE_ID,
    profiles: defaultProfiles(),
    preferences: { theme: 'dark', confirmOrders: true, marketDataLines: 100, marketDataType: 'live' },
  };
}

/** A new profile id from its name, unique among `taken`. */
export function profileIdFor(name: string, taken: readonly string[]): string {
  return uniqueSlugId(name, taken, 'profile');
}
