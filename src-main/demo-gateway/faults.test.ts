import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { FaultError, Faults, faultControls } from './faults';

function faults(jumps: [string, number][] = []): Faults {
  return new Faults({
    clock: createManualClock(0),
    log: silentLogger,
    sessions: () => [],
    connections: () => [],
    stopListening: () => Promise.resolve(),
    startListening: () => Promise.resolve(),
    dataLost: () => undefined,
    jumpPrice: (symbol, factor) => {
      if (symbol !== 'AAPL') return false;
      jumps.push([symbol, factor]);
      return true;
    },
    clearJumps: () => jumps.splice(0),
  });
}

describe('faultControls', () => {
  it('switches the faults it was made from, as functions that need no receiver', () => {
    const f = faults();
    const { acceptThenClose, swallowOrders, pacingViolation, silence, status } = faultControls(f);
    acceptThenClose(2);
    swallowOrders();
    pacingViolation('historical', 3);
    silence();
    expect(status()).toEqual({
      silent: true,
      connectivityLost: false,
      slowReader: false,
      rejecting: false,
      acceptThenClose: 2,
      pacingViolationsArmed: 3,
      ordersToSwallow: 1,
    });
    expect(f.takeSwallowedOrder()).toBe(true);
    expect(status().ordersToSwallow).toBe(0);
  });

  it('clears every armed fault', () => {
    const controls = faultControls(faults());
    controls.acceptThenClose(1);
    controls.silence(5000);
    controls.clear();
    expect(controls.status()).toMatchObject({ silent: false, acceptThenClose: 0 });
    expect(controls.dropAll()).toBe(0);
  });

  it('jumps a known symbol by a percent, refuses nonsense with a FaultError, and clear ends the jump', () => {
    const jumps: [string, number][] = [];
    const { priceJump, clear } = faultControls(faults(jumps));
    priceJump('AAPL', 5);
    priceJump('AAPL', -20);
    expect(jumps).toEqual([
      ['AAPL', 1.05],
      ['AAPL', 0.8],
    ]);
    expect(() => priceJump('NOPE', 5)).toThrow(FaultError);
    expect(() => priceJump('AAPL', 0)).toThrow(FaultError);
    expect(() => priceJump('AAPL', -100)).toThrow(FaultError);
    expect(() => priceJump('AAPL', Number.NaN)).toThrow(FaultError);
    expect(jumps).toHaveLength(2);
    clear();
    expect(jumps).toEqual([]);
  });
});
