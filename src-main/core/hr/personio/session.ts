import { AppError } from '../../errors';
import type { HttpClient } from '../http';
import { isTokenRejected, personioError, type PersonioCall } from './errors';
import { authResponseSchema } from './schemas';

/**
 * One Personio sign-in for the client's whole life. The token is cached and shared by every call
 * (Personio's token is stable for 24 h and fine for parallel calls); it is renewed only when the
 * `expires_in` Personio gave runs out, or once when Personio answers 401 — then the call is retried once.
 * Credentials travel only in the JSON body of POST /v1/auth, never in a URL.
 */
export interface PersonioSessionOptions {
  auth: HttpClient;
  api: HttpClient;
  credentials: { clientId: string; clientSecret: string };
  /** X-Personio-App-ID / X-Personio-Partner-ID and their v2 spellings, sent on every call. */
  headers: Record<string, string>;
  now: () => number;
}

/** Renew this long before Personio's stated expiry, so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;
/** When Personio does not say (older replies), assume its documented 24 h; a 401 still triggers a renewal. */
const DEFAULT_LIFETIME_S = 86_400;

export class PersonioSession {
  private token: string | null = null;
  private expiresAt = 0;
  private pending: Promise<string> | null = null;
  /** How many times this session signed in (for logs and tests). */
  signIns = 0;
  /** Personio answered with a different token than it was sent (one-time tokens): calls must then go one by one. */
  tokenRotates = false;

  constructor(private readonly o: PersonioSessionOptions) {}

  /** A valid token: the cached one while Personio's stated lifetime lasts, else a fresh sign-in. */
  async currentToken(signal?: AbortSignal): Promise<string> {
    if (this.token !== null && this.o.now() < this.expiresAt - EXPIRY_MARGIN_MS) return this.token;
    return this.signIn(signal);
  }

  /** Signs in; concurrent callers share one POST /v1/auth. */
  signIn(signal?: AbortSignal): Promise<string> {
    this.pending ??= this.requestToken(signal).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async requestToken(signal?: AbortSignal): Promise<string> {
    let res;
    try {
      res = await this.o.auth.json({
        method: 'POST',
        url: '/v1/auth',
        headers: { ...this.o.headers, 'content-type': 'application/json', accept: 'application/json' },
        data: JSON.stringify({
          client_id: this.o.credentials.clientId,
          client_secret: this.o.credentials.clientSecret,
        }),
        signal,
      });
    } catch (err) {
      throw personioError(err, 'auth');
    }
    this.signIns += 1;
    const parsed = authResponseSchema.safeParse(res.data);
    if (!parsed.success || parsed.data.success === false) {
      throw new AppError(
        'HR_ERROR',
        'Personio answered the sign-in without a token. This is usually a temporary fault at Personio; try again in a few minutes.',
      );
    }
    this.token = parsed.data.data.token;
    // Personio re-issues the same token with only its remaining lifetime (trap T3): trust expires_in.
    this.expiresAt = this.o.now() + (parsed.data.data.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    return this.token;
  }

  /** GET with the bearer token; on a rejected token, signs in again once and retries once. */
  async get<T = unknown>(
    url: string,
    params: Record<string, unknown> | undefined,
    call: PersonioCall,
    signal?: AbortSignal,
  ): Promise<T> {
    const token = await this.currentToken(signal);
    try {
      return await this.send<T>(token, url, params, signal);
    } catch (err) {
      if (!isTokenRejected(err)) throw personioError(err, call);
    }
    const fresh =
      this.token !== null && this.token !== token && this.pending === null
        ? this.token
        : await this.renew(token, signal);
    try {
      return await this.send<T>(fresh, url, params, signal);
    } catch (err) {
      throw personioError(err, call);
    }
  }

  private renew(rejected: string, signal?: AbortSignal): Promise<string> {
    if (this.token === rejected) {
      this.token = null;
      this.expiresAt = 0;
    }
    return this.pending ?? this.signIn(signal);
  }

  private async send<T>(
    token: string,
    url: string,
    params: Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<T> {
    // An employee list page is ~670 KB: read as text as it arrives (http.jsonPage), not buffered.
    const res = await this.o.api.jsonPage<T>({
      method: 'GET',
      url,
      params,
      headers: { ...this.o.headers, authorization: `Bearer ${token}`, accept: 'application/json' },
      signal,
    });
    // Personio may hand back a (possibly rotated) token in the response header; adopt it, never require it (T4).
    const echoed = res.headers['authorization'];
    if (typeof echoed === 'string' && /^Bearer\s+\S+$/i.test(echoed) && this.token === token) {
      this.token = echoed.replace(/^Bearer\s+/i, '');
      if (this.token !== token) this.tokenRotates = true;
    }
    return res.data;
  }
}
