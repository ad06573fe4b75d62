// Instruments slice: contract details by conId (min tick, name, multiplier…), fetched once, and symbol search.
import type { Instrument, SymbolMatch } from '../../src-shared/domain/instrument';
import { SecType } from '../../src-shared/domain/instrument';
import { watchItemOf, type WatchItem } from '../../src-shared/domain/workspace';
import type { Result } from '../../src-shared/result';
import type { Slice } from './app-store';

export type InstrumentsSlice = {
  instruments: Readonly<Record<number, Instrument>>;
  loadInstrument(conId: number): Promise<Instrument | null>;
  searchSymbols(pattern: string): Promise<Result<SymbolMatch[]>>;
  /** A search match resolved to a reference every pane can use (with its details cached). */
  resolveMatch(match: SymbolMatch): Promise<WatchItem | null>;
};

/** Pure: a reference from a search match alone (used when details cannot be had). */
function refFromMatch(m: SymbolMatch): WatchItem {
  const secType = SecType.safeParse(m.secType);
  return {
    conId: m.conId,
    symbol: m.symbol,
    secType: secType.success ? secType.data : 'STK',
    exchange: 'SMART',
    primaryExchange: m.primaryExchange || undefined,
    currency: m.currency,
  };
}

export const createInstrumentsSlice: Slice<InstrumentsSlice> = (set, get) => {
  const inflight = new Map<number, Promise<Instrument | null>>();
  return {
    instruments: {},
    loadInstrument(conId) {
      const known = get().instruments[conId];
      if (known) return Promise.resolve(known);
      let p = inflight.get(conId);
      if (!p) {
        p = get()
          .client.invoke('contracts.details', { conId })
          .then((r) => {
            inflight.delete(conId);
            const i = r.ok ? r.value[0] : undefined;
            if (!i) return null;
            set((s) => ({ instruments: { ...s.instruments, [i.conId]: i } }));
            return i;
          });
        inflight.set(conId, p);
      }
      return p;
    },
    searchSymbols: (pattern) => get().client.invoke('contracts.search', { pattern }),
    async resolveMatch(match) {
      const i = await get().loadInstrument(match.conId);
      return i ? watchItemOf(i) : refFromMatch(match);
    },
  };
};
