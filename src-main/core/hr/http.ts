import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import axiosRetry, { isNetworkError } from 'axios-retry';
import Bottleneck from 'bottleneck';
import { AppError } from '../errors';
import type { Logger } from '../ports';
import { silentLogger } from '../ports';

/**
 * The one HTTP layer the three HR clients share. It owns timeouts, retries (exponential backoff with
 * jitter on network errors, 5xx and unparseable replies; 429 honoured via Retry-After, ≥ 1 s without it),
 * client-side throttling to each vendor's documented limits, and turning every failure into a contract
 * error code with a sentence a clerk understands. Credentials go in headers or bodies, never in URLs,
 * and nothing here logs a header or a body.
 */

export interface RateLimit {
  /** Requests allowed in any rolling minute. */
  perMinute?: number;
  /** Short burst cap: requests allowed in any rolling second. */
  perSecond?: number;
  maxConcurrent?: number;
  /**
   * Space calls evenly through the second instead of sending perSecond at once: a burst of parallel
   * calls reaches the vendor in whatever order its queue takes them, which can land one more in its window.
   */
  spread?: boolean;
}

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

export interface HttpClient {
  /** Sends a request and returns the parsed JSON body; throws AppError on any failure. */
  json<T = unknown>(config: AxiosRequestConfig & { signal?: AbortSignal }): Promise<{ status: number; data: T; headers: AxiosResponse['headers'] }>;
  readonly stats: HttpStats;
  readonly axios: AxiosInstance;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Marks a reply whose body was not valid JSON (HTML error page, truncated stream). */
export class BadJsonError extends AxiosError {}

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
  instance.interceptors.response.use((res) => {
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
  });

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

  return {
    stats,
    axios: instance,
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
}

interface Limiter {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
}

/** Slack on each window, so network jitter cannot push more calls into the vendor's window than it allows. */
const WINDOW_SLACK_MS = 100;

/**
 * Vendors count limits over a rolling window; a reservoir refilled on a fixed timer would let calls just
 * before and after a refill land in one rolling second (twice the limit). So each window remembers when its
 * recent calls started and holds the next one until one has aged out; turns are taken one at a time.
 */
function makeLimiter(rl: RateLimit | undefined): Limiter | null {
  if (!rl) return null;
  const windows = [
    ...(rl.perMinute ? [{ max: rl.perMinute, ms: 60_000 + WINDOW_SLACK_MS, starts: [] as number[] }] : []),
    ...(rl.perSecond ? [{ max: rl.perSecond, ms: 1000 + WINDOW_SLACK_MS, starts: [] as number[] }] : []),
    ...(rl.perSecond && rl.spread ? [{ max: 1, ms: (1000 + WINDOW_SLACK_MS) / rl.perSecond, starts: [] as number[] }] : []),
  ];
  const concurrency = rl.maxConcurrent ? new Bottleneck({ maxConcurrent: rl.maxConcurrent }) : null;
  if (windows.length === 0 && !concurrency) return null;
  const waitMs = (w: (typeof windows)[number], now: number) => {
    while (w.starts.length > 0 && w.starts[0]! <= now - w.ms) w.starts.shift();
    return w.starts.length < w.max ? 0 : w.starts[0]! + w.ms - now;
  };
  let queue: Promise<void> = Promise.resolve();
  const takeTurn = (): Promise<void> =>
    (queue = queue.then(async () => {
      for (;;) {
        const now = Date.now();
        const wait = Math.max(0, ...windows.map((w) => waitMs(w, now)));
        if (wait === 0) return void windows.forEach((w) => w.starts.push(now));
        await new Promise((r) => setTimeout(r, wait));
      }
    }));
  return {
    schedule: <T>(fn: () => Promise<T>): Promise<T> => {
      const run = async () => {
        await takeTurn();
        return fn();
      };
      return concurrency ? concurrency.schedule(run) : run();
    },
  };
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
      return new AppError('AUTH_FAILED', `${vendor} rejected the credentials. Check they were copied in full and have not been revoked.`);
    }
    if (status === 403) {
      return new AppError('FORBIDDEN', `${vendor} refused access: the credentials are missing a permission the sync needs.`);
    }
    if (status === 404) return new AppError('NOT_FOUND', `${vendor} says the record does not exist (or these credentials may not see it).`);
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
  return new AppError('INTERNAL', `Unexpected error talking to ${vendor}: ${err instanceof Error ? err.message : String(err)}`);
}

function safeHost(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}
