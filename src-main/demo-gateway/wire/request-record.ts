// A client's request as a recording stores it (the kind, the request or order id, the contract that says which
// instrument, the other fields as JSON parameters), decoded from its wire fields by the gateway's own request
// decoder: what the app's recorder writes is then exactly what a replaying gateway decodes from a live client.
import type { ContractRequest } from '../orders/order-types';
import { decodeRequest } from './decoder';
import type { Request } from './requests';

type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
type Ref = { readonly [field: string]: string | number | boolean | null };

export type RecordedRequest = {
  readonly kind: string;
  readonly reqId: number | null;
  readonly contract?: Ref;
  readonly params: { readonly [key: string]: JsonValue };
};

/** The fields of a contract that say which instrument it is: what a recording stores of a request's contract. */
const CONTRACT_FIELDS = [
  'conId',
  'symbol',
  'secType',
  'lastTradeDateOrContractMonth',
  'strike',
  'right',
  'multiplier',
  'exchange',
  'primaryExchange',
  'currency',
  'localSymbol',
  'tradingClass',
] as const satisfies readonly (keyof ContractRequest)[];

function contractRef(c: ContractRequest): Ref {
  return Object.fromEntries(CONTRACT_FIELDS.map((k) => [k, c[k]]));
}

/**
 * The request in `fields` (as sent at server version `serverVersion`) as a recording stores it; null for the
 * API's start message (session plumbing, not a request). A message the decoder cannot read is kept by its message
 * id with its raw fields, so the recording still says something was asked.
 */
export function recordedRequest(fields: readonly string[], serverVersion: number): RecordedRequest | null {
  let req: Request;
  try {
    req = decodeRequest(fields, serverVersion);
  } catch {
    return { kind: `msg${fields[0] ?? ''}`, reqId: null, params: { fields: [...fields] } };
  }
  if (req.kind === 'startApi') return null;
  const { kind, ...rest } = req as Request & { reqId?: number; orderId?: number; contract?: ContractRequest };
  const reqId = rest.reqId ?? rest.orderId ?? null;
  // JSON drops the undefined fields (an unset scanner bound) as a file would.
  const params = JSON.parse(
    JSON.stringify({ ...rest, contract: undefined, reqId: undefined }),
  ) as RecordedRequest['params'];
  return rest.contract
    ? { kind, reqId, contract: contractRef(rest.contract), params }
    : { kind, reqId, params };
}
