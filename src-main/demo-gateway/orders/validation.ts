// Order validation, answered with the error codes and (as far as known) the words TWS uses: 110 price not on the
// tick grid (an option's grid widens from $3, see options/contract.ts), 387 unsupported order type, 434 zero size, 321 missing or unknown account, 201 rejections with a
// reason.
import type { OrderTicket } from './order-types';
import type { Instrument } from '../model/instrument';
import { optionTick, tickClass } from '../options/contract';

export interface Rejection {
  code: number;
  text: string;
}

const SUPPORTED_ORDER_TYPES = new Set(['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL']);
const SUPPORTED_TIFS = new Set(['DAY', 'GTC', 'IOC']);

const reject = (reason: string): Rejection => ({ code: 201, text: `Order rejected - reason:${reason}` });

function onTick(price: number, inst: Instrument): boolean {
  const tick = inst.secType === 'OPT' ? optionTick(tickClass(inst.symbol), price) : inst.minTick;
  const n = price / tick;
  return Math.abs(n - Math.round(n)) < 1e-6;
}

export function validateTicket(
  t: OrderTicket,
  inst: Instrument,
  accounts: readonly string[],
): Rejection | undefined {
  if (t.unsupportedFeature) {
    return {
      code: 321,
      text: `Error validating request.-'bO' : cause - The demo gateway does not support ${t.unsupportedFeature}.`,
    };
  }
  if (t.action !== 'BUY' && t.action !== 'SELL' && t.action !== 'SSHORT') {
    return { code: 321, text: `Error validating request.-'bA' : cause - Invalid side: '${t.action}'` };
  }
  if (!SUPPORTED_ORDER_TYPES.has(t.orderType)) {
    return { code: 387, text: 'Unsupported order type for this exchange and security type.' };
  }
  if (!(t.totalQuantity > 0)) return { code: 434, text: 'The order size cannot be zero.' };
  if (inst.secType !== 'STK' && !Number.isInteger(t.totalQuantity) && inst.secType !== 'CASH') {
    return reject('The order quantity must be a whole number of contracts.');
  }
  const tif = t.tif === '' ? 'DAY' : t.tif;
  if (!SUPPORTED_TIFS.has(tif)) return reject(`Time in force ${tif} is not supported by the demo gateway.`);
  // A login with several (linked) accounts needs the account on every order: TWS answers 321 "You must specify an
  // account." (advisor logins answer 436 about allocations instead; the demo's accounts are linked ones).
  if (t.account === '' && accounts.length > 1)
    return { code: 321, text: "Error validating request.-'rd' : cause - You must specify an account." };
  if (t.account !== '' && !accounts.includes(t.account)) {
    return { code: 321, text: `Error validating request.-'bN' : cause - Invalid account code ${t.account}.` };
  }
  const needsLimit = t.orderType === 'LMT' || t.orderType === 'STP LMT';
  const needsStop = t.orderType === 'STP' || t.orderType === 'STP LMT';
  if (needsLimit && (t.lmtPrice === undefined || !(t.lmtPrice > 0)))
    return reject('The limit price must be specified.');
  if (needsStop && (t.auxPrice === undefined || !(t.auxPrice > 0)))
    return reject('The stop price must be specified.');
  if (t.orderType === 'TRAIL') {
    const amount = t.auxPrice !== undefined && t.auxPrice > 0;
    const pct = t.trailingPercent !== undefined && t.trailingPercent > 0;
    if (!amount && !pct) return reject('A trailing amount or trailing percent must be specified.');
    if (amount && !onTick(t.auxPrice as number, inst)) return priceVariation();
  }
  if (needsLimit && !onTick(t.lmtPrice as number, inst)) return priceVariation();
  if (needsStop && !onTick(t.auxPrice as number, inst)) return priceVariation();
  return undefined;
}

function priceVariation(): Rejection {
  return { code: 110, text: 'The price does not conform to the minimum price variation for this contract.' };
}

/** TWS's margin rejection for an order the account cannot carry. */
export function marginRejection(equityWithLoan: number, initialMargin: number): Rejection {
  return reject(
    `YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE ` +
      `[${equityWithLoan.toFixed(2)} USD] MUST EXCEED THE INITIAL MARGIN [${initialMargin.toFixed(2)} USD]`,
  );
}
