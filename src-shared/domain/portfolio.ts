// Positions and account values as the Positions and Account panes show them.
import { z } from 'zod';
import { ContractRef } from './instrument';

export const Position = z.object({
  account: z.string(),
  contract: ContractRef.extend({ conId: z.number().int() }),
  position: z.number(),
  avgCost: z.number(),
  marketPrice: z.number().nullable(),
  marketValue: z.number().nullable(),
  unrealizedPnl: z.number().nullable(),
  realizedPnl: z.number().nullable(),
  dailyPnl: z.number().nullable(),
});
export type Position = z.infer<typeof Position>;

export const AccountSnapshot = z.object({
  account: z.string(),
  currency: z.string(),
  netLiquidation: z.number().nullable(),
  buyingPower: z.number().nullable(),
  availableFunds: z.number().nullable(),
  totalCash: z.number().nullable(),
  grossPositionValue: z.number().nullable(),
  dailyPnl: z.number().nullable(),
  unrealizedPnl: z.number().nullable(),
  realizedPnl: z.number().nullable(),
  /** Every account value TWS sent, tag → value, for the detail view. */
  values: z.record(z.string(), z.string()),
  updatedAt: z.number(),
});
export type AccountSnapshot = z.infer<typeof AccountSnapshot>;

export const PortfolioSnapshot = z.object({
  positions: z.array(Position),
  accounts: z.array(AccountSnapshot),
});
export type PortfolioSnapshot = z.infer<typeof PortfolioSnapshot>;
