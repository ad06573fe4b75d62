// What the renderer benches share to time a click that places an order (the ticket's Buy, a ladder price): click
// `n` times, each time until the pane's order result says sent, then pair each click (the probe's log) with the
// placeOrder the gateway received after it (its control API) and with the request the page sent. Also the bounded
// wait they use and the page's heap after a forced GC.
import type { CDPSession, Locator } from '@playwright/test';
import { control, type AppSession } from './app-session';
import { clickToOrder } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(what);
    await sleep(20);
  }
}

export type OrderTimes = { latencies: number[]; missing: number; clickToSend: number[] };

/** Clicks `target` `n` times, 250 ms apart, each once `result` says sent; `clicked` picks the clicks in the probe. */
export async function clickOrders(
  app: AppSession,
  opts: { target: () => Locator; result: Locator; n: number; clicked: string },
): Promise<OrderTimes> {
  const { page } = app;
  const { result } = opts;
  const since = Date.now();
  for (let i = 0; i < opts.n; i++) {
    const before = (await result.count()) ? await result.innerText() : '';
    await opts.target().click();
    await until(
      async () => {
        const text = (await result.count()) ? await result.innerText() : '';
        return text !== before && /sent/.test(text);
      },
      20_000,
      `no order result after a click on ${opts.clicked}`,
    );
    await sleep(250);
  }
  const clicks = (
    (await page.evaluate(`window.ibdeskBench.clicks(${JSON.stringify(opts.clicked)})`)) as number[]
  ).filter((t) => t >= since - 1);
  const conns = await control<{ clientId: number }[]>(app, '/connections');
  const orders: number[] = [];
  for (const c of conns) {
    const got = await control<{ time: number; msgId: number }[]>(app, `/received?clientId=${c.clientId}`);
    // PLACE_ORDER is outgoing message 3 (ibapi/message.py OUT.PLACE_ORDER).
    orders.push(...got.filter((m) => m.msgId === 3 && m.time >= since - 1).map((m) => m.time));
  }
  const sent = (await page.evaluate('window.ibdeskBench.placeSent()')) as number[];
  return { ...clickToOrder(clicks, orders), clickToSend: clickToOrder(clicks, sent).latencies };
}

/** The page's JS heap (MB) after a forced garbage collection. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  return u.usedSize / 1e6;
}
