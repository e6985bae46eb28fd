import Bottleneck from 'bottleneck';
import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import type { HttpClient } from '../http';
import {
  emptyReplyError,
  judgeEnvelope,
  PEOPLEHR_ACTIONS,
  rateLimitedError,
  refineTransportError,
  type PeopleHRAction,
} from './errors';
import { readEnvelope } from './schemas';

/**
 * Every PeopleHR call is `POST /<Resource>` with the API key and the action in the JSON body (never
 * in the URL, never logged). PeopleHR allows 30 calls a minute per internet address for the whole API,
 * so calls are spaced evenly (one per 2 s by default) through a pacer shared by every client talking to
 * the same PeopleHR host from this process: several companies on PeopleHR share one address's allowance.
 */

export type CallResult = { kind: 'ok'; result: unknown } | { kind: 'empty' } | { kind: 'notFound' };

export interface TransportOptions {
  http: HttpClient;
  baseUrl: string;
  apiKey: string;
  callsPerMinute: number;
  retries: number;
  retryBaseMs: number;
  minRateLimitWaitMs: number;
  logger: Logger;
}

const pacers = new Map<string, Bottleneck>();

export function pacerFor(baseUrl: string, callsPerMinute: number): Bottleneck {
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    /* keep as given */
  }
  const key = `${origin}|${callsPerMinute}`;
  let pacer = pacers.get(key);
  if (!pacer) {
    // 5% slack: PeopleHR counts arrivals, and network jitter can bunch two evenly sent calls together.
    pacer = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil((60_000 / callsPerMinute) * 1.05) });
    pacers.set(key, pacer);
  }
  return pacer;
}

export function createTransport(opts: TransportOptions) {
  const pacer = pacerFor(opts.baseUrl, opts.callsPerMinute);

  async function post(action: PeopleHRAction, params: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.');
    try {
      const res = await pacer.schedule(() =>
        opts.http.json({
          method: 'POST',
          url: PEOPLEHR_ACTIONS[action],
          headers: { 'Content-Type': 'application/json' },
          data: { APIKey: opts.apiKey, Action: action, ...params },
          signal,
        }),
      );
      return res.data;
    } catch (err) {
      throw refineTransportError(err);
    }
  }

  /** One action, with PeopleHR-level retries: its server faults and rate-limit refusals arrive as HTTP 200. */
  async function call(
    action: PeopleHRAction,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<CallResult> {
    let rateLimitedTries = 0;
    let faultTries = 0;
    for (;;) {
      const body = await post(action, params, signal);
      const env = readEnvelope(body);
      let wait: number;
      let lastError: AppError;
      if (env === null) {
        lastError = emptyReplyError();
        faultTries += 1;
        wait = backoff(opts.retryBaseMs, faultTries);
        if (faultTries > opts.retries) throw lastError;
      } else {
        const outcome = judgeEnvelope(env, action);
        if (outcome.kind === 'ok') return { kind: 'ok', result: env.result };
        if (outcome.kind === 'empty') return { kind: 'empty' };
        if (outcome.kind === 'notFound') return { kind: 'notFound' };
        if (outcome.kind === 'fail') throw outcome.error;
        lastError = outcome.error;
        if (outcome.rateLimited) {
          rateLimitedTries += 1;
          // PeopleHR counts a rolling minute: waits grow until a whole minute has passed.
          if (rateLimitedTries > opts.retries + 2) throw rateLimitedError();
          wait = Math.min(60_000, backoff(opts.minRateLimitWaitMs, rateLimitedTries));
        } else {
          faultTries += 1;
          if (faultTries > opts.retries) throw lastError;
          wait = backoff(opts.retryBaseMs, faultTries);
        }
      }
      opts.logger.warn('PeopleHR: retrying request', { action, reason: lastError.code, waitMs: Math.round(wait) });
      await sleep(wait, signal);
    }
  }

  return { call };
}

function backoff(base: number, attempt: number): number {
  return base * 2 ** (attempt - 1) + Math.random() * base;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AppError('CANCELLED', 'The sync was cancelled.'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new AppError('CANCELLED', 'The sync was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
