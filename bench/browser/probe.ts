// The bench probe, installed in a page before its own scripts (Playwright addInitScript). It times what the eye
// sees: the quotes frames of the bench (npm run bench) carry the demo gateway's stamps as `probe` entries beside the
// quotes ({conId, tickId, tickAt}); when a cell of that instrument (its watchlist row tr[data-conid], or its cells
// td[data-conid] in an option chain; cells.ts) next changes, the probe
// waits for the next frame and for that frame's paint to finish (requestAnimationFrame, then a message posted from
// it runs after rendering). Depth events carry the stamps of the book changes they include the same way: when the
// ladder of that instrument (table[data-conid]) next changes a bid or ask size, every stamp waiting for it is painted
// with that frame. It also counts frames, clicks and the JS heap. Times are epoch ms (performance.timeOrigin +
// performance.now()), the gateway's clock too.
import { createInstrumentLookup } from './cells';
import { createDepthStampBook, createStampBook, type Stamp, type TickPaint } from './stamps';

export type BenchProbe = {
  /** Pairs quote stamps with the next change of their instrument's cells (only inside `scope` when given). */
  watchTicks(scope?: string): void;
  takeTicks(): TickPaint[];
  /** Depth stamps painted on a ladder since watchDepth, and how many were dropped unpainted (off-screen rows). */
  watchDepth(): void;
  takeDepth(): { paints: TickPaint[]; unpainted: number };
  startFrames(): void;
  /** Frame timestamps (ms, performance.now()) since startFrames. */
  stopFrames(): number[];
  /** Epoch ms of clicks on elements matching the selector, since the probe was installed. */
  clicks(selector: string): number[];
  /** Epoch ms of the first frame that showed a watchlist row with a live quote (0 until then). */
  firstLiveQuoteAt: number;
  /** Epoch ms when the page's WebSocket opened and when it first asked for quotes (0 until then). */
  socketOpenAt: number;
  firstSubscribeAt: number;
  /** Epoch ms of every orders.place request the page sent. */
  placeSent(): number[];
};

declare global {
  interface Window {
    ibdeskBench?: BenchProbe;
  }
}

const epoch = (): number => performance.timeOrigin + performance.now();

/** Runs `fn` once the frame after now has been painted. */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn();
    ch.port2.postMessage(null);
  });
}

const stamps = createStampBook();
const tickWatch = createPaintWatch(stamps, paintedStamp);
const depthStamps = createDepthStampBook();
const depthWatch = createPaintWatch(depthStamps, paintedDepth);

const socketTimes = { open: 0, subscribe: 0, place: [] as number[] };

function watchSockets(): void {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (!socketTimes.subscribe && typeof data === 'string' && data.includes('"quotes.subscribe"'))
        socketTimes.subscribe = epoch();
      if (typeof data === 'string' && data.includes('"orders.place"')) socketTimes.place.push(epoch());
      super.send(data);
    }
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => (socketTimes.open ||= epoch()));
      // Added before the page's own listener, so a frame's stamps wait before its quotes reach the DOM.
      this.addEventListener('message', (e: MessageEvent) => {
        if (tickWatch.on && typeof e.data === 'string' && e.data.includes('"quotes"'))
          stamps.frame(e.data, epoch());
        if (depthWatch.on && typeof e.data === 'string') depthStamps.frame(e.data, epoch());
      });
    }
  };
}

/** The instrument of a changed node, inside watchTicks' scope (only changes inside an element matching it, or anywhere). */
let instrumentAt = createInstrumentLookup();

/** The stamp a DOM change paints: the one waiting for the instrument whose cell changed (inside the scope). */
function paintedStamp(node: Node): (Stamp & { conId: number })[] {
  const conId = instrumentAt(node);
  if (conId === null) return [];
  const stamp = stamps.take(conId);
  return stamp ? [{ ...stamp, conId }] : [];
}

/** The depth stamps a DOM change paints: those waiting for the ladder whose bid or ask size cell changed. */
function paintedDepth(node: Node): Stamp[] {
  const el = node instanceof Element ? node : node.parentElement;
  const table = el?.closest<HTMLTableElement>('table.ladder-table[data-conid]');
  if (!table || !el!.closest('td.bid, td.ask')) return [];
  return depthStamps.take(Number(table.dataset.conid));
}

/**
 * One kind of paint being timed: from start() to stop(), the page is watched for the changes that paint the stamps
 * waiting in `book` (`painted` takes those a changed node paints), each kept with the change's time and the time
 * of the paint after it; `on` tells the socket to stamp its frames meanwhile.
 */
function createPaintWatch(
  book: { readonly size: number; clear(): void },
  painted: (node: Node) => (Stamp & { conId?: number })[],
) {
  let observer: MutationObserver | null = null;
  const paints: TickPaint[] = [];
  return {
    get on(): boolean {
      return observer !== null;
    },
    start(): void {
      observer?.disconnect();
      book.clear();
      observer = new MutationObserver((records) => {
        if (book.size === 0) return;
        const changedAt = epoch();
        const fresh = records.flatMap((r) => painted(r.target));
        if (fresh.length === 0) return;
        afterNextPaint(() => {
          const paintedAt = epoch();
          for (const f of fresh) paints.push({ ...f, changedAt, paintedAt });
        });
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    },
    /** Stops watching (the stamps still waiting are dropped); the paints since start(). */
    stop(): TickPaint[] {
      observer?.disconnect();
      observer = null;
      book.clear();
      return paints.splice(0);
    },
  };
}

function install(): BenchProbe {
  watchSockets();
  let frames: number[] = [];
  let counting = false;
  const clickLog: { target: Element; at: number }[] = [];
  addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element)
        clickLog.push({ target: e.target, at: performance.timeOrigin + e.timeStamp });
    },
    true,
  );
  const frame = (t: number): void => {
    if (!counting) return;
    frames.push(t);
    requestAnimationFrame(frame);
  };
  const probe: BenchProbe = {
    firstLiveQuoteAt: 0,
    get socketOpenAt() {
      return socketTimes.open;
    },
    get firstSubscribeAt() {
      return socketTimes.subscribe;
    },
    placeSent: () => [...socketTimes.place],
    watchTicks: (scope) => {
      instrumentAt = createInstrumentLookup(scope);
      tickWatch.start();
    },
    takeTicks: () => tickWatch.stop(),
    watchDepth: () => depthWatch.start(),
    takeDepth() {
      const unpainted = depthStamps.unpainted + depthStamps.size;
      return { paints: depthWatch.stop(), unpainted };
    },
    startFrames() {
      frames = [];
      counting = true;
      requestAnimationFrame(frame);
    },
    stopFrames() {
      counting = false;
      return frames;
    },
    clicks(selector) {
      return clickLog.filter((c) => c.target.closest(selector)).map((c) => c.at);
    },
  };
  const lookForLiveQuote = (): void => {
    const rows = document.querySelectorAll('table[aria-label^="Watchlist"] tr[data-conid]');
    for (const r of rows) {
      if (r.querySelector('.qbadge-live') && /\d/.test(r.children[1]?.textContent ?? '')) {
        probe.firstLiveQuoteAt = epoch();
        return;
      }
    }
    requestAnimationFrame(lookForLiveQuote);
  };
  requestAnimationFrame(lookForLiveQuote);
  return probe;
}

window.ibdeskBench ??= install();
