// Log entries as the Log pane shows them: plain words, the TWS code, and what the app did.
import { z } from 'zod';

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

export const LogEntry = z.object({
  seq: z.number().int(),
  time: z.number(),
  level: LogLevel,
  /** Module that logged it (connection, orders, web-host…). */
  source: z.string(),
  message: z.string(),
  twsCode: z.number().int().optional(),
  /** What the app did about it ("retrying in 4 s", "switched to delayed data"…). */
  action: z.string().optional(),
});
export type LogEntry = z.infer<typeof LogEntry>;

/**
 * IB account codes (U1234567, DU1234567, F…, DF…, I…) as they appear in log lines, masked down to their kind and last
 * three digits (DU****567): enough to tell accounts apart in a shared log or a diagnostics paste, not to name one.
 */
const ACCOUNT_ID = /\b(D?[UFI])(\d{3,})(\d{3})\b/g;

export function maskAccountIds(text: string): string {
  return text.replace(
    ACCOUNT_ID,
    (_m, kind: string, mid: string, tail: string) => `${kind}${'*'.repeat(mid.length)}${tail}`,
  );
}
