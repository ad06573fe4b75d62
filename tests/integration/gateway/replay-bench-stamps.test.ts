// The replaying gateway's bench stamps (npm run bench's replay tick → paint figure): with `benchStamps`, a relayed
// quote is followed by a tickString 9901 "seq;epoch ms" on its line, once per pump of the player, as the live model
// stamps a beat; without it, no stamp ever goes out.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoGateway } from '../../../src-main/demo-gateway/gateway';
import { RawClient } from './raw-client';

const SHIPPED = path.join(process.cwd(), 'tests', 'fixtures', 'recordings', 'demo-session.ibdrec');

async function replayAapl(benchStamps: boolean): Promise<string[][]> {
  const gw = await createDemoGateway({ port: 0, benchStamps, replay: { file: SHIPPED, paused: true } });
  const c = await RawClient.started(gw.port, 1, 'v100..176');
  try {
    c.reqStockMktData(7, 265598, 'AAPL');
    const asked = Date.now();
    while (gw.received(1).filter((m) => m.msgId === 1).length === 0) {
      if (Date.now() - asked > 5_000) throw new Error('the gateway did not take reqMktData');
      await new Promise((r) => setTimeout(r, 10));
    }
    gw.replay!.setSpeed(20);
    gw.replay!.play();
    await c.until(() => c.of(1).length > 20, 'replayed AAPL quotes', 10_000);
    gw.replay!.pause();
    return c.frames;
  } finally {
    c.close();
    await gw.close();
  }
}

/** tickString (46): id, version, reqId, tickType, value. */
const stampsOf = (frames: string[][]) => frames.filter((f) => f[0] === '46' && f[3] === '9901');

describe('replay bench stamps', () => {
  it('stamps relayed quotes on their line, after them, at most once per pump', async () => {
    const frames = await replayAapl(true);
    const stamps = stampsOf(frames);
    expect(stamps.length).toBeGreaterThan(0);
    const quotes = frames.filter((f) => f[0] === '1' || f[0] === '2').length;
    expect(stamps.length).toBeLessThan(quotes);
    const seqs = stamps.map((f) => Number(f[4]!.split(';')[0]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const f of stamps) {
      expect(f[2]).toBe('7');
      const at = Number(f[4]!.split(';')[1]);
      expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    }
    // A stamp follows a relayed quote, never leads one.
    const first = frames.findIndex((f) => f[0] === '46' && f[3] === '9901');
    expect(frames.slice(0, first).some((f) => f[0] === '1' || f[0] === '2')).toBe(true);
  });

  it('sends no stamp without benchStamps', async () => {
    expect(stampsOf(await replayAapl(false))).toEqual([]);
  });
});
