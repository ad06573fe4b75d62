// What a recording holds: messages as TWS sent them (their fields), the app's requests (so every stream's contract
// and kind are known on replay), and gaps where the recorder dropped records rather than hold trading up.

/** A JSON value, as a request's parameters are stored. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/** The contract a request was about, in TWS's field names (conId, symbol, secType, exchange, currency, …). */
export type ContractRef = { readonly [field: string]: string | number | boolean | null };

/** A message as received from TWS: its NUL-separated fields, field 0 the message id ("1" tickPrice …). */
type IncomingRecord = { readonly type: 'in'; readonly t: number; readonly fields: readonly string[] };

/** What the app asked for: the request's kind (reqMktData, placeOrder, …), its request id and contract. */
export type RequestRecord = {
  readonly type: 'req';
  readonly t: number;
  readonly kind: string;
  readonly reqId: number | null;
  readonly contract?: ContractRef;
  readonly params?: JsonObject;
};

/**
 * A hole in the stream, so a replay shows it instead of a silent jump: `dropped` records between `since` and `t`.
 * 'queue-full': the writer dropped them because the disk fell behind the stream (written into the file);
 * 'damaged': the reader skipped a block that failed its CRC (made up by the reader, never stored).
 */
export type GapRecord = {
  readonly type: 'gap';
  readonly t: number;
  readonly dropped: number;
  readonly since: number;
  readonly reason: 'queue-full' | 'damaged';
};

export type RecordingEntry = IncomingRecord | RequestRecord | GapRecord;
