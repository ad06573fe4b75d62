import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { ConnectionStates, type ConnectionStatus } from '../../src-shared/domain/connection';
import { trayIconFor, trayIconPath, trayMenuTemplate, trayTooltip } from './tray';

vi.mock('electron', () => ({}));

const iconsDir = path.resolve(__dirname, '..', '..', 'assets', 'icons', 'tray');
const s = (over: Partial<ConnectionStatus>): ConnectionStatus =>
  ({
    state: 'ready',
    profileName: 'Paper (TWS)',
    demo: false,
    live: false,
    serverVersion: 187,
    ...over,
  }) as ConnectionStatus;

describe('tray', () => {
  it('has an icon for every connection state, on every platform', () => {
    for (const state of ConnectionStates)
      for (const platform of ['darwin', 'win32', 'linux'] as const)
        expect(existsSync(trayIconPath(iconsDir, trayIconFor(state), platform))).toBe(true);
    expect(trayIconFor('ready')).toBe('connected');
    expect(trayIconFor('reconnecting')).toBe('lost');
    expect(trayIconFor('degraded')).toBe('lost');
    expect(trayIconFor('handshaking')).toBe('connecting');
    expect(trayIconPath('/i', 'lost', 'darwin')).toBe(path.join('/i', 'lostTemplate.png'));
  });

  it('says the state in words, with the account kind', () => {
    expect(trayTooltip(s({}))).toBe('IBDesk — Paper (TWS) [paper]: connected (server 187)');
    expect(trayTooltip(s({ state: 'reconnecting', live: true, profileName: 'Live' }))).toBe(
      'IBDesk — Live [LIVE]: connection lost, reconnecting…',
    );
  });

  it('menu: show, the state, connect/disconnect as fits, quit', () => {
    const calls: string[] = [];
    const a = {
      show: () => calls.push('show'),
      quit: () => calls.push('quit'),
      connect: () => calls.push('connect'),
      disconnect: () => calls.push('disconnect'),
      reconnectNow: () => calls.push('reconnectNow'),
    };
    const t = trayMenuTemplate(s({ state: 'disconnected' }), a);
    const item = (id: string) => t.find((i) => i.id === id) as MenuItemConstructorOptions;
    expect(item('status').label).toBe('Paper (TWS): disconnected');
    expect(item('connect').enabled).toBe(true);
    expect(item('disconnect').enabled).toBe(false);
    expect(t.some((i) => i.accelerator)).toBe(false);
    for (const id of ['show', 'connect', 'quit']) (item(id).click as () => void)();
    expect(calls).toEqual(['show', 'connect', 'quit']);
  });
});
