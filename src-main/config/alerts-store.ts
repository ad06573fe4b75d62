// The alerts of a profile and the history of their firings, one JSON file per profile next to the layouts
// (`<dataDir>/alerts/<profile>.json`), written atomically. A damaged file is set aside as `.bak` with a notice;
// every alert and history entry that still parses on its own is kept.
import path from 'node:path';
import { z } from 'zod';
import { Alert, AlertFired } from '../../src-shared/domain/alerts';
import { readJson, setAside, writeJsonAtomic } from './json-file';
import type { StoreDeps } from './settings-store';

/** The newest firings kept on disk (and shown in the Alerts pane's history). */
export const HISTORY_LIMIT = 500;

const AlertsFile = z.strictObject({
  version: z.literal(1),
  alerts: z.array(Alert),
  history: z.array(AlertFired).max(HISTORY_LIMIT),
});
type AlertsFile = z.infer<typeof AlertsFile>;

export type AlertsDoc = { alerts: Alert[]; history: AlertFired[] };

export interface AlertsStore {
  load(profileId: string): Promise<AlertsDoc>;
  save(profileId: string, doc: AlertsDoc): Promise<void>;
}

export function alertsFile(dataDir: string, profileId: string): string {
  return path.join(dataDir, 'alerts', `${profileId.replace(/[^a-z0-9-]/g, '_')}.json`);
}

/** Keeps what parses one by one from a file that does not parse as a whole. */
function salvage(raw: unknown): { doc: AlertsDoc; dropped: number } {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  let dropped = 0;
  const each = <T>(list: unknown, schema: z.ZodType<T>): T[] =>
    Array.isArray(list)
      ? list.flatMap((x) => {
          const p = schema.safeParse(x);
          if (!p.success) dropped++;
          return p.success ? [p.data] : [];
        })
      : [];
  const alerts = each(obj.alerts, Alert);
  const seen = new Set<string>();
  const unique = alerts.filter((a) => !seen.has(a.id) && seen.add(a.id));
  dropped += alerts.length - unique.length;
  return { doc: { alerts: unique, history: each(obj.history, AlertFired).slice(-HISTORY_LIMIT) }, dropped };
}

export function createAlertsStore(opts: StoreDeps): AlertsStore {
  async function damaged(file: string, reason: string, backupPath?: string): Promise<void> {
    const kept = backupPath ?? (await setAside(file));
    const message = `The alerts file could not be read (${reason}). It was kept as ${kept}.`;
    opts.log.warn(message, { action: 'kept the alerts that still parse' });
    opts.notify({ level: 'warn', title: 'Alerts file damaged', message });
  }

  return {
    async load(profileId) {
      const file = alertsFile(opts.dataDir, profileId);
      const outcome = await readJson(file);
      if (outcome.kind === 'missing') return { alerts: [], history: [] };
      if (outcome.kind === 'corrupt') {
        await damaged(file, outcome.reason, outcome.backupPath);
        return { alerts: [], history: [] };
      }
      const parsed = AlertsFile.safeParse(outcome.value);
      if (parsed.success) return { alerts: parsed.data.alerts, history: parsed.data.history };
      const { doc, dropped } = salvage(outcome.value);
      await damaged(
        file,
        dropped > 0
          ? `${dropped} entr${dropped === 1 ? 'y was' : 'ies were'} invalid`
          : 'it does not have the expected shape',
      );
      await writeJsonAtomic(file, { version: 1, ...doc } satisfies AlertsFile);
      return doc;
    },
    async save(profileId, doc) {
      const file: AlertsFile = { version: 1, alerts: doc.alerts, history: doc.history.slice(-HISTORY_LIMIT) };
      await writeJsonAtomic(alertsFile(opts.dataDir, profileId), file);
    },
  };
}
