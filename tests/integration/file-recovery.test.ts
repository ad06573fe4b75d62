// Damaged files at start, through the real app and its web host: settings, watchlists, the layout and the alerts each
// truncated, emptied, zero-filled by a crash, replaced by binary garbage, given wrong types or a wrong version. The
// app starts, every request still answers, the user gets a notice naming the copy kept aside (never overwriting an
// earlier copy), and the other files are neither changed nor ignored. The order journal's damaged lines are skipped
// and reported while the rest is kept.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeLine, type JournalRecord } from '../../src-main/services/orders/journal';
import { defaultSettings } from '../../src-shared/domain/settings';
import { ApiClient, startHarness } from '../support/app-harness';
import { journalOrder } from '../support/orders-fixtures';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const AAPL_ITEM = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };

const ALERT = { id: 'a1', createdAt: 1, kind: 'price-cross', symbol: AAPL_ITEM, level: 150 };

function validFiles(): Record<
  'settings' | 'watchlists' | 'layout' | 'alerts',
  { rel: string; value: unknown }
> {
  const s = defaultSettings();
  const mine = { ...s.profiles[1]!, id: 'mine', name: 'Mine', port: 7011 };
  return {
    settings: {
      rel: 'settings.json',
      value: { ...s, profiles: [...s.profiles, mine], preferences: { ...s.preferences, theme: 'light' } },
    },
    watchlists: {
      rel: 'watchlists.json',
      value: { version: 1, lists: [{ id: 'tech', name: 'Tech', items: [AAPL_ITEM] }] },
    },
    layout: {
      rel: path.join('layouts', 'demo.json'),
      value: { version: 1, layout: { grid: { root: 'x' } } },
    },
    alerts: {
      rel: path.join('alerts', 'demo.json'),
      value: { version: 1, alerts: [ALERT], history: [] },
    },
  };
}

type Kind = { name: string; damage: (text: string, value: unknown) => Buffer | string };

const KINDS: Kind[] = [
  { name: 'truncated', damage: (t) => t.slice(0, Math.floor(t.length / 2)) },
  { name: 'empty', damage: () => '' },
  {
    name: 'zero-filled tail (a crash before the data reached the disk)',
    damage: (t) => Buffer.concat([Buffer.from(t.slice(0, 10)), Buffer.alloc(t.length - 10)]),
  },
  {
    name: 'binary garbage',
    damage: () => Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 7) % 256)),
  },
  {
    name: 'wrong types',
    damage: (_t, v) => {
      const o = v as Record<string, unknown>;
      if ('profiles' in o) return JSON.stringify({ ...o, profiles: 'x', preferences: [1, 2] });
      if ('lists' in o) return JSON.stringify({ version: 1, lists: [{ id: 5, items: 'none' }] });
      if ('alerts' in o)
        return JSON.stringify({ version: 1, alerts: [{ id: 5, level: 'x' }], history: 'none' });
      return JSON.stringify({ version: 1, layout: 'not an object' });
    },
  },
  { name: 'wrong version', damage: (_t, v) => JSON.stringify({ ...(v as object), version: 99 }) },
  { name: 'JSON null', damage: () => 'null' },
  { name: 'a JSON array', damage: () => '[]' },
];

describe('damaged files at start', () => {
  it('each file × each damage: recovered, the user told, the copy kept beside an earlier one, nothing else lost', async () => {
    let runs = 0;
    for (const which of ['settings', 'watchlists', 'layout', 'alerts'] as const) {
      for (const kind of KINDS) {
        const label = `${which}: ${kind.name}`;
        const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-files-'));
        dirs.push(dataDir);
        const files = validFiles();
        const texts: Record<string, string> = {};
        for (const [k, f] of Object.entries(files)) {
          texts[k] = `${JSON.stringify(f.value, null, 2)}\n`;
          await mkdir(path.dirname(path.join(dataDir, f.rel)), { recursive: true });
          await writeFile(path.join(dataDir, f.rel), texts[k]!);
        }
        const target = path.join(dataDir, files[which].rel);
        const damaged = kind.damage(texts[which]!, files[which].value);
        await writeFile(target, damaged);
        // A copy kept from an earlier damage must survive this one.
        await writeFile(`${target}.bak`, 'EARLIER');

        const h = await startHarness({ dataDir });
        try {
          const c = await ApiClient.open(h.host);
          const settings = await c.call('settings.get');
          const lists = await c.call('watchlists.get');
          const layout = await c.call('layout.get');
          const alerts = await c.call('alerts.list');
          for (const r of [settings, lists, layout, alerts]) expect(r.ok, label).toBe(true);
          const notice = await c.waitForEvent((e) => e.event === 'notice', 5_000).catch(() => null);
          expect(notice, `${label}: a notice`).not.toBeNull();
          const message = (notice!.payload as { message: string }).message;
          expect(message, label).toContain(`${target}.bak.2`);

          expect(await readFile(`${target}.bak`, 'utf8'), `${label}: the earlier copy`).toBe('EARLIER');
          const kept = await readFile(`${target}.bak.2`);
          expect(kept.equals(Buffer.from(damaged)), `${label}: the damaged bytes kept`).toBe(true);

          // Nothing else lost: the other files are untouched on disk and still in use.
          for (const other of Object.keys(files).filter((k) => k !== which)) {
            const rel = files[other as keyof typeof files].rel;
            expect(await readFile(path.join(dataDir, rel), 'utf8'), `${label}: ${other} untouched`).toBe(
              texts[other],
            );
            expect(await readdir(path.dirname(path.join(dataDir, rel)))).not.toContain(
              `${path.basename(rel)}.bak`,
            );
          }
          const v = (r: typeof settings) => (r.ok ? (r.value as never) : null);
          if (which !== 'settings') {
            const s = v(settings) as unknown as {
              profiles: { id: string }[];
              preferences: { theme: string };
            };
            expect(
              s.profiles.map((p) => p.id),
              label,
            ).toContain('mine');
            expect(s.preferences.theme, label).toBe('light');
          }
          if (which !== 'watchlists')
            expect(
              (v(lists) as unknown as { id: string }[]).map((l) => l.id),
              label,
            ).toEqual(['tech']);
          if (which !== 'layout') expect(v(layout), label).toEqual({ grid: { root: 'x' } });
          if (which !== 'alerts')
            expect(
              (v(alerts) as unknown as { alert: { id: string } }[]).map((a) => a.alert.id),
              label,
            ).toEqual(['a1']);
          // The damaged file itself is valid again, or gone until the next save (defaults in use).
          const now = await readFile(target, 'utf8').catch(() => null);
          if (now !== null) JSON.parse(now);
          c.close();
          runs++;
        } finally {
          await h.stop();
        }
      }
    }
    console.log(
      `damaged files: ${runs} runs (4 files × ${KINDS.length} kinds of damage), each recovered and reported`,
    );
  }, 120_000);

  it('the order journal: damaged lines skipped and reported, every good record kept', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-files-'));
    dirs.push(dataDir);
    const intent = (orderId: number): JournalRecord => ({
      t: 'intent',
      at: 1_700_000_000_000,
      order: journalOrder(orderId, { account: 'DU1', quantity: 5 }),
    });
    const withSum = (v: unknown) => encodeLine(v as JournalRecord);
    const lines = [
      encodeLine(intent(11)),
      'garbage that is no record\n',
      // Good checksums, wrong shapes: a wrong-typed record and one from a future version.
      withSum({ t: 'intent', at: 1, order: null }),
      withSum({ t: 'teleport', at: 1, orderId: 12 }),
      encodeLine({ t: 'sent', at: 1_700_000_000_001, orderId: 11 }),
      encodeLine(intent(13)).slice(0, 40), // torn by a crash
    ];
    await mkdir(path.join(dataDir, 'journal'), { recursive: true });
    await writeFile(path.join(dataDir, 'journal', 'demo.jsonl'), lines.join(''));
    const h = await startHarness({ dataDir, autoConnect: true });
    try {
      const c = await ApiClient.open(h.host);
      const notice = await c.waitForEvent(
        (e) => e.event === 'notice' && (e.payload as { title: string }).title === 'Order journal damaged',
      );
      expect((notice.payload as { message: string }).message).toMatch(/4 damaged line\(s\) \(2, 3, 4, 6\)/);
      const orders = await c.call('orders.list');
      expect(orders.ok && (orders.value as { orderId: number }[]).map((o) => o.orderId)).toEqual([11]);
      c.close();
    } finally {
      await h.stop();
    }
  });
});
