// The log file: one line per entry, appended synchronously, rolled over by size with the newest files kept, and
// never a reason for the app to fail.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src-shared/domain/log';
import { createLogFile, formatLogLine, teeSink } from './log-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-logs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (seq: number, message = `line ${seq}`): LogEntry => ({
  seq,
  time: Date.UTC(2026, 10, 24, 12, 0, seq % 60),
  level: 'info',
  source: 'test',
  message,
});

describe('log files', () => {
  it('formats a line with the TWS code, the action and the fields', () => {
    expect(
      formatLogLine({ ...entry(1, 'Lost'), level: 'warn', twsCode: 1100, action: 'waiting' }, { attempt: 2 }),
    ).toBe('2026-11-24T12:00:01.000Z warn  test [1100]: Lost (waiting) {"attempt":2}');
  });

  it('keeps one entry on one line: a message with line breaks or escapes cannot forge another line', () => {
    const line = formatLogLine({
      ...entry(1, 'from TWS\n2026-11-24T12:00:00.000Z error orders: forged\r\u001b[2J'),
      action: 'x\ny',
    });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('from TWS\\u000a2026-11-24T12:00:00.000Z error orders: forged\\u000d\\u001b[2J');
    expect(line).toContain('(x\\u000ay)');
  });

  it('appends to ibdesk.log in the folder, creating it', async () => {
    const logs = path.join(dir, 'nested', 'logs');
    const f = createLogFile({ dir: logs });
    f.sink(entry(1), {});
    f.sink(entry(2), {});
    f.close();
    expect(await readFile(path.join(logs, 'ibdesk.log'), 'utf8')).toMatch(/line 1\n.*line 2\n$/);
  });

  it('rolls over by size and keeps only the newest files', async () => {
    const f = createLogFile({ dir, maxBytes: 200, keep: 2 });
    for (let i = 1; i <= 40; i++) f.sink(entry(i, `message number ${i} with some padding`), {});
    f.close();
    expect((await readdir(dir)).sort()).toEqual(['ibdesk.1.log', 'ibdesk.2.log', 'ibdesk.log']);
    const current = await readFile(path.join(dir, 'ibdesk.log'), 'utf8');
    expect(current).toContain('message number 40');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(200);
    const oldest = await readFile(path.join(dir, 'ibdesk.2.log'), 'utf8');
    expect(oldest).not.toContain('message number 1 ');
  });

  it('by default rolls over at 5 MB and keeps the last five files, as the README promises', async () => {
    const f = createLogFile({ dir });
    const pad = 'x'.repeat(64 * 1024);
    // 64 KB entries: 80 fill a 5 MB file, so 7 files' worth makes every rolled slot turn over at least once.
    for (let i = 1; i <= 7 * 80; i++) f.sink(entry(i, `entry ${i} ${pad}`), {});
    f.close();
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['ibdesk.1.log', 'ibdesk.2.log', 'ibdesk.3.log', 'ibdesk.4.log', 'ibdesk.log']);
    for (const n of names) expect((await stat(path.join(dir, n))).size).toBeLessThanOrEqual(5 * 1024 * 1024);
    // The oldest file holds later entries than the first ones: those were dropped with the sixth file.
    expect(await readFile(path.join(dir, 'ibdesk.4.log'), 'utf8')).not.toMatch(/: entry 1 x/);
  });

  it('keeps going after a restart, appending to the same file', async () => {
    createLogFile({ dir }).sink(entry(1), {});
    const again = createLogFile({ dir });
    again.sink(entry(2), {});
    again.close();
    expect((await readFile(path.join(dir, 'ibdesk.log'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(
      2,
    );
  });

  it('a log folder that cannot be written does not throw into the app', async () => {
    await writeFile(path.join(dir, 'a-file'), 'not a folder');
    const f = createLogFile({ dir: path.join(dir, 'a-file', 'logs') });
    const seen: string[] = [];
    const tee = teeSink(f.sink, (e) => seen.push(e.message));
    expect(() => tee(entry(1), {})).not.toThrow();
    expect(seen).toEqual(['line 1']);
  });
});
