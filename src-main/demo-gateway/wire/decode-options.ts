// The option requests, as every client writes them (see /work/notes/protocol-options.md §1.1 and §5):
// reqSecDefOptParams (78) has no version field; calculateImpliedVolatility (54) and calculateOptionPrice (55) come
// as version 3 from IB's client and ib_async (tagValuesCount, then the options string) and as version 2 from
// @stoqey/ib (the options string alone), so the version field decides what follows the underlying's price.
import type { FieldReader } from './field-reader';
import { readContract } from './decode-contract';
import type { Request } from './requests';

export function decodeSecDefOptParams(r: FieldReader): Request {
  const reqId = r.int();
  const underlyingSymbol = r.str();
  const futFopExchange = r.str();
  const underlyingSecType = r.str();
  return {
    kind: 'reqSecDefOptParams',
    reqId,
    underlyingSymbol,
    futFopExchange,
    underlyingSecType,
    underlyingConId: r.int(),
  };
}

/** calculateImpliedVolatility (`impliedVol`) or calculateOptionPrice: value is the option price or the volatility. */
export function decodeCalculation(r: FieldReader, impliedVol: boolean): Request {
  const version = r.int();
  const reqId = r.int();
  const contract = readContract(r);
  const value = r.float();
  const underPrice = r.float();
  // Both trailing forms are optional on the wire of older clients (LINKING, 70, added them).
  if (version >= 3) r.skipOpt(2);
  else r.skipOpt(1);
  return {
    kind: impliedVol ? 'calculateImpliedVolatility' : 'calculateOptionPrice',
    reqId,
    contract,
    value,
    underPrice,
  };
}
