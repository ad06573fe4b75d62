// Portfolio slice: positions and account values, replaced by every `portfolio` snapshot.
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import type { Slice } from './app-store';

export type PortfolioSlice = {
  portfolio: PortfolioSnapshot | null;
  loadPortfolio(): Promise<void>;
  /** A `portfolio` event. */
  portfolioArrived(portfolio: PortfolioSnapshot): void;
};

export const createPortfolioSlice: Slice<PortfolioSlice> = (set, get) => ({
  portfolio: null,
  async loadPortfolio() {
    const r = await get().client.invoke('portfolio.get', {});
    if (r.ok) set({ portfolio: r.value });
  },
  portfolioArrived: (portfolio) => set({ portfolio }),
});
