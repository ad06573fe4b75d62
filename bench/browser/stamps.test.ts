import { describe, expect, it } from 'vitest';
import { createDepthStampBook, createStampBook, depthBooksIn, stampsIn } from './stamps';

/** A frame as the web host sends it: quotes events, each with the stamps of its instruments when there are any. */
const frame = (...events: { quotes: number[]; probe?: [number, number, number][] }[]) =>
  JSON.stringify({
    events: events.map((e) => ({
      event: 'quotes',
      payload: {
        quotes: e.quotes.map((conId) => ({ conId, bid: 1, ask: 2, last: 1.5 })),
        ...(e.probe ? { probe: e.probe.map(([conId, tickId, tickAt]) => ({ conId, tickId, tickAt })) } : {}),
      },
    })),
  });

describe('bench stamps', () => {
  it('reads the probe entries of every quotes event in a frame', () => {
    const text = frame({ quotes: [1, 2], probe: [[1, 7, 100.5]] }, { quotes: [3], probe: [[3, 8, 101]] });
    expect(stampsIn(text)).toEqual([
      { conId: 1, tickId: 7, tickAt: 100.5 },
      { conId: 3, tickId: 8, tickAt: 101 },
    ]);
    expect(stampsIn(frame({ quotes: [1] }))).toEqual([]);
  });

  it('keeps a stamp until its row changes, once', () => {
    const book = createStampBook();
    book.frame(frame({ quotes: [1, 2], probe: [[1, 7, 100]] }), 130);
    expect(book.size).toBe(1);
    expect(book.take(2)).toBeUndefined();
    expect(book.take(1)).toEqual({ tickId: 7, tickAt: 100, arrivedAt: 130 });
    expect(book.take(1)).toBeUndefined();
  });

  it('drops a waiting stamp when a newer quote of its instrument comes without one; a newer stamp replaces it', () => {
    const book = createStampBook();
    book.frame(
      frame({
        quotes: [1, 2],
        probe: [
          [1, 7, 100],
          [2, 8, 100],
        ],
      }),
      130,
    );
    // Instrument 1 ticks again unstamped: its row's next change is that tick's; 2 is not in this frame.
    book.frame(frame({ quotes: [1, 3] }), 380);
    expect(book.take(1)).toBeUndefined();
    expect(book.take(2)).toEqual({ tickId: 8, tickAt: 100, arrivedAt: 130 });
    book.frame(frame({ quotes: [3], probe: [[3, 9, 400]] }), 420);
    book.frame(frame({ quotes: [3], probe: [[3, 10, 650]] }), 660);
    expect(book.take(3)).toEqual({ tickId: 10, tickAt: 650, arrivedAt: 660 });
    // Frames of other events leave the waiting stamps alone.
    book.frame(frame({ quotes: [5], probe: [[5, 11, 700]] }), 710);
    book.frame(JSON.stringify({ events: [{ event: 'gauges', payload: { messagesPerSec: 3 } }] }), 720);
    expect(book.size).toBe(1);
    book.clear();
    expect(book.size).toBe(0);
  });
});

/** A frame with depth books (and their stamps) and, optionally, a quotes event with stamps of its own. */
const depthFrame = (books: { conId: number; probe?: [number, number][] }[], quoteProbe?: [number, number]) =>
  JSON.stringify({
    events: [
      ...books.map((b) => ({
        event: 'depth',
        payload: {
          conId: b.conId,
          bids: [{ price: 1, size: 100, maker: 'NSDQ' }],
          asks: [],
          state: 'live',
          updatedAt: 1,
          ...(b.probe
            ? { probe: b.probe.map(([tickId, tickAt]) => ({ conId: b.conId, tickId, tickAt })) }
            : {}),
        },
      })),
      ...(quoteProbe
        ? [
            {
              event: 'quotes',
              payload: {
                quotes: [{ conId: quoteProbe[0], bid: 1 }],
                probe: [{ conId: quoteProbe[0], tickId: quoteProbe[1], tickAt: 5 }],
              },
            },
          ]
        : []),
    ],
  });

describe('depth stamps', () => {
  it('are read from depth events only, and the quotes book reads only quotes events', () => {
    const text = depthFrame([{ conId: 4, probe: [[1, 10]] }, { conId: 6 }], [9, 2]);
    expect(depthBooksIn(text)).toEqual([
      { conId: 4, probe: [{ conId: 4, tickId: 1, tickAt: 10 }] },
      { conId: 6, probe: [] },
    ]);
    expect(stampsIn(text)).toEqual([{ conId: 9, tickId: 2, tickAt: 5 }]);
    expect(depthBooksIn(frame({ quotes: [1], probe: [[1, 7, 100]] }))).toEqual([]);
  });

  it('wait for their ladder together and are taken by one change', () => {
    const book = createDepthStampBook();
    book.frame(
      depthFrame([
        { conId: 4, probe: [[1, 10]] },
        { conId: 4, probe: [[2, 20]] },
      ]),
      30,
    );
    expect(book.size).toBe(2);
    expect(book.take(5)).toEqual([]);
    expect(book.take(4)).toEqual([
      { tickId: 1, tickAt: 10, arrivedAt: 30 },
      { tickId: 2, tickAt: 20, arrivedAt: 30 },
    ]);
    expect(book.take(4)).toEqual([]);
    expect(book.unpainted).toBe(0);
  });

  it('still waiting when another book of their instrument comes, they painted nothing and are dropped', () => {
    const book = createDepthStampBook();
    book.frame(
      depthFrame([
        { conId: 4, probe: [[1, 10]] },
        { conId: 7, probe: [[2, 10]] },
      ]),
      30,
    );
    // A book of 4 with no stamp: 4's waiting stamp changed nothing shown; 7's keeps waiting.
    book.frame(depthFrame([{ conId: 4 }]), 50);
    expect(book.unpainted).toBe(1);
    expect(book.take(4)).toEqual([]);
    expect(book.take(7)).toEqual([{ tickId: 2, tickAt: 10, arrivedAt: 30 }]);
    book.frame(depthFrame([{ conId: 4, probe: [[3, 60]] }]), 70);
    book.clear();
    expect(book.size).toBe(0);
    expect(book.unpainted).toBe(0);
  });
});
