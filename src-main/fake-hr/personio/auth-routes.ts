import type { FakeRequest, FakeResponse } from '../http-server';
import { header, v1Error, type FakeState } from './state';

/** `POST /v1/auth` and `POST /v2/auth/token` as Personio answers them. */

function bodyParams(req: FakeRequest): Record<string, string> | 'bad' {
  const type = header(req.headers, 'content-type') ?? '';
  if (req.body.trim() === '') return {};
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (typeof parsed !== 'object' || parsed === null) return 'bad';
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return 'bad';
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(req.body));
  return {};
}

/** The 60/min auth limit with its 60 s cool-down, only while faults.enforceRateLimit is on. */
function authRateLimited(state: FakeState): boolean {
  if (!state.faults.enforceRateLimit) return false;
  const now = state.now();
  if (now < state.authCooldownUntil) return true;
  if (!state.authWindow.wouldAllow(now)) {
    state.authCooldownUntil = now + 60_000;
    return true;
  }
  state.authWindow.record(now);
  return false;
}

export function handleV1Auth(state: FakeState, req: FakeRequest): FakeResponse {
  if (authRateLimited(state)) return v1Error(429, 'Too many authentication requests. Please try again in 60 seconds.');
  const params = bodyParams(req);
  if (params === 'bad') return v1Error(400, 'The request body could not be parsed.', 0);
  let clientId = params['client_id'];
  let clientSecret = params['client_secret'];
  if (clientId === undefined && req.query.has('client_id')) {
    if ((state.opts.queryStringCredentials ?? 'reject') === 'reject') {
      return v1Error(
        403,
        'Query string authentication is no longer supported. Send client_id and client_secret in the request body.',
      );
    }
    clientId = req.query.get('client_id') ?? undefined;
    clientSecret = req.query.get('client_secret') ?? undefined;
  }
  if (!clientId || !clientSecret) return v1Error(400, 'The client_id and client_secret fields are required.', 0);
  if (clientId !== state.credentials.clientId || clientSecret !== state.credentials.clientSecret) {
    const status = state.opts.authFailureStatus ?? 401;
    return v1Error(status, 'Wrong credentials', status);
  }
  const { token, expiresIn } = state.tokens.issue(clientId);
  return { status: 200, json: { success: true, data: { token, expires_in: expiresIn, scope: 'employees:read' } } };
}

function problem(error: string, description: string, meta?: Record<string, unknown>): FakeResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    json: {
      timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      trace_id: 'baaaaaad-c0de-fade-baad-c000000000de',
      error,
      error_description: description,
      error_uri: `https://developer.personio.de/reference/errors#credentials.oauth2.${error}`,
      ...(meta ? { meta } : {}),
    },
  };
}

export function handleV2Token(state: FakeState, req: FakeRequest): FakeResponse {
  const type = header(req.headers, 'content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded')) {
    return problem('invalid_request', 'The content type of the request must be "application/x-www-form-urlencoded".');
  }
  const p = new URLSearchParams(req.body);
  const missing = ['grant_type', 'client_id', 'client_secret'].filter((k) => !p.get(k));
  if (missing.length > 0)
    return problem('invalid_request', 'The request is missing a required parameter.', { missing_parameters: missing });
  if (p.get('grant_type') !== 'client_credentials') {
    return problem('unsupported_grant_type', 'The authorization grant type is not supported.', {
      grant_type: p.get('grant_type'),
    });
  }
  if (p.get('client_id') !== state.credentials.clientId || p.get('client_secret') !== state.credentials.clientSecret) {
    return problem(
      'invalid_client',
      'Client authentication failed (e.g., unknown client, wrong secret, no client authentication included, or unsupported authentication method).',
    );
  }
  const { token, expiresIn } = state.tokens.issue(state.credentials.clientId);
  return {
    status: 200,
    json: { access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: 'personio:persons:read' },
  };
}

/**
 * Checks the bearer token of a resource call. Returns an error response, or the headers to send back
 * (the stable token echoed, or in one-time mode a fresh token while the used one is blacklisted).
 */
export function authorise(
  state: FakeState,
  req: FakeRequest,
): { error: FakeResponse } | { headers: Record<string, string> } {
  const auth = header(req.headers, 'authorization');
  if (!auth) return { error: v1Error(401, 'Authorization is not provided') };
  const token = auth.replace(/^Bearer\s+/i, '');
  const check = state.tokens.use(token);
  const status = state.opts.invalidTokenStatus ?? 401;
  if (check === 'blacklisted') return { error: v1Error(401, 'The token has been blacklisted') };
  if (check !== 'ok')
    return {
      error: v1Error(status, status === 403 ? 'Provided authorization is not valid' : 'Unauthenticated', status),
    };
  if (state.opts.oneTimeTokens) return { headers: { authorization: `Bearer ${state.tokens.rotate(token)}` } };
  if (state.opts.echoAuthorizationHeader ?? true) return { headers: { authorization: `Bearer ${token}` } };
  return { headers: {} };
}
