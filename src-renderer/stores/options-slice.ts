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
  loadOptionExpiry(
    underlying: { conId: number; symbol: string },
    expiry: string,
    tradingClass?: string,
  ): Promise<void>;
  /** Hands an option to the order ticket (and opens it): what a click on a chain's bid or ask does. */
  openOptionTicket(option: Instrument, action: OrderAction, price: number): void;
  clearOptionTicket(): void;
};

export const expiryKey = (conId: number, expiry: string): string => `${conId}:${expiry}`;

export const createOptionsSlice: Slice<OptionsSlice> = (set, get) => {
  let seq = 0;
  return {
    optionChains: {},
    optionExpiries: {},
    optionTicket: null,
    async loadOptionChain(u) {
      const r = await get().client.invoke('options.chain', { conId: u.conId, symbol: u.symbol });
      set((s) => ({
        optionChains: {
          ...s.optionChains,
          [u.conId]: r.ok ? { data: r.value, error: null } : { data: null, error: r.error },
        },
      }));
    },
    async loadOptionExpiry(u, expiry, tradingClass) {
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
          [expiryKey(u.conId, expiry)]: r.ok
            ? { data: r.value, error: null }
            : { data: null, error: r.error },
        },
      }));
    },
    openOptionTicket(option, action, price) {
      seq += 1;
      set({ optionTicket: { item: watchItemOf(option), action, price, seq } });
      get().openPane('order-entry');
    },
    clearOptionTicket: () => set({ optionTicket: null }),
  };
};
