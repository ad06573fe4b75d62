import { describe, expect, it } from 'vitest';
import { terminalLogger } from './terminal-log';

describe('terminalLogger', () => {
  const T = Date.UTC(2026, 0, 2, 3, 4, 5, 6);

  it('writes one line per entry: time, level, source, TWS code, message and the other fields', () => {
    const lines: string[] = [];
    const log = terminalLogger({ write: (l) => lines.push(l), now: () => T, level: 'info', source: 'cli' });
    log.info('listening');
    log.child('demo-gateway').warn('client 3 exceeded 50 messages per second', { twsCode: 100, clientId: 3 });
    log.error('restart failed', { action: 'stopped' });
    expect(lines).toEqual([
      '2026-01-02T03:04:05.006Z info  cli: listening\n',
      '2026-01-02T03:04:05.006Z warn  cli.demo-gateway [100]: client 3 exceeded 50 messages per second {"clientId":3}\n',
      '2026-01-02T03:04:05.006Z error cli: restart failed\n',
    ]);
  });

  it('drops entries below its level', () => {
    const lines: string[] = [];
    const quiet = terminalLogger({ write: (l) => lines.push(l), now: () => T, level: 'info', source: 's' });
    quiet.debug('noise');
    expect(lines).toEqual([]);
    const verbose = terminalLogger({
      write: (l) => lines.push(l),
      now: () => T,
      level: 'debug',
      source: 's',
    });
    verbose.debug('detail');
    expect(lines).toHaveLength(1);
  });

  it('never writes an account id whole, in the message or in the fields', () => {
    const lines: string[] = [];
    const log = terminalLogger({ write: (l) => lines.push(l), now: () => T, level: 'info', source: 's' });
    log.info('order for DU1234567', { account: 'U7654321' });
    expect(lines[0]).toContain('order for DU****567 {"account":"U****321"}');
  });
});
