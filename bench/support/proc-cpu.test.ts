import { describe, expect, it } from 'vitest';
import { cpuTicksOfStat, processCpuMs } from './proc-cpu';

describe('cpuTicksOfStat', () => {
  it('adds utime and stime, whatever the process name holds', () => {
    const tail = 'S 1 2 3 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 11 0 5000 1000000 2000';
    expect(cpuTicksOfStat(`4242 (node) ${tail}`)).toBe(1234 + 567);
    expect(cpuTicksOfStat(`4242 (we b) (host)) ${tail}`)).toBe(1234 + 567);
  });

  it('refuses a line that is not one', () => {
    expect(() => cpuTicksOfStat('nothing here')).toThrow(/not a/);
    expect(() => cpuTicksOfStat('1 (x) S 1')).toThrow(/utime/);
  });

  it.runIf(process.platform === 'linux')('reads this process: its CPU time grows as it works', () => {
    const before = processCpuMs(process.pid);
    const until = performance.now() + 60;
    let x = 0;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    expect(processCpuMs(process.pid)).toBeGreaterThan(before);
  });
});
