import type { AppErrorShape, ErrorCode } from '../contract/errors';

/** An error the core knows how to explain: a contract code plus a sentence for the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** The underlying failure (e.g. the HTTP response), for the vendor client to refine; never shown. */
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** What a command that found the database damaged part way says (the core then reopens it read-only). */
export const DAMAGED_AT_RUNTIME =
  'The database file is damaged (SQLite says: %s). Bureau Sync has stopped writing to it and nothing of this action was saved: restore a backup (the notice at the top of the app, or `doctor` on the command line).';

export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
    const problem = err instanceof Error ? err.message : code;
    return { code: 'DB_DAMAGED', message: DAMAGED_AT_RUNTIME.replace('%s', problem), details: { problem } };
  }
  if (err instanceof Error && err.name === 'AbortError')
    return { code: 'CANCELLED', message: 'The sync was cancelled.' };
  return {
    code: 'INTERNAL',
    message: `Something went wrong inside Bureau Sync: ${err instanceof Error ? err.message : String(err)}. Nothing was changed; please try again, and contact support if it keeps happening.`,
  };
}
