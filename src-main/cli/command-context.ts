// What every CLI command gets: the parsed options, where to write, the scanner listeners, and the lookups several
// commands share (a symbol resolved to a contract, an order waited for).
import type { ScanSnapshot } from '../../src-shared/domain/scanner';
import type { Order } from '../../src-shared/domain/order';
import type { ResolvedContract } from '../ib/adapter/index';
import type { Trading } from '../trading';

export type CliIo = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: Record<string, string | undefined>;
};

export type Values = Record<string, string | boolean | undefined>;
export type Ctx = {
  json: boolean;
  out: (s: string) => void;
  io: CliIo;
  scans: ((s: ScanSnapshot) => void)[];
};
/** A command checked its arguments and is ready to run against a connected trading core. */
export type Plan = (t: Trading) => Promise<void>;

/** A command's answer under --json: `ok: true` then its fields, indented, ending the line. */
export function jsonAnswer(fields: Record<string, unknown>): string {
  return `${JSON.stringify({ ok: true, ...fields }, null, 2)}\n`;
}

export function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** "AAPL" or "AAPL:NASDAQ" (a listing exchange) → a US stock routed through SMART, as TWS resolved it. */
export async function resolveSymbol(t: Trading, symbol: string): Promise<ResolvedContract> {
  const parts = symbol.toUpperCase().split(':');
  const i = await t.contracts.resolve({
    symbol: parts[0]!,
    secType: 'STK',
    exchange: 'SMART',
    currency: 'USD',
    ...(parts[1] ? { primaryExchange: parts[1] } : {}),
  });
  return {
    conId: i.conId,
    symbol: i.symbol,
    secType: i.secType,
    exchange: 'SMART',
    currency: i.currency,
    ...(i.primaryExchange ? { primaryExchange: i.primaryExchange } : {}),
  };
}

export async function waitOrder(
  t: Trading,
  id: number,
  done: (o: Order) => boolean,
  ms: number,
  giveUp: () => boolean = () => false,
): Promise<Order | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const o = t.orders.list().find((x) => x.orderId === id);
    if ((o && done(o)) || giveUp() || Date.now() > deadline) return o;
    await new Promise((r) => setTimeout(r, 50));
  }
}
