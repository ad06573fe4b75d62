// Which recorded stream a new request asks for: a key made of the request kind, the contract and the parameters
// that must agree. Contracts are compared as the instrument they mean: the universe's instrument when it knows the
// contract (by conId, or by symbol, type and currency), a conId the recording tied to a symbol (a request or a
// contract-details answer that carried both), else the contract's own symbol or conId.
import type { ContractRef, Json, JsonObject } from '../../recorder/format';
import type { Universe } from '../model/universe';
import { emptyContractRequest } from '../orders/order-types';
import type { ContractRequest } from '../orders/order-types';
import { resolveOne } from '../handlers/contracts';
import { MIN_SERVER_VER_LAST_TRADE_DATE, MIN_SERVER_VER_SIZE_RULES } from '../wire/server-versions';
import { STREAM_KINDS } from './stream-kinds';

/** A recorded contract as the request decoder's ContractRequest (missing fields empty). */
export function toContractRequest(ref: ContractRef | undefined): ContractRequest {
  const c = emptyContractRequest();
  if (!ref) return c;
  const text = (k: string): string => (typeof ref[k] === 'string' ? (ref[k] as string) : '');
  const num = (k: string): number =>
    typeof ref[k] === 'number' ? (ref[k] as number) : Number(ref[k] ?? 0) || 0;
  return {
    ...c,
    conId: num('conId'),
    symbol: text('symbol'),
    secType: text('secType'),
    lastTradeDateOrContractMonth: text('lastTradeDateOrContractMonth'),
    strike: num('strike'),
    right: text('right'),
    multiplier: text('multiplier'),
    exchange: text('exchange'),
    primaryExchange: text('primaryExchange'),
    currency: text('currency'),
    localSymbol: text('localSymbol'),
    tradingClass: text('tradingClass'),
  };
}

/** The contract of a request as a recording stores it: the fields that say which instrument it is. */
export function contractRef(c: ContractRequest): ContractRef {
  return {
    conId: c.conId,
    symbol: c.symbol,
    secType: c.secType,
    lastTradeDateOrContractMonth: c.lastTradeDateOrContractMonth,
    strike: c.strike,
    right: c.right,
    multiplier: c.multiplier,
    exchange: c.exchange,
    primaryExchange: c.primaryExchange,
    currency: c.currency,
    localSymbol: c.localSymbol,
    tradingClass: c.tradingClass,
  };
}

function at(params: JsonObject | undefined, path: string): Json | undefined {
  let v: Json | undefined = params;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as JsonObject)[part];
  }
  return v;
}

function norm(v: Json | undefined): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v.trim().toUpperCase() : JSON.stringify(v);
}

export class StreamKeys {
  /** conId → contract key, learned from the recording. */
  private readonly aliases = new Map<number, string>();

  constructor(private readonly universe: Universe) {}

  /** The instrument a contract means, as a key. */
  contractKey(c: ContractRequest): string {
    if (c.conId > 0 && this.universe.byConId(c.conId)) return `c:${c.conId}`;
    if (c.symbol.trim() !== '' || c.localSymbol.trim() !== '') {
      const r = resolveOne(this.universe, { ...c, conId: 0 });
      if (r.ok) return `c:${r.inst.conId}`;
    }
    const alias = c.conId > 0 ? this.aliases.get(c.conId) : undefined;
    if (alias) return alias;
    if (c.symbol.trim() !== '')
      return `s:${c.symbol.trim().toUpperCase()}/${c.secType.trim().toUpperCase() || 'STK'}/${c.currency.trim().toUpperCase() || 'USD'}`;
    return `id:${c.conId}`;
  }

  /** Remembers that a conId means the instrument of a symbol-described contract. */
  learn(c: ContractRequest): void {
    if (c.conId <= 0 || this.universe.byConId(c.conId) || c.symbol.trim() === '') return;
    this.aliases.set(c.conId, this.contractKey({ ...c, conId: 0 }));
  }

  /** Learns from a recorded CONTRACT_DATA (10) message at server version v: its conId and its symbol. */
  learnContractData(fields: readonly string[], v: number): void {
    const b = v < MIN_SERVER_VER_SIZE_RULES ? 3 : 2;
    const d = v >= MIN_SERVER_VER_LAST_TRADE_DATE ? 1 : 0;
    const c = emptyContractRequest();
    c.symbol = fields[b] ?? '';
    c.secType = fields[b + 1] ?? '';
    c.currency = fields[b + 6 + d] ?? '';
    c.conId = Number(fields[b + 10 + d]) || 0;
    this.learn(c);
  }

  /** The key of a stream: kind, contract (when the kind has one) and the parameters that must agree. */
  groupKey(kind: string, contract: ContractRequest | undefined, params: JsonObject | undefined): string {
    const k = STREAM_KINDS[kind];
    const c = k?.contract && contract ? this.contractKey(contract) : '';
    const parts = (k?.params ?? []).map((path) => norm(at(params, path)));
    if (k?.variant) parts.push(k.variant(params));
    const p = parts.join('/');
    return `${kind}|${c}|${p}`;
  }
}
