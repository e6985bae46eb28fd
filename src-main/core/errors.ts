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

export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  if (err instanceof Error && err.name === 'AbortError') return { code: 'CANCELLED', message: 'The sync was cancelled.' };
  return {
    code: 'INTERNAL',
    message: `Something went wrong inside Bureau Sync: ${err instanceof Error ? err.message : String(err)}. Nothing was changed; please try again, and contact support if it keeps happening.`,
  };
}
