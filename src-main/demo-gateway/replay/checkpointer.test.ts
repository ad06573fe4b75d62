// The recorder's checkpointer takes tick messages undecoded (by their bodies) and the rest by fields: a checkpoint
// made that way is the one made from every message's fields.
import { describe, expect, it } from 'vitest';
import { createReplayCheckpointer, type ReplayCheckpointer } from './checkpointer';

const VERSION = 176;
const body = (fields: readonly string[]): Buffer => Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');

/** A session: two quote lines (one cancelled), a scanner, and messages of every kind the checkpoint keeps. */
function feed(cp: ReplayCheckpointer, byBody: boolean): void {
  const contract = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };
  cp.request({ kind: 'reqMktData', reqId: 1001, contract, params: { genericTicks: '' } }, 1);
  cp.request({ kind: 'reqMktData', reqId: 1002, contract: { ...contract, conId: 1, symbol: 'MSFT' } }, 1);
  cp.request(
    { kind: 'reqMktData', reqId: 1000000002, contract: { ...contract, conId: 2, symbol: 'IBM' } },
    1,
  );
  const messages: string[][] = [
    ['81', '1001', '0.01', '9c0001', '3'],
    ['58', '1', '1001', '1'],
    ['1', '6', '1001', '1', '187.5', '100', '0'],
    ['2', '6', '1001', '0', '300'],
    ['1', '6', '1001', '1', '187.51', '200', '0'],
    ['46', '6', '1001', '45', '1783524601'],
    ['45', '6', '1001', '49', '0'],
    ['1', '6', '1002', '2', '410.2', '50', '0'],
    ['1', '6', '1000000002', '2', '12.5', '1', '0'], // the app's request ids have ten digits
    ['21', '1001', '13', '1', '0.25', '0.5', '3.1', '0', '0.05', '0.01', '-0.02', '187.5'],
    ['1', '6', '9999', '1', '1', '1', '0'], // a stream no request opened
    ['2', '6', '1001', '0', '350'],
    ['46', '6', '1001', '32', 'ÄSDF'], // a tick string beyond ASCII
  ];
  let t = 2;
  for (const m of messages) {
    const b = body(m);
    if (!byBody || !cp.incomingBody(b, 0, b.length, t)) cp.incoming(m, t);
    t++;
  }
  cp.request({ kind: 'cancelMktData', reqId: 1002 }, t);
}

describe('replay checkpointer', () => {
  it('makes the same checkpoint from tick bodies as from every message decoded', () => {
    const decoded = createReplayCheckpointer(VERSION);
    const undecoded = createReplayCheckpointer(VERSION);
    feed(decoded, false);
    feed(undecoded, true);
    const a = decoded.checkpoint();
    expect(undecoded.checkpoint()).toEqual(a);
    const streams = (a.params as { streams: { reqId: number; messages: string[][] }[] }).streams;
    const aapl = streams.find((s) => s.reqId === 1001)!;
    // Latest per tick type, tick-request parameters and market-data type first.
    expect(aapl.messages.slice(0, 2).map((m) => m[0])).toEqual(['81', '58']);
    expect(aapl.messages).toContainEqual(['1', '6', '1001', '1', '187.51', '200', '0']);
    expect(aapl.messages).toContainEqual(['2', '6', '1001', '0', '350']);
    expect(aapl.messages).toContainEqual(['46', '6', '1001', '32', 'ÄSDF']);
    expect(aapl.messages).not.toContainEqual(['2', '6', '1001', '0', '300']);
    expect(streams.find((s) => s.reqId === 1000000002)!.messages).toEqual([
      ['1', '6', '1000000002', '2', '12.5', '1', '0'],
    ]);
  });

  it('leaves messages that are not ticks, and bodies it cannot read, to be decoded', () => {
    const cp = createReplayCheckpointer(VERSION);
    for (const fields of [
      ['58', '1', '1001', '1'],
      ['21', '1001', '13', '1'],
      ['1', '6', 'x', '1', '1'],
      ['1', '6'],
    ]) {
      const b = body(fields);
      expect(cp.incomingBody(b, 0, b.length, 1)).toBe(false);
    }
    cp.request({ kind: 'reqMktData', reqId: 1001, contract: { conId: 265598, symbol: 'AAPL' } }, 1);
    // Ticks are taken, whatever the request id's length (the app's have ten digits).
    for (const reqId of ['7', '1001', '1000000002']) {
      const b = body(['1', '6', reqId, '1', '187.5', '100', '0']);
      expect(cp.incomingBody(b, 0, b.length, 1)).toBe(true);
    }
    const tick = body(['1', '6', '1001', '1', '187.5', '100', '0']);
    // A body inside a larger buffer (a batch): only its own bytes are read and kept, as a copy.
    const wide = Buffer.concat([Buffer.from('junk'), tick, Buffer.from('more')]);
    expect(cp.incomingBody(wide, 4, 4 + tick.length, 1)).toBe(true);
    wide.fill(0);
    const streams = (cp.checkpoint().params as { streams: { messages: string[][] }[] }).streams;
    expect(streams[0]!.messages).toEqual([['1', '6', '1001', '1', '187.5', '100', '0']]);
  });
});
