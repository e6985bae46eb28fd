import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import axiosRetry, { isNetworkError } from 'axios-retry';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import type { Logger } from '../ports';
import { silentLogger } from '../ports';
import { makeLimiter, type RateLimit } from './rate-limiter';
import {
  BadJsonError,
  BodyTimeoutError,
  isReadable,
  pause,
  readJsonText,
  readSmall,
  replyText,
  type ReplyText,
} from './reply-body';

export type { RateLimit } from './rate-limiter';
export { BadJsonError } from './reply-body';

/**
 * The one HTTP layer the three HR clients share. It owns timeouts, retries (exponential backoff with
 * jitter on network errors, 5xx and unparseable replies; 429 honoured via Retry-After, ≥ 1 s without it),
 * client-side throttling to each vendor's documented limits, and turning every failure into a contract
 * error code with a sentence a clerk understands. Credentials go in headers or bodies, never in URLs,
 * and nothing here logs a header or a body.
 */

export interface HttpOptions {
  /** The vendor's name as users know it: "Personio", "Humaans", "PeopleHR". */
  vendor: string;
  baseURL: string;
  timeoutMs?: number;
  retries?: number;
  /** Base delay for exponential backoff (ms). Tests lower it; production keeps the default. */
  retryBaseMs?: number;
  /** Minimum wait after a 429 without Retry-After (ms). Vendors ask for ≥ 1 s. */
  minRateLimitWaitMs?: number;
  /** Longest Retry-After we are prepared to honour before giving up with RATE_LIMITED (ms). */
  maxRetryAfterMs?: number;
  rateLimit?: RateLimit;
  logger?: Logger;
}

export interface HttpStats {
  requests: number;
  retries: number;
  rateLimited: number;
}

export interface StreamOptions {
  /**
   * Whether a reply that failed part way may be asked for again. The reader answers false once it has
   * handed on part of what it read: asking again would hand the same records twice. Default: always.
   */
  mayRetry?: () => boolean;
}

export type { ReplyText };

export interface HttpClient {
  /** Sends a request and returns the parsed JSON body; throws AppError on any failure. */
  json<T = unknown>(
    config: AxiosRequestConfig & { signal?: AbortSignal },
  ): Promise<{ status: number; data: T; headers: AxiosResponse['headers'] }>;
  /**
   * Sends a request and hands a 2xx body to `read` as it arrives, for replies too big to hold whole.
   * Failures before the body are retried as for json(); a body that stalls, is cut off or is not JSON
   * (read throws BadJsonError) is asked for again only while opts.mayRetry() allows. Transport failures
   * become AppErrors; anything else `read` throws passes through unchanged.
   */
  stream<T>(
    config: AxiosRequestConfig & { signal?: AbortSignal },
    read: (text: ReplyText, reply: { status: number; headers: AxiosResponse['headers'] }) => Promise<T>,
    opts?: StreamOptions,
  ): Promise<T>;
  /**
   * json() for big list pages: the same parsed body, with the same retries, but the body is read as text
   * as it arrives rather than buffered by axios (see readJsonText), for a lower peak over many pages.
   */
  jsonPage<T = unknown>(
    config: AxiosRequestConfig & { signal?: AbortSignal },
  ): Promise<{ status: number; data: T; headers: AxiosResponse['headers'] }>;
  readonly stats: HttpStats;
  readonly axios: AxiosInstance;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function createHttpClient(opts: HttpOptions): HttpClient {
  const log = opts.logger ?? silentLogger;
  const stats: HttpStats = { requests: 0, retries: 0, rateLimited: 0 };
  const retryBaseMs = opts.retryBaseMs ?? 500;
  const minRateLimitWaitMs = opts.minRateLimitWaitMs ?? 1000;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 120_000;

  const instance = axios.create({
    baseURL: opts.baseURL.replace(/\/+$/, ''),
    timeout: opts.timeoutMs ?? 30_000,
    // Parse JSON ourselves: axios silently hands back a string when JSON is malformed.
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    validateStatus: (s) => s >= 200 && s < 300,
    maxRedirects: 0,
  });

  // Runs before axios-retry's handler, so an unparseable 200 is retried like a 5xx.
  instance.interceptors.response.use(
    (res) => {
      // stream() reads its own body, as it arrives.
      if (res.config.responseType === 'stream') return res;
      const text = typeof res.data === 'string' ? res.data : '';
      if (text.trim() === '') {
        res.data = null;
        return res;
      }
      try {
        res.data = JSON.parse(text);
        return res;
      } catch {
        throw new BadJsonError(
          `not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`,
          'ERR_BAD_RESPONSE',
          res.config,
          res.request,
          res,
        );
      }
    },
    // A refused streamed request (4xx/5xx) carries its body as a stream: read it (error bodies are small), so
    // responseOf() sees text as for json() and the connection is freed before any retry.
    async (err: unknown) => {
      if (err instanceof AxiosError && err.response && isReadable(err.response.data)) {
        err.response.data = await readSmall(err.response.data);
      }
      throw err;
    },
  );

  axiosRetry(instance, {
    retries: opts.retries ?? 4,
    retryCondition: (err) => {
      if (err.config?.signal && (err.config.signal as AbortSignal).aborted) return false;
      if (err instanceof BadJsonError) return true;
      if (isNetworkError(err) || err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') return true;
      const status = err.response?.status;
      if (status === 429) {
        const wait = retryAfterMs(err.response?.headers['retry-after']);
        return wait === null || wait <= maxRetryAfterMs;
      }
      return status !== undefined && RETRYABLE_STATUS.has(status);
    },
    retryDelay: (retryCount, err) => {
      const status = err.response?.status;
      const jitter = Math.random() * retryBaseMs;
      const backoff = retryBaseMs * 2 ** (retryCount - 1) + jitter;
      if (status === 429) {
        const wait = retryAfterMs(err.response?.headers['retry-after']);
        // axios-retry already takes the max of Retry-After and this; without one, wait ≥ minRateLimitWaitMs.
        return Math.max(wait ?? 0, minRateLimitWaitMs * 2 ** (retryCount - 1) + jitter);
      }
      return backoff;
    },
    shouldResetTimeout: true,
    onRetry: (count, err, config) => {
      stats.retries += 1;
      if (err.response?.status === 429) stats.rateLimited += 1;
      log.warn(`${opts.vendor}: retrying request`, {
        attempt: count,
        path: config.url,
        reason: err.response?.status ?? err.code ?? err.message,
      });
    },
  });

  const limiter = makeLimiter(opts.rateLimit);
  const retries = opts.retries ?? 4;
  const idleMs = opts.timeoutMs ?? 30_000;

  const client: HttpClient = {
    stats,
    axios: instance,
    async stream<T>(
      config: AxiosRequestConfig & { signal?: AbortSignal },
      read: (text: ReplyText, reply: { status: number; headers: AxiosResponse['headers'] }) => Promise<T>,
      streamOpts: StreamOptions = {},
    ): Promise<T> {
      const attempt = async () => {
        stats.requests += 1;
        const res = await instance.request<Readable>({ ...config, responseType: 'stream' });
        const body = res.data;
        try {
          return await read(replyText(body, idleMs, res), { status: res.status, headers: res.headers });
        } catch (err) {
          // The reader's BadJsonError knows nothing of the reply; give it the status, as json() does.
          if (err instanceof BadJsonError && !err.response)
            throw new BadJsonError(err.message, err.code, res.config, res.request, { ...res, data: '' });
          throw err;
        } finally {
          // Whatever stopped the read, let the connection go rather than leave the rest of the body unread.
          if (!body.readableEnded) body.destroy();
        }
      };
      for (let tries = 1; ; tries++) {
        try {
          return limiter ? await limiter.schedule(attempt) : await attempt();
        } catch (err) {
          // Failures of the caller's own (a page it could not store) are not the HR system's: pass them on.
          if (!(err instanceof AxiosError)) throw err;
          const bodyFault = err instanceof BadJsonError || err instanceof BodyTimeoutError;
          if (bodyFault && tries <= retries && !config.signal?.aborted && (streamOpts.mayRetry?.() ?? true)) {
            stats.retries += 1;
            log.warn(`${opts.vendor}: retrying request`, {
              attempt: tries,
              path: config.url,
              reason: err.code ?? err.message,
            });
            try {
              await pause(retryBaseMs * 2 ** (tries - 1) + Math.random() * retryBaseMs, config.signal);
            } catch (cancelled) {
              throw toAppError(cancelled, opts.vendor, opts.baseURL);
            }
            continue;
          }
          if (err.response?.status === 429) stats.rateLimited += 1;
          throw toAppError(err, opts.vendor, opts.baseURL);
        }
      }
    },
    async jsonPage<T>(config: AxiosRequestConfig & { signal?: AbortSignal }) {
      return client.stream(config, async (text, reply) => ({ ...reply, data: (await readJsonText(text)) as T }));
    },
    async json<T>(config: AxiosRequestConfig & { signal?: AbortSignal }) {
      const send = async () => {
        stats.requests += 1;
        return instance.request<T>(config);
      };
      try {
        const res = limiter ? await limiter.schedule(send) : await send();
        return { status: res.status, data: res.data, headers: res.headers };
      } catch (err) {
        if (err instanceof AxiosError && err.response?.status === 429) stats.rateLimited += 1;
        throw toAppError(err, opts.vendor, opts.baseURL);
      }
    },
  };
  return client;
}

/** Retry-After is either seconds or an HTTP date. Returns ms, or null when absent or unreadable. */
export function retryAfterMs(header: unknown): number | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Turns any transport failure into a contract error with words a clerk understands. */
export function toAppError(err: unknown, vendor: string, baseURL: string): AppError {
  const e = describe(err, vendor, baseURL);
  return e.cause === undefined ? new AppError(e.code, e.message, e.details, err) : e;
}

/** The HTTP status and parsed body behind an AppError from this layer, for vendor-specific wording. */
export function responseOf(err: unknown): { status: number; data: unknown } | null {
  const cause = err instanceof AppError ? err.cause : err;
  if (cause instanceof AxiosError && cause.response) {
    let data: unknown = cause.response.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        /* keep the text */
      }
    }
    return { status: cause.response.status, data };
  }
  return null;
}

function describe(err: unknown, vendor: string, baseURL: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof AxiosError) {
    if (err.code === 'ERR_CANCELED') return new AppError('CANCELLED', 'The sync was cancelled.');
    const host = safeHost(baseURL);
    if (err instanceof BadJsonError) {
      return new AppError(
        'HR_ERROR',
        `${vendor} sent a reply Bureau Sync could not read (${err.message}). This is usually a temporary fault at ${vendor}; nothing was changed. Try again in a few minutes.`,
        { status: err.response?.status },
      );
    }
    const status = err.response?.status;
    if (status === undefined) {
      if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') {
        return new AppError(
          'HR_UNREACHABLE',
          `${vendor} (${host}) took too long to answer. Nothing was changed; Bureau Sync will try again at the next sync.`,
        );
      }
      return new AppError(
        'HR_UNREACHABLE',
        `Could not reach ${vendor} at ${host} (${err.code ?? 'network error'}). Check this computer's internet connection; nothing was changed.`,
      );
    }
    if (status === 401) {
      return new AppError(
        'AUTH_FAILED',
        `${vendor} rejected the credentials. Check they were copied in full and have not been revoked.`,
      );
    }
    if (status === 403) {
      return new AppError(
        'FORBIDDEN',
        `${vendor} refused access: the credentials are missing a permission the sync needs.`,
      );
    }
    if (status === 404)
      return new AppError(
        'NOT_FOUND',
        `${vendor} says the record does not exist (or these credentials may not see it).`,
      );
    if (status === 429) {
      return new AppError(
        'RATE_LIMITED',
        `${vendor} kept answering "too many requests" even after Bureau Sync slowed down. Nothing was changed; the next sync will try again.`,
      );
    }
    if (status >= 500) {
      return new AppError(
        'HR_ERROR',
        `${vendor} had a problem of its own (HTTP ${status}). Nothing was changed; try again in a few minutes.`,
        { status },
      );
    }
    return new AppError('HR_ERROR', `${vendor} refused the request (HTTP ${status}).`, { status });
  }
  if (err instanceof Error && err.name === 'AbortError') return new AppError('CANCELLED', 'The sync was cancelled.');
  return new AppError(
    'INTERNAL',
    `Unexpected error talking to ${vendor}: ${err instanceof Error ? err.message : String(err)}`,
  );
}

function safeHost(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}
