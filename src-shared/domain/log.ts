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
