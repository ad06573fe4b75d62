import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../src-shared/logger';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import { Ledger } from '../accounts/ledger';
import { OrderEngine } from '../orders/matching';
import { defaultTicket } from '../orders/order-types';
import { buildUniverse } from '../model/universe';
import { Market } from '../model/market';
import type { Instrument } from '../model/instrument';
import { openStateFile } from './state-store';

const T = Date.UTC(2026, 10, 24, 16, 0, 0);
const universe = buildUniverse(T);
const msft = universe.bySymbol('MSFT')[0] as Instrument;
const dir = mkdtempSync(path.join(tmpdir(), 'ibdesk-gw-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function books(): { ledger: Ledger; engine: OrderEngine; byConId: (id: number) => Instrument | undefined } {
  const market = new Market(universe, 1, false);
  const ledger = new Ledger(['DU1'], 100_000);
  const listener = {
    orderChanged: () => undefined,
    executed: () => undefined,
    orderError: () => undefined,
    accountChanged: () => undefined,
    whatIf: () => undefined,
  };
  const engine = new OrderEngine({ market, ledger, accounts: ['DU1'], seed: 1, listener, usdRate: () => 1 });
  return { ledger, engine, byConId: (id) => universe.byConId(id) };
}

function recordingLog(lines: string[]): Logger {
  const at = (level: string) => (m: string, _f?: LogFields) => lines.push(`${level}: ${m}`);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => recordingLog(lines),
  };
}

describe('openStateFile', () => {
  it('saves the books and restores them into fresh ones', async () => {
    const file = path.join(dir, 'round-trip.json');
    const clock = createManualClock(T);
    const first = books();
    const saver = await openStateFile(file, first, clock, silentLogger);
    first.engine.place(
      1,
      5,
      msft,
      { ...defaultTicket(), action: 'BUY', totalQuantity: 3, orderType: 'MKT', tif: 'DAY' },
      T,
    );
    await saver.saveNow();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: number; savedAt: number };
    expect(saved).toMatchObject({ format: 1, savedAt: T });

    const lines: string[] = [];
    const second = books();
    await openStateFile(file, second, clock, recordingLog(lines));
    expect(second.ledger.position('DU1', msft.conId)?.qty).toBe(3);
    expect(second.engine.snapshot()).toEqual(first.engine.snapshot());
    expect(second.engine.nextValidId()).toBe(6);
    expect(lines).toEqual([`info: restored state from ${file}`]);
  });

  it('debounces changes into one write half a second after the first', async () => {
    const file = path.join(dir, 'debounced.json');
    const clock = createManualClock(T);
    const saver = await openStateFile(file, books(), clock, silentLogger);
    saver.changed();
    clock.advance(200);
    saver.changed();
    clock.advance(299);
    expect(existsSync(file)).toBe(false);
    clock.advance(1);
    await expect.poll(() => existsSync(file)).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('starts fresh from a damaged file or one of another format, and says why', async () => {
    const lines: string[] = [];
    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, 'not json');
    const other = path.join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 2 }));
    const b = books();
    await openStateFile(damaged, b, createManualClock(T), recordingLog(lines));
    await openStateFile(other, b, createManualClock(T), recordingLog(lines));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warn: state file ${damaged} is unreadable \\(it is not valid JSON .*\\); starting fresh, the old file is kept as ${damaged}\\.bak$`,
        ),
      ),
      `warn: state file ${other} has an unknown format; starting fresh`,
    ]);
    expect(b.ledger.positions()).toEqual([]);
  });
});
