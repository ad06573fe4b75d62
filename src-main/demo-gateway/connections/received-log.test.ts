import { describe, expect, it } from 'vitest';
import { ReceivedLog } from './received-log';

describe('ReceivedLog', () => {
  it('keeps what each client id sent, oldest first, apart from other client ids', () => {
    const log = new ReceivedLog();
    log.record(1, 71, 1000);
    log.record(2, 49, 1001);
    log.record(1, 1, 1002);
    expect(log.list(1)).toEqual([
      { time: 1000, msgId: 71 },
      { time: 1002, msgId: 1 },
    ]);
    expect(log.list(2)).toEqual([{ time: 1001, msgId: 49 }]);
    expect(log.list(3)).toEqual([]);
  });

  it('finds the busiest window of a client id (the end of a window is excluded)', () => {
    const log = new ReceivedLog();
    for (const t of [0, 100, 200, 999, 1000, 1500, 3000]) log.record(7, 1, t);
    expect(log.maxInWindow(7, 1000)).toBe(4);
    expect(log.maxInWindow(7, 1)).toBe(1);
    expect(log.maxInWindow(8, 1000)).toBe(0);
  });

  it('drops the oldest tenth past its cap, per client id', () => {
    const log = new ReceivedLog(20);
    for (let i = 0; i < 21; i++) log.record(1, i, i);
    const ids = log.list(1).map((m) => m.msgId);
    expect(ids).toHaveLength(19);
    expect(ids[0]).toBe(2);
    expect(ids.at(-1)).toBe(20);
  });

  it('keeps ignored orders up to its cap and hands out copies', () => {
    const log = new ReceivedLog(2);
    for (let id = 1; id <= 3; id++) log.ignore({ time: id, clientId: 1, orderId: id, session: 4 });
    const first = log.ignored();
    expect(first.map((o) => o.orderId)).toEqual([1, 2]);
    first.pop();
    expect(log.ignored()).toHaveLength(2);
  });
});
