import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src-shared/domain/log';
import { createLogBook } from './log-book';

describe('log book', () => {
  it('masks account ids in the message, the action and the fields it hands the sink', () => {
    const sunk: { entry: LogEntry; fields: Record<string, unknown> }[] = [];
    const book = createLogBook({ now: () => 5, sink: (entry, fields) => sunk.push({ entry, fields }) });
    const seen: LogEntry[] = [];
    book.subscribe((e) => seen.push(e));
    book
      .logger('orders')
      .warn('DU1234567 rejected', { action: 'sent to U7654321', order: { account: 'DU1234567' } });
    expect(sunk[0]!.entry.message).toBe('DU****567 rejected');
    expect(sunk[0]!.entry.action).toBe('sent to U****321');
    expect(sunk[0]!.fields).toEqual({ order: { account: 'DU****567' } });
    expect(seen.map((e) => e.message)).toEqual(['DU****567 rejected']);
    expect(book.recent(10)).toHaveLength(1);
  });

  it('an entry below both levels goes nowhere and never reads its fields', () => {
    let serialized = 0;
    const heavy = { toJSON: () => (serialized++, { rows: 500 }) };
    const sunk: unknown[] = [];
    const book = createLogBook({ sink: (e) => sunk.push(e), sinkLevel: 'info', windowLevel: 'info' });
    book.logger('hub').debug('sent a frame', { frame: heavy });
    expect(serialized).toBe(0);
    expect(sunk).toEqual([]);
    expect(book.recent(10)).toEqual([]);
    book.logger('hub').info('sent a frame', { frame: heavy });
    expect(serialized).toBe(1);
    expect(sunk).toHaveLength(1);
  });

  it('keeps debug entries for the sink when its level asks for them, without showing them to windows', () => {
    const sunk: LogEntry[] = [];
    const book = createLogBook({ sink: (e) => sunk.push(e), sinkLevel: 'debug' });
    book.logger('link').debug('frame 4');
    expect(sunk.map((e) => e.message)).toEqual(['frame 4']);
    expect(book.recent(10)).toEqual([]);
  });
});
