import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import { BadJsonError, type HttpClient, type ReplyText } from '../http';
import { JsonStreamError } from '../json-stream';
import { makeLimiter, type Limiter } from '../rate-limiter';
import {
  contradictoryReplyError,
  emptyReplyError,
  judgeEnvelope,
  PEOPLEHR_ACTIONS,
  rateLimitedError,
  refineTransportError,
  type PeopleHRAction,
} from './errors';
import type { ProviderRecord } from '../types';
import type { PieceRows } from './list-pieces';
import { openListReader, type ListReader, type ListReading } from './list-reader';
import { readEnvelope, type Envelope } from './schemas';
import type { RecordJson } from '../record-json';

/**
 * Every PeopleHR call is `POST /<Resource>` with the API key and the action in the JSON body (never
 * in the URL, never logged). PeopleHR allows 30 calls a minute per internet address for the whole API,
 * so calls are spaced evenly (one per 2 s by default) through a pacer shared by every client talking to
 * the same PeopleHR host from this process: several companies on PeopleHR share one address's allowance.
 */

export type CallResult = { kind: 'ok'; result: unknown } | { kind: 'empty' } | { kind: 'notFound' };

/**
 * Where a list action's rows go as they are read (see callList). Rows reach it in reply order, a piece
 * of the reply at a time; it is awaited, so the reply is read no faster than the rows are taken.
 */
export interface RowSink {
  /** The records read from a piece of the reply, and how many of its rows were not employees with an ID. */
  rows(records: ProviderRecord[], skipped: number, serialised?: RecordJson[]): void | Promise<void>;
  /** True once rows went where they cannot be called back (a page handed to the sync): no retry after that. */
  committed(): boolean;
  /** The reply is to be asked for again: forget the rows it gave so far (none were committed). */
  reset(): void;
}

/**
 * A list action's reply read as a stream: `result` is Result unless Result was an array, whose rows
 * went to the sink instead (`streamed`).
 */
export type ListCallResult =
  | { kind: 'ok'; result: unknown; streamed: boolean; digest: string }
  | { kind: 'same'; digest: string }
  | { kind: 'empty' }
  | { kind: 'notFound' };

/**
 * The most of a list reply held unread while it may turn out the same as the last one, in bytes: 64 MB is some
 * 18,000 people. A longer reply is read as it arrives.
 */
export const HOLD_REPLY_BYTES = 64 * 1024 * 1024;

/** Reading a list reply that may be the very one a previous call received. */
export interface SameAs {
  /** The sha1 of that reply's text (a ListCallResult's digest). */
  digest: string;
  /** How much of the reply may be held unread before it is read as it arrives (default HOLD_REPLY_BYTES). */
  holdBytes?: number;
}

/** What one streamed reply held: its envelope (null when it is not one), and whether Result's rows were streamed. */
interface StreamedReply {
  env: Envelope | null;
  streamed: boolean;
  /** Rows were read but not handed on, because the members before Result said the call had failed. */
  withheld: boolean;
  /** The sha1 of the reply's text. */
  digest: string;
  /** The text was exactly that of SameAs.digest, so none of it was read (env is null). */
  same: boolean;
}

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

const pacers = new Map<string, Limiter>();

export function pacerFor(baseUrl: string, callsPerMinute: number): Limiter {
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
    pacer = makeLimiter({ maxConcurrent: 1, minGapMs: Math.ceil((60_000 / callsPerMinute) * 1.05) })!;
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

  /**
   * Posts a list action and reads the reply as it arrives: each element of a `Result` array goes to the
   * sink as soon as it is complete, so neither the text nor the parsed list is ever held whole. The
   * other members (isError, Status, Message) may come before or after Result: when they come first and
   * say the call failed, the rows are read but not handed on; when they come last, the caller learns of
   * the failure only at the end, and callList then throws, so whatever was handed on is never taken as
   * a complete list. With `sameAs`, the reply is held unread as bytes (up to its holdBytes) until its end shows
   * whether it is exactly the reply that digest came from; if so, nothing is read and `same` says so.
   */
  async function postList(
    action: PeopleHRAction,
    params: Record<string, unknown>,
    sink: RowSink,
    reading: Omit<ListReading, 'logger'>,
    signal?: AbortSignal,
    sameAs?: SameAs,
  ): Promise<StreamedReply> {
    const read = async (text: ReplyText): Promise<StreamedReply> => {
      let head = '';
      let withheld = false;
      let failedSoFar = false;
      let reader = null as ListReader | null;
      // Anything but an object (an empty body, an HTML page, a bare list) is small or wrong: it is read
      // whole and judged as json() would, so its retries and wording stay the same.
      let mode: 'before' | 'object' | 'whole' = 'before';
      let first = true;
      let whole = '';
      const notJson = () => new BadJsonError(`not JSON (starts with ${JSON.stringify(head)})`, 'ERR_BAD_RESPONSE');
      const asNotJson = (err: unknown) => (err instanceof JsonStreamError ? notJson() : err);
      const deliver = async ({ records, skipped, arrayStart, serialised }: PieceRows): Promise<void> => {
        if (arrayStart) {
          // The envelope so far already says the call failed: its rows are read (to check the reply) but not handed on.
          const env = readEnvelope(Object.fromEntries(arrayStart));
          failedSoFar = env !== null && judgeEnvelope(env, action).kind !== 'ok';
        }
        if (records.length === 0 && skipped === 0) return;
        if (failedSoFar) withheld = true;
        else await sink.rows(records, skipped, serialised);
      };
      const take = async (piece: string): Promise<void> => {
        if (mode === 'before') {
          // A byte-order mark opening the body is dropped, as axios does for json().
          if (first && piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
          first = false;
          if (head.length < 40) head += piece.slice(0, 40 - head.length);
          const at = piece.search(/[^ \t\n\r]/);
          if (at < 0) return;
          mode = piece[at] === '{' ? 'object' : 'whole';
          piece = piece.slice(at);
        } else if (head.length < 40) head += piece.slice(0, 40 - head.length);
        if (mode === 'whole') {
          whole += piece;
          return;
        }
        reader ??= await openListReader({ ...reading, logger: opts.logger }, deliver);
        await reader.write(piece).catch((err: unknown) => Promise.reject(asNotJson(err)));
      };
      try {
        // While the reply may be the same as last time it is only hashed and held as bytes, not read: reading
        // 10,000 people (parsing, flattening, hashing each) costs more than receiving them, and even decoding
        // it to text costs as much again as hashing it. It is read once it differs, or is too long to hold.
        // The digest of the bytes is that of the text (UTF-8), so digests stored by earlier versions still match.
        const hash = createHash('sha1');
        const decoder = new StringDecoder('utf8');
        const takeBytes = async (chunk: Buffer) => {
          const piece = decoder.write(chunk);
          if (piece !== '') await take(piece);
        };
        let held: Buffer[] | null = sameAs ? [] : null;
        let heldBytes = 0;
        const holdBytes = sameAs?.holdBytes ?? HOLD_REPLY_BYTES;
        for await (const chunk of text.bytes()) {
          hash.update(chunk);
          if (held) {
            held.push(chunk);
            heldBytes += chunk.length;
            if (heldBytes <= holdBytes) continue;
            const chunks = held;
            held = null;
            for (const c of chunks) await takeBytes(c);
            continue;
          }
          await takeBytes(chunk);
        }
        const digest = hash.digest('hex');
        if (held) {
          if (digest === sameAs?.digest) return { env: null, streamed: true, withheld: false, digest, same: true };
          for (const c of held) await takeBytes(c);
        }
        const rest = decoder.end();
        if (rest !== '') await take(rest);
        // Nothing but whitespace: an empty reply, judged as json() judges a null body.
        if (mode === 'before') return { env: null, streamed: false, withheld, digest, same: false };
        if (mode === 'whole') {
          let body: unknown;
          try {
            body = JSON.parse(whole);
          } catch {
            throw notJson();
          }
          return { env: readEnvelope(body), streamed: false, withheld, digest, same: false };
        }
        let ended: Awaited<ReturnType<ListReader['end']>>;
        try {
          ended = await reader!.end();
        } catch (err) {
          throw asNotJson(err);
        }
        return {
          env: readEnvelope(Object.fromEntries(ended.members)),
          streamed: ended.streamed,
          withheld,
          digest,
          same: false,
        };
      } finally {
        await reader?.close();
      }
    };
    if (signal?.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.');
    try {
      return await pacer.schedule(() =>
        opts.http.stream(
          {
            method: 'POST',
            url: PEOPLEHR_ACTIONS[action],
            headers: { 'Content-Type': 'application/json' },
            data: { APIKey: opts.apiKey, Action: action, ...params },
            signal,
          },
          async (text) => {
            // A retried reply starts again from nothing: rows of the failed one were never committed.
            sink.reset();
            return read(text);
          },
          { mayRetry: () => !sink.committed() },
        ),
      );
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
    const res = await withRetries(
      action,
      async () => ({ env: readEnvelope(await post(action, params, signal)) }),
      signal,
    );
    // Only postList's replies can be 'same' (they alone are compared with an earlier reply).
    if (res.kind === 'same') throw new AppError('INTERNAL', 'A PeopleHR call was answered as a repeated list.');
    return res.kind === 'ok' ? { kind: 'ok', result: res.env.result } : res;
  }

  /**
   * A list action whose Result rows go to the sink as they are read (see postList), with call()'s retries
   * while nothing has been committed. A reply that turns out to have failed, or to hold no list, after
   * rows were committed is an error: the rows already handed on are then never part of a complete read.
   */
  async function callList(
    action: PeopleHRAction,
    params: Record<string, unknown>,
    sink: RowSink,
    reading: Omit<ListReading, 'logger'>,
    signal?: AbortSignal,
    sameAs?: SameAs,
  ): Promise<ListCallResult> {
    const res = await withRetries(action, () => postList(action, params, sink, reading, signal, sameAs), signal, sink);
    if (res.kind === 'same') return { kind: 'same', digest: res.reply.digest };
    if (res.kind === 'ok') {
      // Members after Result overrode those before it (a key twice, IsError and isError both): rows were
      // withheld from a reply that in the end succeeded, so what was handed on is not the whole list.
      if (res.reply.withheld) throw contradictoryReplyError();
      const { streamed, digest } = res.reply;
      return { kind: 'ok', result: streamed ? undefined : res.env.result, streamed, digest };
    }
    if (sink.committed()) throw contradictoryReplyError();
    sink.reset();
    return res;
  }

  /**
   * Asks until PeopleHR gives an answer that is not a passing fault. With a sink, a reply that failed after
   * its rows were committed is not asked for again: its error is thrown instead.
   */
  async function withRetries<R extends { env: Envelope | null; same?: boolean }>(
    action: PeopleHRAction,
    ask: () => Promise<R>,
    signal?: AbortSignal,
    sink?: RowSink,
  ): Promise<
    { kind: 'ok'; env: Envelope; reply: R } | { kind: 'same'; reply: R } | { kind: 'empty' } | { kind: 'notFound' }
  > {
    let rateLimitedTries = 0;
    let faultTries = 0;
    for (;;) {
      const reply = await ask();
      // The very text of a reply judged a success before: the same success, unread.
      if (reply.same) return { kind: 'same', reply };
      const { env } = reply;
      let wait: number;
      let lastError: AppError;
      if (env === null) {
        lastError = emptyReplyError();
        faultTries += 1;
        wait = backoff(opts.retryBaseMs, faultTries);
        if (faultTries > opts.retries) throw lastError;
      } else {
        const outcome = judgeEnvelope(env, action);
        if (outcome.kind === 'ok') return { kind: 'ok', env, reply };
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
      if (sink?.committed()) throw lastError;
      sink?.reset();
      opts.logger.warn('PeopleHR: retrying request', { action, reason: lastError.code, waitMs: Math.round(wait) });
      await sleep(wait, signal);
    }
  }

  return { call, callList };
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
