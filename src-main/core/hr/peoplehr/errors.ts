import { AppError } from '../../errors';
import { responseOf } from '../http';
import type { Envelope } from './schemas';

/** The PeopleHR actions Bureau Sync calls, with the resource path each is posted to. */
export const PEOPLEHR_ACTIONS = {
  GetAllEmployeeDetail: '/Employee',
  GetEmployeeDetailById: '/Employee',
  GetSalaryDetail: '/Salary',
} as const;
export type PeopleHRAction = keyof typeof PEOPLEHR_ACTIONS;

/** Each action's tick box as PeopleHR shows it under Settings → API → the key. */
const PERMISSION_WORDS: Record<PeopleHRAction, { application: string; action: string }> = {
  GetAllEmployeeDetail: { application: 'Employee', action: 'Get All Employee Detail' },
  GetEmployeeDetailById: { application: 'Employee', action: 'Get Employee Detail By Id' },
  GetSalaryDetail: { application: 'Salary', action: 'Get Salary Detail' },
};

export function permissionName(action: PeopleHRAction): string {
  const w = PERMISSION_WORDS[action];
  return `${w.application}: ${w.action}`;
}

export function howToGrant(action: PeopleHRAction): string {
  const w = PERMISSION_WORDS[action];
  return `In PeopleHR go to Settings → API, open the API key Bureau Sync uses, tick "${w.action}" under ${w.application}, and click Save. The key itself stays the same.`;
}

/** Envelope statuses: 10 is "no records" (not an error); 5 mixes bad keys, missing grants and bad input. */
const STATUS_NO_RECORDS = 10;
const STATUS_SERVER_FAULT = 6;

export type EnvelopeOutcome =
  | { kind: 'ok' }
  | { kind: 'empty' }
  | { kind: 'retry'; rateLimited: boolean; error: AppError }
  | { kind: 'notFound'; error: AppError }
  | { kind: 'fail'; error: AppError };

/**
 * Decides what an envelope means. PeopleHR answers HTTP 200 for every API-level failure, so this,
 * not the HTTP status, is where failures are found. Statuses are shared across actions and the
 * message names the specific problem; success wording varies, so success is judged by isError/Status only.
 */
export function judgeEnvelope(env: Envelope, action: PeopleHRAction): EnvelopeOutcome {
  const said = env.message ? ` (PeopleHR said: "${env.message}")` : '';
  if (!env.isError) return env.status === STATUS_NO_RECORDS ? { kind: 'empty' } : { kind: 'ok' };
  if (env.status === STATUS_NO_RECORDS) return { kind: 'empty' };
  const msg = env.message.toLowerCase();

  if (/rate limit|too many|exceed/.test(msg)) {
    return { kind: 'retry', rateLimited: true, error: rateLimitedError() };
  }
  if (env.status === 1 || (msg.includes('api key') && msg.includes('missing'))) {
    return fail(
      'AUTH_FAILED',
      "No API key reached PeopleHR. Paste the API key from PeopleHR (Settings → API) into this company's connection settings.",
    );
  }
  if (env.status === 2 || (/api key|apikey|ip address/.test(msg) && !/access/.test(msg))) {
    return fail(
      'AUTH_FAILED',
      `PeopleHR rejected the API key${said}. Check it was copied in full and still exists in PeopleHR under Settings → API; if the key is restricted to an IP address, this computer's internet address must be the one allowed.`,
      { status: env.status },
    );
  }
  if (env.status === 5 && /no access|access not|not have access|permission/.test(msg)) {
    return fail(
      'FORBIDDEN',
      `The PeopleHR API key works, but it is not allowed to use "${permissionName(action)}"${said}. ${howToGrant(action)}`,
      { permission: permissionName(action), howToGrant: howToGrant(action), action },
    );
  }
  if (env.status === 5 && /does not exist|not found|no record/.test(msg)) {
    return {
      kind: 'notFound',
      error: new AppError('NOT_FOUND', `PeopleHR has no employee with that Employee ID${said}.`),
    };
  }
  if (env.status === STATUS_SERVER_FAULT) {
    return {
      kind: 'retry',
      rateLimited: false,
      error: new AppError(
        'HR_ERROR',
        `PeopleHR had a problem of its own${said}. Nothing was changed; try again in a few minutes.`,
        { status: env.status },
      ),
    };
  }
  if ([3, 4, 7, 8, 9].includes(env.status)) {
    return fail(
      'HR_ERROR',
      `PeopleHR did not understand Bureau Sync's request${said}. Check the PeopleHR address in the connection settings (normally https://api.peoplehr.net); nothing was changed.`,
      { status: env.status },
    );
  }
  return fail('HR_ERROR', `PeopleHR refused the request${said}. Nothing was changed.`, { status: env.status });
}

function fail(code: AppError['code'], message: string, details?: Record<string, unknown>): EnvelopeOutcome {
  return { kind: 'fail', error: new AppError(code, message, details) };
}

export function rateLimitedError(): AppError {
  return new AppError(
    'RATE_LIMITED',
    'PeopleHR kept answering "too many requests" even after Bureau Sync slowed down (PeopleHR allows 30 requests a minute from one internet address, shared with any other program using it). Nothing was changed; the next sync will try again.',
  );
}

export function emptyReplyError(): AppError {
  return new AppError(
    'HR_ERROR',
    'PeopleHR sent an empty or unrecognisable reply. This is usually a temporary fault at PeopleHR; nothing was changed. Try again in a few minutes.',
  );
}

/** Rewords transport errors where PeopleHR's meaning differs from the generic one. */
export function refineTransportError(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const res = responseOf(err);
  if (err.code === 'RATE_LIMITED')
    return new AppError('RATE_LIMITED', rateLimitedError().message, err.details, err.cause);
  if (res && (res.status === 404 || res.status === 405)) {
    return new AppError(
      'HR_ERROR',
      `The PeopleHR address in the connection settings does not look right: the server there answered "not found" (HTTP ${res.status}). It is normally https://api.peoplehr.net; nothing was changed.`,
      { status: res.status },
      err.cause,
    );
  }
  return err;
}

/** A streamed staff list whose closing members contradict the rows already handed on (see transport.callList). */
export function contradictoryReplyError(): AppError {
  return new AppError(
    'HR_ERROR',
    'PeopleHR sent a staff list and, at the end of the same reply, said there was none or that the request had failed. To be safe nothing was changed; try again in a few minutes.',
  );
}
