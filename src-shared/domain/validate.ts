// Turns a zod failure into the app's typed VALIDATION error, so bad domain input (study params, alerts) reads the
// same wherever it is parsed: one message in plain words plus the field-level issues.
import type { z } from 'zod';
import { AppError, type AppErrorData } from '../result';

/** The field-level issues of a zod failure; an issue about the whole value is placed at `root`. */
export function zodIssues(error: z.ZodError, root = '(input)'): NonNullable<AppErrorData['issues']> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || root, message: i.message }));
}

/** The parsed value, or throws AppError('VALIDATION') naming `what` and every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = zodIssues(r.error);
  throw new AppError('VALIDATION', `${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
    issues,
  });
}
