// Masking for recordings people share: account ids become stable pseudonyms (DU1234567 → DU0000001, the same one
// for the whole session), and order details (prices, quantities, fills, positions, P&L, account values) become 0,
// unless the user asked to keep them. Market data passes untouched and costs one table look-up.
//
// Field positions are those of the layouts TWS sends at server versions 157…193 (ibapi/decoder.py): field 0 is the
// message id. A message whose layout is not the expected one falls back to zeroing every number after the id.
import type { ContractRef, Json, JsonObject } from './records';

/** Message ids that never carry an account id or an order detail: they pass through unmasked. */
const PASS_IDS = [
  1, 2, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 45, 46, 47, 49, 50, 51, 52, 53, 55, 57, 58, 62, 64, 72, 74,
  75, 76, 77, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 96, 97, 98, 99, 100, 102, 104, 105,
  106,
];
const PASS = new Uint8Array(256);
for (const id of PASS_IDS) PASS[id] = 1;

/** True when messages with this id pass through the masker untouched (market data, ends of lists, …). */
export function passesUnmasked(msgId: number): boolean {
  return msgId >= 0 && msgId < 256 && PASS[msgId] === 1;
}

/** "Unset" values TWS sends (Double.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE): kept, they carry no detail. */
const UNSET = new Set(['1.7976931348623157E308', '2147483647', '9223372036854775807']);
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(E[-+]?\d+)?$/i;
/** Account ids as IB writes them: DU/U (individual), DF/F (advisor), I (introducing broker), then digits. */
const ACCOUNT = /\b(?:DU|DF|U|F|I)\d{4,10}\b/g;

type Rule = {
  /** Fields holding an account id. */
  accounts?: readonly number[];
  /** Fields holding an order detail or an amount: numbers become 0. */
  zero?: readonly number[];
  /** From this field on, every number becomes 0 (the long tails of openOrder/completedOrder). */
  zeroFrom?: number;
  /** Field 1 must hold this version for the positions to apply. */
  version?: string;
};

const RULES: Record<number, Rule> = {
  3: { zero: [3, 4, 5, 8, 11] }, // orderStatus: filled, remaining, avgFillPrice, lastFillPrice, mktCapPrice
  5: { accounts: [20], zero: [14, 16, 17], zeroFrom: 26 }, // openOrder: totalQuantity, lmtPrice, auxPrice, …
  6: { accounts: [5], zero: [3] }, // updateAccountValue: value
  7: { accounts: [19], zero: [13, 15, 16, 17, 18], version: '8' }, // updatePortfolio: position … realizedPNL
  11: { accounts: [16], zero: [19, 20, 24, 25, 28] }, // execDetails: shares, price, cumQty, avgPrice, evMultiplier
  54: { accounts: [2] }, // accountDownloadEnd
  59: { zero: [3, 5, 6] }, // commissionReport: commission, realizedPNL, yield
  61: { accounts: [2], zero: [14, 15], version: '3' }, // position: pos, avgCost
  63: { accounts: [3], zero: [5] }, // accountSummary: value
  71: { accounts: [3], zero: [15, 16] }, // positionMulti: pos, avgCost
  73: { accounts: [3], zero: [6] }, // accountUpdateMulti: value
  94: { zero: [2, 3, 4] }, // pnl
  95: { zero: [2, 3, 4, 5, 6] }, // pnlSingle
  101: { accounts: [19], zero: [13, 15, 16], zeroFrom: 24 }, // completedOrder
};

/** Request parameters holding an order detail or an amount (their numbers become 0). */
const DETAIL_KEY = /price|qty|quantity|amount|cash|percent|offset|size|pnl|value|cost/i;
const ACCOUNT_KEY = /^(account|acct|acctCode|accountCode|accountName|acctNumber|account_id|accountId)$/i;

export type RequestBody = {
  readonly kind: string;
  readonly reqId: number | null;
  readonly contract?: ContractRef;
  readonly params?: JsonObject;
};

export type Masker = {
  /** The message's fields with account ids and order details masked; the same array when nothing needed it. */
  incoming(fields: readonly string[]): readonly string[];
  request(r: RequestBody): RequestBody;
  /** How many accounts have a pseudonym so far (the mapping itself is never exposed or written). */
  readonly accounts: number;
};

/** One masker per recording session: the same account gets the same pseudonym in every part. */
export function createMasker(): Masker {
  const pseudonyms = new Map<string, string>();
  const issued = new Set<string>();
  const counters = new Map<string, number>();

  const pseudonym = (id: string): string => {
    const known = pseudonyms.get(id);
    if (known !== undefined) return known;
    const m = /^([A-Za-z]*)(\d*)$/.exec(id);
    const prefix = m ? m[1]! : 'X';
    const width = Math.max(m && m[2]!.length > 0 ? m[2]!.length : 7, 1);
    let n = counters.get(prefix) ?? 0;
    let out: string;
    // Never hand out a pseudonym that is some real account seen in this session.
    do {
      n++;
      out = prefix + String(n).padStart(width, '0');
    } while (pseudonyms.has(out) || issued.has(out));
    counters.set(prefix, n);
    pseudonyms.set(id, out);
    issued.add(out);
    return out;
  };

  const maskAccount = (v: string): string => {
    if (v === '' || v === 'All' || v === '*') return v;
    if (issued.has(v) && !pseudonyms.has(v)) return v; // already a pseudonym (a message masked twice)
    return pseudonym(v);
  };

  /** Account ids anywhere in free text (error messages, FA XML, order references, JSON). */
  const maskText = (s: string): string => {
    let out = s.replace(ACCOUNT, (a) => (issued.has(a) && !pseudonyms.has(a) ? a : pseudonym(a)));
    // Accounts learned from account fields that do not look like IB ids (e.g. a named sub-account).
    for (const [real, fake] of pseudonyms) {
      if (!real.match(/^(?:DU|DF|U|F|I)\d{4,10}$/) && real.length >= 3 && out.includes(real))
        out = out.split(real).join(fake);
    }
    return out;
  };

  const zero = (v: string): string => (v === '' || UNSET.has(v) || !NUMBER.test(v) ? v : '0');

  const incoming = (fields: readonly string[]): readonly string[] => {
    const f0 = fields[0];
    if (f0 === undefined) return fields;
    const id = Number(f0);
    if (passesUnmasked(id) && String(id) === f0) return fields;
    const out = fields.slice();
    const rule = String(id) === f0 ? RULES[id] : undefined;
    if (rule && (rule.version === undefined || out[1] === rule.version)) {
      for (const i of rule.accounts ?? []) if (i < out.length) out[i] = maskAccount(out[i]!);
      for (const i of rule.zero ?? []) if (i < out.length) out[i] = zero(out[i]!);
      if (rule.zeroFrom !== undefined)
        for (let i = rule.zeroFrom; i < out.length; i++) out[i] = zero(out[i]!);
    } else if (rule) {
      // An unexpected layout: no position can be trusted, so every number after the id goes.
      for (let i = 1; i < out.length; i++) out[i] = zero(out[i]!);
    }
    if (id === 15 && out.length > 2) out[2] = out[2]!.split(',').map(maskAccount).join(',');
    if (id === 78) for (let i = 2; i < out.length; i += 2) out[i] = maskAccount(out[i]!);
    for (let i = 1; i < out.length; i++) out[i] = maskText(out[i]!);
    return out;
  };

  const maskJson = (v: Json, key: string, detail: boolean): Json => {
    if (typeof v === 'string') return ACCOUNT_KEY.test(key) ? maskAccount(v) : maskText(v);
    if (typeof v === 'number') return detail && DETAIL_KEY.test(key) ? 0 : v;
    if (Array.isArray(v)) return (v as readonly Json[]).map((x) => maskJson(x, key, detail));
    if (v !== null && typeof v === 'object') {
      const o: Record<string, Json> = {};
      for (const [k, x] of Object.entries(v as JsonObject)) o[k] = maskJson(x, k, detail);
      return o;
    }
    return v;
  };

  const request = (r: RequestBody): RequestBody => {
    // Order details matter in order requests; elsewhere numbers (reqIds, conIds, bar counts) are not private.
    const detail = /order|exercise/i.test(r.kind);
    const out: { -readonly [K in keyof RequestBody]: RequestBody[K] } = { kind: r.kind, reqId: r.reqId };
    if (r.contract !== undefined) out.contract = maskJson(r.contract, '', false) as ContractRef;
    if (r.params !== undefined) out.params = maskJson(r.params, '', detail) as JsonObject;
    return out;
  };

  return {
    incoming,
    request,
    get accounts() {
      return pseudonyms.size;
    },
  };
}
