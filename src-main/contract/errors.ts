import { z } from 'zod';

/**
 * The closed list of error codes every binding (IPC, HTTP, CLI) can return.
 * Each comes with a message a bureau clerk can act on; the code is for programs.
 */
export const ERROR_CODES = [
  'VALIDATION', // the input itself is wrong (a form field, a CLI option, a file)
  'AUTH_FAILED', // the HR system rejected the credentials
  'FORBIDDEN', // credentials are valid but lack a permission the sync needs
  'HR_UNREACHABLE', // network error or the HR system took too long
  'HR_ERROR', // the HR system answered with a server error or a malformed reply
  'RATE_LIMITED', // the HR system kept saying "too many requests" after retries
  'INCOMPLETE_FETCH', // the HR system's list was cut short; nothing was marked missing
  'NOT_FOUND',
  'CONFLICT', // e.g. a sync already running, a duplicate name
  'SECRETS_UNAVAILABLE', // no safe place to keep credentials
  'DB_FROM_FUTURE', // the database was written by a newer version of the app
  'DB_UNREADABLE', // the database file is empty, cut short, not a database, missing beside its log, or cannot be opened
  'DB_DAMAGED', // the database failed SQLite's check: opened read-only until a backup is restored
  'DB_IN_USE', // another program holds the database locked
  'CANCELLED',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Extra facts for the UI, e.g. which permission is missing and how to grant it. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
