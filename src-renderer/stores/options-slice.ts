// Options slice: the chains and expiries the option chain panes show (fetched from main, kept per underlying and
// expiry), and the option a click on a chain's bid or ask hands to the order ticket with its side and price.
import type { Instrument } from '../../src-shared/domain/instrument';
import type { OrderAction } from '../../src-shared/domain/order';
import type { OptionChain, OptionExpiry } from '../../src-shared/domain/option';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { AppErrorData } from '../../src-shared/result';
import type { Slice } from './app-store';
import { watchItemOf } from '../../src-shared/domain/workspace';

type Loaded<T> = { data: T; error: null } | { data: null; error: AppErrorData } | { data: null; error: null };

/** What a chain click hands the ticket: the option, the side (ask → BUY, bid → SELL) and the price clicked. */
export type OptionTicket = { item: WatchItem; action: OrderAction; price: number; seq: number };

export type OptionsSlice = {
  optionChains: Readonly<Record<number, Loaded<OptionChain>>>;
  /** By `expiryKey(conId, expiry)`. */
  optionExpiries: Readonly<Record<string, Loaded<OptionExpiry>>>;
  optionTicket: OptionTicket | null;
  loadOptionChain(underlying: { conId: number; symbol: string }): Promise<void>;
  /** Asks for an expiry's rows; one request at a time per expiry, and none while the rows are fresh. */
  loadOptionExpiry(
    underlying: { conId: number; symbol: string },
    expiry: string,
    tradingClass?: string,
  ): Promise<void>;
  /**
   * An underlying was picked (its details still being looked up): its chain, then the rows of the expiry a chain
   * pane will show (`preferred` when listed, else the nearest), asked for at once rather than one after the other
   * behind the lookup. The pane's own loads then find them in flight or fresh.
   */
  prefetchOptionChain(underlying: { conId: number; symbol: string }, preferred?: string): Promise<void>;
  /** Hands an option to the order ticket (and opens it): what a click on a chain's bid or ask does. */
  openOptionTicket(option: Instrument, action: OrderAction, price: number): void;
  clearOptionTicket(): void;
  /**
   * Asks again for every chain and expiry whose last answer was an error (TWS came back, or the host did): a
   * chain that failed while TWS was away must not show that error once it is back.
   */
  retryFailedOptions(): void;
};

export const expiryKey = (conId: number, expiry: string): string => `${conId}:${expiry}`;

/** Rows of an expiry fetched this recently are not asked for again (a prefetch, then the pane's own load). */
const EXPIRY_FRESH_MS = 30_000;

export const createOptionsSlice: Slice<OptionsSlice> = (set, get) => {
  let seq = 0;
  const chainsInFlight = new Map<number, Promise<void>>();
  const expiriesInFlight = new Map<string, Promise<void>>();
  /** When each expiry's rows last arrived (performance.now()). */
  const expiryFetchedAt = new Map<string, number>();
  /** The loads whose last answer was an error, by chain conId or expiry key: what retryFailedOptions asks again. */
  const failed = new Map<number | string, () => Promise<void>>();
  const noteFailure = (key: number | string, ok: boolean, retry: () => Promise<void>): void => {
    if (ok) failed.delete(key);
    else failed.set(key, retry);
  };
  /** One request per key at a time: a second caller shares the first one's. */
  const once = <K>(inFlight: Map<K, Promise<void>>, key: K, load: () => Promise<void>): Promise<void> => {
    const running = inFlight.get(key);
    if (running) return running;
    const p = load().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  };
  async function fetchExpiry(
    u: { conId: number; symbol: string },
    expiry: string,
    tradingClass: string | undefined,
  ): Promise<void> {
    const r = await get().client.invoke('options.expiry', {
      conId: u.conId,
      symbol: u.symbol,
      expiry,
      ...(tradingClass ? { tradingClass } : {}),
    });
    // The ticket and the positions learn each option's details (min tick, multiplier) from the rows.
    if (r.ok) {
      const learnt: Record<number, Instrument> = {};
      for (const row of r.value.rows) for (const o of [row.call, row.put]) if (o) learnt[o.conId] = o;
      set((s) => ({ instruments: { ...s.instruments, ...learnt } }));
    }
    set((s) => ({
      optionExpiries: {
        ...s.optionExpiries,
        [expiryKey(u.conId, expiry)]: r.ok ? { data: r.value, error: null } : { data: null, error: r.error },
      },
    }));
    if (r.ok) expiryFetchedAt.set(expiryKey(u.conId, expiry), performance.now());
    noteFailure(expiryKey(u.conId, expiry), r.ok, () => get().loadOptionExpiry(u, expiry, tradingClass));
  }
  return {
    optionChains: {},
    optionExpiries: {},
    optionTicket: null,
    loadOptionChain: (u) =>
      once(chainsInFlight, u.conId, async () => {
        const r = await get().client.invoke('options.chain', { conId: u.conId, symbol: u.symbol });
        set((s) => ({
          optionChains: {
            ...s.optionChains,
            [u.conId]: r.ok ? { data: r.value, error: null } : { data: null, error: r.error },
          },
        }));
        noteFailure(u.conId, r.ok, () => get().loadOptionChain(u));
      }),
    async prefetchOptionChain(u, preferred) {
      await get().loadOptionChain(u);
      const chain = get().optionChains[u.conId]?.data;
      if (!chain) return;
      const expiry =
        preferred !== undefined && chain.expirations.includes(preferred) ? preferred : chain.expirations[0];
      if (expiry) await get().loadOptionExpiry(u, expiry, chain.tradingClass);
    },
    loadOptionExpiry(u, expiry, tradingClass) {
      const key = expiryKey(u.conId, expiry);
      const at = expiryFetchedAt.get(key);
      if (at !== undefined && performance.now() - at < EXPIRY_FRESH_MS && get().optionExpiries[key]?.data)
        return Promise.resolve();
      return once(expiriesInFlight, key, () => fetchExpiry(u, expiry, tradingClass));
    },
    openOptionTicket(option, action, price) {
      seq += 1;
      set({ optionTicket: { item: watchItemOf(option), action, price, seq } });
      get().openPane('order-entry');
    },
    clearOptionTicket: () => set({ optionTicket: null }),
    retryFailedOptions() {
      const again = [...failed.values()];
      failed.clear();
      for (const load of again) void load();
    },
  };
};
