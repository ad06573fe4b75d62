import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAlert } from '../../src-shared/domain/alerts';
import { silentLogger } from '../../src-shared/logger';
import { alertsFile, createAlertsStore } from './alerts-store';
import type { Notice } from './settings-store';

let dir: string;
let notices: Notice[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-alerts-'));
  notices = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const store = () => createAlertsStore({ dataDir: dir, log: silentLogger, notify: (n) => notices.push(n) });
const alert = (id: string, level: unknown = 100) => ({
  id,
  createdAt: 1,
  kind: 'price-cross',
  symbol: { symbol: 'AAPL', conId: 265598 },
  level,
});
const fired = {
  alertId: 'a1',
  kind: 'price-cross',
  conId: 265598,
  symbol: 'AAPL',
  linkGroup: 'none' as const,
  at: 5,
  value: 101,
  text: 'AAPL crossed above 100 (last 101)',
  sound: false,
};

async function writeRaw(profile: string, text: string): Promise<string> {
  const file = alertsFile(dir, profile);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

describe('alerts store', () => {
  it('keeps each profile in its own file and reads back what it wrote', async () => {
    const s = store();
    await s.save('demo', { alerts: [parseAlert(alert('a1'))], history: [fired] });
    expect(await s.load('paper')).toEqual({ alerts: [], history: [] });
    const back = await s.load('demo');
    expect(back.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(back.history).toEqual([fired]);
    expect(await readdir(path.join(dir, 'alerts'))).toEqual(['demo.json']);
    expect(notices).toEqual([]);
  });

  it('sets a file that is not JSON aside as .bak and says so', async () => {
    const file = await writeRaw('demo', '{"version":1,"alerts":[');
    expect(await store().load('demo')).toEqual({ alerts: [], history: [] });
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('{"version":1,"alerts":[');
    expect(notices).toEqual([expect.objectContaining({ level: 'warn', title: 'Alerts file damaged' })]);
  });

  it('keeps the alerts and firings that still parse when others are damaged', async () => {
    const file = await writeRaw(
      'demo',
      JSON.stringify({
        version: 1,
        alerts: [alert('a1'), alert('a2', 'abc'), alert('a1')],
        history: [fired, { x: 1 }],
      }),
    );
    const doc = await store().load('demo');
    expect(doc.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(doc.history).toEqual([fired]);
    expect(notices[0]!.message).toMatch(/3 entries were invalid/);
    expect(await readdir(path.dirname(file))).toEqual(['demo.json', 'demo.json.bak']);
    // What was kept is the file now: the next start reads it without a notice.
    notices = [];
    expect((await store().load('demo')).alerts).toHaveLength(1);
    expect(notices).toEqual([]);
  });
});
