import { AppError } from '../../errors';
import { responseOf } from '../http';
import { HOW_TO_GRANT_EMPLOYEE_READ, PERSONIO_CREDENTIALS_PATH } from './howto';
import { errorEnvelopeSchema } from './schemas';

/**
 * Personio-specific wording on top of the shared HTTP layer's errors. The HTTP status decides, never
 * Personio's `error.code` (which is often 0); network, timeout, 5xx and unreadable replies keep the
 * shared layer's sentences.
 */
export type PersonioCall = 'auth' | 'list' | 'employee' | 'attributes';

export function personioMessage(data: unknown): string | null {
  const parsed = errorEnvelopeSchema.safeParse(data);
  const msg = parsed.success ? parsed.data.error.message?.trim() : undefined;
  return msg ? msg : null;
}

/** A 401, or a 403 whose message says the token itself is not valid: signing in again may help. */
export function isTokenRejected(err: unknown): boolean {
  const res = responseOf(err);
  if (!res) return false;
  if (res.status === 401) return true;
  return res.status === 403 && /authori[sz]ation|token|unauthenticated/i.test(personioMessage(res.data) ?? '');
}

export function authFailed(): AppError {
  return new AppError(
    'AUTH_FAILED',
    `Personio rejected the client ID and secret. In Personio go to ${PERSONIO_CREDENTIALS_PATH}, check the credential ` +
      'is still there and active, and paste its client ID and secret again (if the secret was lost, generate a new credential).',
  );
}

export function employeeReadForbidden(): AppError {
  return new AppError(
    'FORBIDDEN',
    'Personio accepted the client ID and secret, but this API credential may not read employees, so Bureau Sync cannot sync anyone.',
    { permission: 'Employees: Read', howToGrant: HOW_TO_GRANT_EMPLOYEE_READ },
  );
}

export function personioError(err: unknown, call: PersonioCall): AppError {
  const base =
    err instanceof AppError
      ? err
      : new AppError('INTERNAL', `Unexpected error talking to Personio: ${String(err)}`, undefined, err);
  const res = responseOf(err);
  if (!res) return base;
  const { status, data } = res;
  const said = personioMessage(data);

  if (call === 'auth') {
    if (status === 400 || status === 401 || status === 403 || status === 422) return authFailed();
    if (status === 429) {
      return new AppError(
        'RATE_LIMITED',
        'Personio allows only 60 sign-ins a minute per credential and has paused this one. Wait a minute, then try again; nothing was changed.',
      );
    }
    return base;
  }
  if (status === 401 || isTokenRejected(err)) {
    return new AppError(
      'AUTH_FAILED',
      `Personio stopped accepting Bureau Sync's sign-in even after signing in again; the API credential may have been removed or disabled. ` +
        `Check it in Personio under ${PERSONIO_CREDENTIALS_PATH}.`,
    );
  }
  if (status === 403) return employeeReadForbidden();
  if (status === 429) {
    return new AppError(
      'RATE_LIMITED',
      'Personio kept answering "too many requests" (it allows 300 employee-list calls a minute) even after Bureau Sync slowed down. Nothing was changed; the next sync will try again.',
    );
  }
  if (status === 404 && call !== 'employee') {
    return new AppError(
      'HR_ERROR',
      'Personio answered "not found" for its employee list. Check the Personio API address in the company settings (normally https://api.personio.de).',
      { status },
    );
  }
  if (status >= 400 && status < 500 && status !== 404) {
    return new AppError(
      'HR_ERROR',
      `Personio refused Bureau Sync's request (HTTP ${status}${said ? `: "${said}"` : ''}). Nothing was changed.`,
      { status },
      err,
    );
  }
  return base;
}
