// Contracts: symbol search (reqMatchingSymbols), contract details, and a cache by conId so panes, the order ticket
// and the CLI resolve an instrument once per session.
import type { ContractRef, Instrument, SymbolMatch } from '../../src-shared/domain/instrument';
import { AppError } from '../../src-shared/result';
import type { Logger } from '../../src-shared/logger';
import type { Tws } from '../ib/adapter';

export interface Contracts {
  search(pattern: string): Promise<SymbolMatch[]>;
  details(ref: Partial<ContractRef> & { conId?: number | undefined }): Promise<Instrument[]>;
  /** One instrument for a reference: by conId (cached) or the first STK/primary match of a symbol. */
  resolve(ref: Partial<ContractRef> & { conId?: number | undefined }): Promise<Instrument>;
  cached(conId: number): Instrument | undefined;
  /** Remembers instruments learnt elsewhere (scanner rows, positions). */
  remember(instruments: Instrument[]): void;
}

export function createContracts(deps: { tws: Tws; log: Logger }): Contracts {
  const { tws } = deps;
  const byConId = new Map<number, Instrument>();
  const bySymbol = new Map<string, Instrument[]>();
  const searches = new Map<string, { at: number; matches: SymbolMatch[] }>();

  const symbolKey = (ref: Partial<ContractRef>) =>
    [
      ref.symbol?.toUpperCase(),
      ref.secType ?? 'STK',
      ref.exchange ?? 'SMART',
      ref.currency ?? 'USD',
      ref.primaryExchange ?? '',
      ref.lastTradeDateOrContractMonth ?? '',
    ].join('|');

  function remember(list: Instrument[]): void {
    for (const i of list) byConId.set(i.conId, i);
  }

  async function details(ref: Partial<ContractRef> & { conId?: number | undefined }): Promise<Instrument[]> {
    if (ref.conId) {
      const hit = byConId.get(ref.conId);
      if (hit) return [hit];
    } else {
      const hit = bySymbol.get(symbolKey(ref));
      if (hit) return hit;
    }
    const list = await tws.contractDetails(ref);
    remember(list);
    if (!ref.conId) bySymbol.set(symbolKey(ref), list);
    return list;
  }

  async function resolve(ref: Partial<ContractRef> & { conId?: number | undefined }): Promise<Instrument> {
    const list = await details(ref);
    if (list.length === 0)
      throw new AppError('NOT_FOUND', `TWS knows no instrument for ${ref.symbol ?? `conId ${ref.conId}`}`);
    // SMART-routed US stocks come back once per listing: prefer the primary exchange's, else the first.
    const wantedPrimary = ref.primaryExchange;
    return (wantedPrimary && list.find((i) => i.primaryExchange === wantedPrimary)) || list[0]!;
  }

  async function search(pattern: string): Promise<SymbolMatch[]> {
    const key = pattern.trim().toUpperCase();
    const hit = searches.get(key);
    if (hit && Date.now() - hit.at < 5 * 60_000) return hit.matches;
    const matches = await tws.matchingSymbols(key);
    searches.set(key, { at: Date.now(), matches });
    if (searches.size > 500) searches.delete(searches.keys().next().value as string);
    return matches;
  }

  return {
    search,
    details,
    resolve,
    remember,
    cached: (conId) => byConId.get(conId),
  };
}
