// Choices remembered per profile (the account shown, "Record this session"): a record by profile id, bounded so a
// damaged or hostile settings file cannot grow it without end.
import { z } from 'zod';

export function perProfile<T extends z.ZodType>(choice: T) {
  return z
    .record(z.string().max(40), choice)
    .refine((r) => Object.keys(r).length <= 200, 'too many profiles');
}
