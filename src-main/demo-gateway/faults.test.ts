import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { Faults, faultControls } from './faults';

function faults(): Faults {
  return new Faults({
    clock: createManualClock(0),
    log: silentLogger,
    sessions: () => [],
    connections: () => [],
    stopListening: () => Promise.resolve(),
    startListening: () => Promise.resolve(),
    dataLost: () => undefined,
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
});
