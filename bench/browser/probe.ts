// The bench probe, installed in a page before its own scripts (Playwright addInitScript). It times what the eye
// sees: when an element's data-tick-id changes it waits for the next frame and for that frame's paint to finish
// (requestAnimationFrame, then a message posted from it runs after rendering), and it counts frames, clicks and
// the JS heap. Times are epoch ms (performance.timeOrigin + performance.now()), the gateway's clock too.
export type TickPaint = {
  tickId: number;
  /** Gateway send time. */
  tickAt: number;
  /** When the WebSocket message carrying it arrived (absent when the frame is not JSON text). */
  arrivedAt?: number;
  changedAt: number;
  paintedAt: number;
};

export type BenchProbe = {
  watchTicks(): void;
  takeTicks(): TickPaint[];
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

/** Arrival time of every tick id seen in a WebSocket text frame (the host's JSON batches). */
const arrivals = new Map<number, number>();
const TICK_ID = /"tickId":(\d+)/g;

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
      this.addEventListener('message', (e: MessageEvent) => {
        if (typeof e.data !== 'string' || !e.data.includes('"tickId"')) return;
        const at = epoch();
        for (const m of e.data.matchAll(TICK_ID))
          if (!arrivals.has(Number(m[1]))) arrivals.set(Number(m[1]), at);
        if (arrivals.size > 10_000) arrivals.clear();
      });
    }
  };
}

function install(): BenchProbe {
  watchSockets();
  const ticks: TickPaint[] = [];
  const seen = new Set<number>();
  let observer: MutationObserver | null = null;
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
    watchTicks() {
      observer?.disconnect();
      observer = new MutationObserver((records) => {
        const changedAt = epoch();
        const fresh: { tickId: number; tickAt: number }[] = [];
        for (const r of records) {
          const el = r.target as Element;
          const tickId = Number(el.getAttribute('data-tick-id'));
          const tickAt = Number(el.getAttribute('data-tick-at'));
          if (!tickId || !tickAt || seen.has(tickId)) continue;
          seen.add(tickId);
          fresh.push({ tickId, tickAt });
        }
        if (fresh.length === 0) return;
        afterNextPaint(() => {
          const paintedAt = epoch();
          for (const f of fresh) {
            const arrivedAt = arrivals.get(f.tickId);
            ticks.push({ ...f, ...(arrivedAt !== undefined ? { arrivedAt } : {}), changedAt, paintedAt });
          }
        });
      });
      observer.observe(document.documentElement, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-tick-id'],
      });
    },
    takeTicks() {
      observer?.disconnect();
      observer = null;
      return ticks.splice(0);
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
