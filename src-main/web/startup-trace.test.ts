// The start-up trace prints each stage once, nothing when off, and reads back from the host's output.
import { describe, expect, it } from 'vitest';
import { createStartupTrace, parseStartupTrace } from './startup-trace';

describe('startup trace', () => {
  it('prints the process start and each stage once, as epoch ms', () => {
    const lines: string[] = [];
    const mark = createStartupTrace(true, (l) => lines.push(l));
    mark('listening');
    mark('listening');
    mark('gateway');
    expect(lines.map((l) => l.split(' ')[2])).toEqual(['process', 'listening', 'gateway']);
    const stages = parseStartupTrace(`noise\n${lines.join('\n')}\nmore noise`);
    expect([...stages.keys()]).toEqual(['process', 'listening', 'gateway']);
    expect(stages.get('process')!).toBeLessThanOrEqual(stages.get('listening')!);
    expect(Math.abs(stages.get('gateway')! - Date.now())).toBeLessThan(5_000);
  });

  it('prints nothing when off', () => {
    const lines: string[] = [];
    createStartupTrace(false, (l) => lines.push(l))('listening');
    expect(lines).toEqual([]);
  });
});
