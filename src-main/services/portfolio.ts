// Portfolio: positions (reqPositions), account summary (reqAccountSummary), account values and portfolio prices of
// the first account (reqAccountUpdates, which TWS serves for one account at a time), PnL per account and per
// position — whose value prices the positions of the other accounts of a multi-account login. Streams are opened
// once the session is ready and replayed by the link after reconnects; windows get a `portfolio` snapshot at most
// every 250 ms.
import type { AccountSnapshot, PortfolioSnapshot, Position } from '../../src-shared/domain/portfolio';
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { StreamHandle } from '../ib/connection';
import type { Tws } from '../ib/adapter';

const SUMMARY_TAGS =
  'NetLiquidation,BuyingPower,AvailableFunds,TotalCashValue,GrossPositionValue,ExcessLiquidity,MaintMarginReq,InitMarginReq';
/** PnL per position costs one subscription each: bounded. */
const MAX_POSITION_PNL = 50;
const EMIT_EVERY_MS = 250;

type AccountState = {
  currency: string;
  values: Record<string, string>;
  summary: Record<string, number>;
  dailyPnl: number | null;
  unrealizedPnl: number | null;
  realizedPnl: number | null;
  updatedAt: number;
};

export interface Portfolio {
  snapshot(): PortfolioSnapshot;
  /** Resolves when the positions and the account summary have been received once on this connection. */
  loaded(timeoutMs?: number): Promise<void>;
  stop(): void;
}

export function createPortfolio(deps: {
  tws: Tws;
  clock: Clock;
  log: Logger;
  emit: (s: PortfolioSnapshot) => void;
  autoStart?: boolean;
}): Portfolio {
  const { tws, clock } = deps;
  const positions = new Map<string, Position>();
  let incoming = new Map<string, Position>();
  const accounts = new Map<string, AccountState>();
  const pnlSingles = new Map<string, StreamHandle>();
  const accountPnl = new Map<string, StreamHandle>();
  let streams: StreamHandle[] = [];
  let emitTimer: Timer | null = null;
  let positionsLoaded = false;
  let summaryLoaded = false;
  const waiters = new Set<() => void>();

  const key = (account: string, conId: number) => `${account}|${conId}`;
  /** The account whose portfolio prices come from reqAccountUpdates. */
  let pricedAccount: string | undefined;

  function account(name: string): AccountState {
    let a = accounts.get(name);
    if (!a) {
      a = {
        currency: 'USD',
        values: {},
        summary: {},
        dailyPnl: null,
        unrealizedPnl: null,
        realizedPnl: null,
        updatedAt: clock.now(),
      };
      accounts.set(name, a);
    }
    a.updatedAt = clock.now();
    return a;
  }

  function snapshot(): PortfolioSnapshot {
    const toNum = (v: string | undefined) =>
      v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
    return {
      positions: [...positions.values()].filter((p) => p.position !== 0),
      accounts: [...accounts.entries()].map(([name, a]): AccountSnapshot => {
        const pick = (tag: string) => a.summary[tag] ?? toNum(a.values[tag]);
        return {
          account: name,
          currency: a.currency,
          netLiquidation: pick('NetLiquidation'),
          buyingPower: pick('BuyingPower'),
          availableFunds: pick('AvailableFunds'),
          totalCash: pick('TotalCashValue'),
          grossPositionValue: pick('GrossPositionValue'),
          dailyPnl: a.dailyPnl,
          unrealizedPnl: a.unrealizedPnl ?? toNum(a.values.UnrealizedPnL),
          realizedPnl: a.realizedPnl ?? toNum(a.values.RealizedPnL),
          values: {
            ...a.values,
            ...Object.fromEntries(Object.entries(a.summary).map(([k, v]) => [k, String(v)])),
          },
          updatedAt: a.updatedAt,
        };
      }),
    };
  }

  function changed(): void {
    if (emitTimer !== null) return;
    emitTimer = clock.setTimeout(() => {
      emitTimer = null;
      deps.emit(snapshot());
    }, EMIT_EVERY_MS);
  }

  function checkLoaded(): void {
    if (!positionsLoaded || !summaryLoaded) return;
    for (const w of [...waiters]) w();
  }

  function ensurePnlSingle(p: Position): void {
    const k = key(p.account, p.contract.conId);
    if (pnlSingles.has(k) || p.position === 0 || pnlSingles.size >= MAX_POSITION_PNL) return;
    pnlSingles.set(
      k,
      tws.pnlSingle(p.account, p.contract.conId, (_pos, daily, unrealized, realized, value) => {
        const cur = positions.get(k);
        if (!cur) return;
        positions.set(k, {
          ...cur,
          dailyPnl: daily,
          unrealizedPnl: unrealized ?? cur.unrealizedPnl,
          realizedPnl: realized ?? cur.realizedPnl,
          marketValue: value ?? cur.marketValue,
          marketPrice:
            cur.account === pricedAccount ? cur.marketPrice : (priceFromValue(cur, value) ?? cur.marketPrice),
        });
        changed();
      }),
    );
  }

  function ensureAccountPnl(name: string): void {
    if (accountPnl.has(name) || !name) return;
    accountPnl.set(
      name,
      tws.pnl(name, (daily, unrealized, realized) => {
        const a = account(name);
        a.dailyPnl = daily;
        a.unrealizedPnl = unrealized;
        a.realizedPnl = realized;
        changed();
      }),
    );
  }

  function start(accountsList: string[]): void {
    if (streams.length > 0) return;
    streams.push(
      tws.positions({
        starting: () => {
          incoming = new Map();
        },
        position: (p) => {
          const k = key(p.account, p.contract.conId);
          const prev = positions.get(k);
          const next: Position = {
            account: p.account,
            contract: p.contract,
            position: p.position,
            avgCost: p.avgCost,
            marketPrice: prev?.marketPrice ?? null,
            marketValue: prev?.marketValue ?? null,
            unrealizedPnl: prev?.unrealizedPnl ?? null,
            realizedPnl: prev?.realizedPnl ?? null,
            dailyPnl: prev?.dailyPnl ?? null,
          };
          incoming.set(k, next);
          positions.set(k, next);
          ensurePnlSingle(next);
          changed();
        },
        end: () => {
          // After each full listing, positions TWS no longer reports are gone.
          for (const k of [...positions.keys()]) if (!incoming.has(k)) positions.delete(k);
          positionsLoaded = true;
          checkLoaded();
          changed();
        },
      }),
      tws.accountSummary(SUMMARY_TAGS, {
        value: (acct, tag, value, currency) => {
          const a = account(acct);
          const n = Number(value);
          if (Number.isFinite(n)) a.summary[tag] = n;
          if (currency) a.currency = currency;
          changed();
        },
        end: () => {
          summaryLoaded = true;
          checkLoaded();
          changed();
        },
      }),
    );
    const first = accountsList[0];
    pricedAccount = first;
    if (first) {
      streams.push(
        tws.accountUpdates(first, {
          value: (k, value, currency, acct) => {
            const a = account(acct || first);
            a.values[k] = value;
            if (k === 'NetLiquidation' && currency) a.currency = currency;
            changed();
          },
          portfolio: (p) => {
            const k = key(p.account || first, p.contract.conId);
            const cur = positions.get(k);
            positions.set(k, {
              account: p.account || first,
              contract: cur?.contract ?? p.contract,
              position: p.position,
              avgCost: p.avgCost ?? cur?.avgCost ?? 0,
              marketPrice: p.marketPrice,
              marketValue: p.marketValue,
              unrealizedPnl: p.unrealizedPnl,
              realizedPnl: p.realizedPnl,
              dailyPnl: cur?.dailyPnl ?? null,
            });
            changed();
          },
          end: () => changed(),
        }),
      );
    }
    for (const a of accountsList) ensureAccountPnl(a);
  }

  function closeAll(): void {
    for (const s of [...streams, ...pnlSingles.values(), ...accountPnl.values()]) s.close();
    streams = [];
    pnlSingles.clear();
    accountPnl.clear();
  }

  const offReady = tws.link.onReady(({ reconnect }) => {
    positionsLoaded = false;
    summaryLoaded = false;
    // After a reconnect the link replays the streams with fresh ids; a new session (maybe another account) starts
    // from scratch.
    if (!reconnect) {
      closeAll();
      positions.clear();
      accounts.clear();
    }
    if (streams.length === 0) start(tws.link.status().accounts);
  });
  if ((deps.autoStart ?? true) && tws.link.canSend()) start(tws.link.status().accounts);

  return {
    snapshot,
    loaded(timeoutMs = 15_000) {
      if (positionsLoaded && summaryLoaded) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          clock.clearTimeout(t);
          resolve();
        };
        const t = clock.setTimeout(done, timeoutMs);
        waiters.add(done);
      });
    },
    stop() {
      offReady();
      if (emitTimer !== null) clock.clearTimeout(emitTimer);
      closeAll();
    },
  };
}

/** Price per unit implied by a position's market value (value / (quantity × multiplier)), or null. */
export function priceFromValue(
  p: Pick<Position, 'position' | 'contract'>,
  value: number | null,
): number | null {
  if (value === null || !Number.isFinite(value) || p.position === 0) return null;
  const price = value / (p.position * (p.contract.multiplier ?? 1));
  return Number.isFinite(price) ? Math.round(price * 1e6) / 1e6 : null;
}
