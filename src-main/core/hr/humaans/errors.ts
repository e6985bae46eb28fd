import { AppError } from '../../errors';
import { responseOf } from '../http';
import { howToGrantScope, scopeName, scopePurpose, SCOPE_PRIVATE_READ } from './constants';

/**
 * Refines the shared HTTP layer's errors with Humaans' own words. Humaans error bodies vary
 * (`{code,name,message,issues}`, Feathers' `{name,message,className}`, empty, or a gateway's HTML),
 * so every field is optional here.
 */
export function humaansMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof b.message === 'string' && b.message.trim() !== '') parts.push(b.message.trim());
  if (Array.isArray(b.issues)) {
    for (const issue of b.issues) {
      if (!issue || typeof issue !== 'object') continue;
      const i = issue as Record<string, unknown>;
      const name = typeof i.name === 'string' ? i.name : typeof i.path === 'string' ? i.path : null;
      const reason = typeof i.reason === 'string' ? i.reason : typeof i.message === 'string' ? i.message : null;
      if (name || reason) parts.push([name, reason].filter(Boolean).join(': '));
    }
  }
  return parts.length > 0 ? parts.join('; ').slice(0, 300) : null;
}

export const AUTH_FAILED_MESSAGE =
  'Humaans rejected the API access token: it may have been copied incompletely, or it has been revoked. ' +
  'In Humaans open Settings → API access tokens (the menu next to your workspace name), generate a new token and paste it here.';

export function forbiddenError(scope: string, said?: string | null, cause?: unknown): AppError {
  return new AppError(
    'FORBIDDEN',
    `The Humaans API access token is missing the “${scopeName(scope)}” scope, which Bureau Sync needs ${scopePurpose(scope)}.` +
      (said ? ` (Humaans said: “${said}”.)` : ''),
    { permission: scope, howToGrant: howToGrantScope(scope) },
    cause,
  );
}

/** `scope` names the scope the failed request needed, so a 403 can say which one to grant. */
export function humaansError(err: unknown, scope: string = SCOPE_PRIVATE_READ): AppError {
  if (!(err instanceof AppError)) {
    return new AppError(
      'INTERNAL',
      `Unexpected error talking to Humaans: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const res = responseOf(err);
  const said = humaansMessage(res?.data);
  switch (err.code) {
    case 'AUTH_FAILED':
      return new AppError('AUTH_FAILED', AUTH_FAILED_MESSAGE, undefined, err.cause);
    case 'FORBIDDEN':
      return forbiddenError(scope, said, err.cause);
    case 'HR_ERROR':
      if (res && res.status >= 400 && res.status < 500) {
        return new AppError(
          'HR_ERROR',
          `Humaans refused Bureau Sync's request (HTTP ${res.status}${said ? `: “${said}”` : ''}). Nothing was changed; please contact support if it keeps happening.`,
          { status: res.status },
          err.cause,
        );
      }
      return err;
    default:
      return err;
  }
}
