import { describe, expect, it } from 'vitest';
import { measureDepth, measureGatewayDepth } from './depth-model';
import { suites } from './index';

describe('depth-model bench suite', () => {
  it('is registered and measures book + diff work over simulated time', () => {
    expect(suites['depth-model']).toBeTypeOf('function');
    const load = measureDepth({ books: 3, seconds: 0.5, rate: 100, numRows: 20 });
    expect(load.updates).toBe(150);
    // Books move between updates 10 ms apart: some operations, far fewer than a full re-send each time.
    expect(load.ops).toBeGreaterThan(10);
    expect(load.ops).toBeLessThan(150 * 40);
    expect(Number.isFinite(load.pctCore)).toBe(true);
    expect(load.pctCore).toBeGreaterThan(0);
  });

  it('streams depth through a live gateway to a child client and measures the gateway alone', async () => {
    const load = await measureGatewayDepth(2, 1);
    // Two SMART books at 100 updates/s: MARKET_DEPTH_L2 messages arrive at the client all along.
    expect(load.depthPerSec).toBeGreaterThan(20);
    expect(load.mbps).toBeGreaterThan(0);
    expect(load.pctCore).toBeGreaterThan(0);
  });
});
