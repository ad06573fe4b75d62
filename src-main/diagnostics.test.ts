import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../src-shared/domain/connection';
import { defaultProfiles } from '../src-shared/domain/settings';
import { connectionStatusFixture } from '../tests/support/domain-fixtures';
import { aboutText, diagnosticsText, redact } from './diagnostics';

const status: ConnectionStatus = connectionStatusFixture({
  accounts: ['DU1234567'],
  since: Date.UTC(2026, 10, 24),
});
const versions = {
  version: '1.2.3',
  host: 'electron' as const,
  node: '22.20.0',
  electron: '45.4.1',
  chrome: '140.0',
};

describe('diagnostics', () => {
  it('masks account ids, tokens and the home folder', () => {
    expect(redact('accounts DU1234567, U7654321 and F12345', null)).toBe(
      'accounts DU****567, U****321 and F**345',
    );
    expect(redact('http://127.0.0.1:5174/?token=abcDEF123&x=1', null)).toBe(
      'http://127.0.0.1:5174/?token=<redacted>&x=1',
    );
    expect(redact('{"password":"hunter2"}', null)).toBe('{"password":"<redacted>"}');
    expect(redact('/home/alice/.config/IBDesk', '/home/alice')).toBe('~/.config/IBDesk');
  });

  it('has versions, the profile without secrets, the connection, and the last 200 log lines', () => {
    const log = Array.from({ length: 250 }, (_, i) => ({
      seq: i + 1,
      time: Date.UTC(2026, 10, 24, 12, 0, 0, i),
      level: 'info' as const,
      source: 'connection',
      message: `event ${i + 1} for DU1234567`,
    }));
    const text = diagnosticsText({
      app: { ...versions, dataDir: '/home/alice/.config/IBDesk' },
      os: { platform: 'linux', arch: 'x64', release: '6.1.0' },
      logDir: '/home/alice/.config/IBDesk/logs',
      status,
      profile: defaultProfiles()[1]!,
      log,
      now: Date.UTC(2026, 10, 24, 13),
      home: '/home/alice',
    });
    expect(text).toContain('IBDesk 1.2.3 (desktop app) · Electron 45.4.1 · Chromium 140.0 · Node 22.20.0');
    expect(text).toContain('Paper (TWS) [tws-paper] — tws, 127.0.0.1:7497, client id 1');
    expect(text).toContain('connection: ready to 127.0.0.1:7497 as client 1, TWS server version 187');
    expect(text).toContain('## Last 200 log lines');
    expect(text).toContain('event 250 for DU****567');
    expect(text).not.toContain('event 50 for');
    expect(text).not.toContain('DU1234567');
    expect(text).not.toContain('/home/alice');
  });

  it('About names app, Electron, Chromium, Node and the TWS server version', () => {
    expect(aboutText(versions, status)).toBe(
      'IBDesk 1.2.3\nElectron 45.4.1\nChromium 140.0\nNode.js 22.20.0\nTWS server version 187 (Paper (TWS))',
    );
    expect(aboutText({ ...versions, host: 'web', electron: null, chrome: null }, null)).toBe(
      'IBDesk 1.2.3\nNode.js 22.20.0\nTWS: not connected',
    );
  });
});
