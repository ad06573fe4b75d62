import { describe, expect, it, vi } from 'vitest';
import { applyFault, parseFaultSpec } from './fault-spec';
import type { FaultControls } from './faults';

describe('--fault specs', () => {
  it('parses name, arguments, delay and period', () => {
    expect(parseFaultSpec('drop-all@30000')).toEqual({
      name: 'drop-all',
      args: [],
      delayMs: 30000,
      everyMs: undefined,
    });
    expect(parseFaultSpec('connectivity:data-lost:3000/60000')).toEqual({
      name: 'connectivity',
      args: ['data-lost', '3000'],
      delayMs: 0,
      everyMs: 60000,
    });
    expect(() => parseFaultSpec('explode')).toThrow(/bad --fault/);
    expect(() => parseFaultSpec('drop-all/10')).toThrow(/at least 100 ms/);
  });

  it('calls the matching fault control', () => {
    const f = {
      silence: vi.fn(),
      connectivityLoss: vi.fn(),
      acceptThenClose: vi.fn(),
      swallowOrders: vi.fn(),
    } as unknown as FaultControls;
    applyFault(f, parseFaultSpec('silence:5000'));
    applyFault(f, parseFaultSpec('connectivity:data-maintained:200'));
    applyFault(f, parseFaultSpec('accept-then-close:3'));
    applyFault(f, parseFaultSpec('swallow-order@20000'));
    expect(f.silence).toHaveBeenCalledWith(5000);
    expect(f.connectivityLoss).toHaveBeenCalledWith('data-maintained', 200);
    expect(f.acceptThenClose).toHaveBeenCalledWith(3);
    expect(f.swallowOrders).toHaveBeenCalledWith(1);
  });
});
