// The uncompressed payload of one block: records split into column streams, each TWS message coded field by field
// against the previous message of its stream (same message id, request id and tick type), so a quote tick costs a
// few bytes before compression: "same as before" for unchanged fields, a small integer delta for a price or size
// that moved. The encoder works on message bytes as they come off the socket (no string per field), the decoder
// gives strings. Every block starts from empty state, so any block decodes on its own.
//
// Payload = uvar(count) uvar(start) uvar(len T) uvar(len H) uvar(len O) uvar(len N) uvar(len S) T H O N S, where
//   start  ms from the block's earliest time (its header's first time) to its first record's time
//   T  time deltas (zigzag ms) from the previous record (the first from the first record's time: 0)
//   H  one tag per record: 0 request, 1 gap, 2 message opening a new stream, 3 message outside any stream,
//      4 + k message of stream k (streams numbered in order of first appearance in the block)
//   O  per message 4-bit ops, two a byte, each message starting on a byte: for a message of a known stream first a
//      count op (0 same field count as before, 1 count in N), then one op per field after the stream's key fields
//   N  numbers: field counts, key lengths, mantissas, deltas, scales, gap counts
//   S  strings: varint byte length + the bytes (UTF-8)
export const TAG_REQUEST = 0;
export const TAG_GAP = 1;
export const TAG_NEW_STREAM = 2;
export const TAG_UNKEYED = 3;
export const TAG_STREAM = 4;

export const OP_SAME = 0;
export const OP_DELTA = 1; // delta of the mantissa, same scale as the previous value
export const OP_EMPTY = 2;
export const OP_STR = 3;
export const OP_NUM0 = 4; // literal number of scale 0, 1, 2 (ops 4, 5, 6)
export const OP_NUM_N = 7; // literal number, scale in N
export const OP_DELTA_S0 = 8; // delta at a new scale 0, 1, 2 (ops 8, 9, 10), taken at the finer of the two scales
export const OP_DELTA_S_N = 11; // delta at a new scale given in N
export const COUNT_SAME = 0;
export const COUNT_NEW = 1;
