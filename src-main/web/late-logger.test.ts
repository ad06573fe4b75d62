// Log entries written before the log book exists reach it, in order and under their sources, once it is attached.
import { describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../src-shared/logger';
import { createLateLogger } from './late-logger';

function recorder(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const make = (source: string): Logger => {
    const w = (level: string) => (m: string, f?: LogFields) =>
      lines.push(`${source} ${level} ${m}${f ? ` ${JSON.stringify(f)}` : ''}`);
    return {
      debug: w('debug'),
      info: w('info'),
      warn: w('warn'),
      error: w('error'),
      child: (s) => make(`${source}.${s}`),
    };
  };
  return { logger: make('root'), lines };
}

describe('createLateLogger', () => {
  it('holds entries until attached, then passes them on in order with their sources and fields', () => {
    const late = createLateLogger();
    late.info('first');
    late.child('refusals').warn('second', { action: 'refused' });
    const r = recorder();
    expect(r.lines).toEqual([]);
    late.attach(r.logger);
    expect(r.lines).toEqual(['root info first', 'root.refusals warn second {"action":"refused"}']);
    late.error('third');
    expect(r.lines.at(-1)).toBe('root error third');
  });

  it('keeps the first entries of a flood before the log book arrives and says how many it dropped', () => {
    const late = createLateLogger();
    for (let i = 0; i < 250; i++) late.info(`entry ${i}`);
    const r = recorder();
    late.attach(r.logger);
    expect(r.lines).toHaveLength(201);
    expect(r.lines[0]).toBe('root info entry 0');
    expect(r.lines[199]).toBe('root info entry 199');
    expect(r.lines[200]).toBe('root warn 50 log entries from before the app loaded were dropped');
  });
});
