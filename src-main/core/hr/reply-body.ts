import { AxiosError, type AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Reading reply bodies for the shared HTTP layer (http.ts): streamed bodies, error bodies, and their failures. */

/** Marks a reply whose body was not valid JSON (HTML error page, truncated stream). */
export class BadJsonError extends AxiosError {}

/** A streamed body that went quiet for longer than the timeout (axios times out only until the headers). */
export class BodyTimeoutError extends AxiosError {}

/** The most of an error reply's body kept for responseOf(): enough for any vendor's error JSON. */
const MAX_ERROR_BODY = 1024 * 1024;

export function isReadable(v: unknown): v is Readable {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Readable).pipe === 'function' &&
    typeof (v as Readable).destroy === 'function'
  );
}

/** An error reply's body as text, at most MAX_ERROR_BODY characters; a failure while reading leaves what arrived. */
export async function readSmall(body: Readable): Promise<string> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  try {
    for await (const chunk of body) {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      if (text.length > MAX_ERROR_BODY) break;
    }
    text += decoder.end();
  } catch {
    /* keep what arrived */
  } finally {
    body.destroy();
  }
  return text.slice(0, MAX_ERROR_BODY);
}

/** A 2xx reply's body piece by piece as it arrives: as text (UTF-8, never split inside a character), or as bytes. */
export interface ReplyText extends AsyncIterable<string> {
  /**
   * The same body undecoded, for a reader that may never need it as text (hashing bytes costs half as much as
   * decoding and hashing text, and held Buffers are not copied by the garbage collector). Read one or the other.
   */
  bytes(): AsyncIterable<Buffer>;
}

/**
 * A streamed body, as text or as bytes. A connection cut part way is a reply that could not be read
 * (BadJsonError); a body that stays silent for idleMs while the reader waits for it times out, like a request
 * does. The silence is counted only while waiting: the reader may pause between pieces to hand records on.
 */
export function replyText(body: Readable, idleMs: number, res: AxiosResponse): ReplyText {
  return {
    bytes: () => replyBytes(body, idleMs, res),
    [Symbol.asyncIterator]: () => decoded(replyBytes(body, idleMs, res))[Symbol.asyncIterator](),
  };
}

async function* decoded(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of bytes) {
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

async function* replyBytes(body: Readable, idleMs: number, res: AxiosResponse): AsyncGenerator<Buffer> {
  const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    let next: IteratorResult<Buffer | string>;
    try {
      if (idleMs > 0) {
        timer = setTimeout(
          () =>
            body.destroy(
              new BodyTimeoutError(`timeout of ${idleMs}ms exceeded`, 'ECONNABORTED', res.config, res.request),
            ),
          idleMs,
        );
      }
      next = await it.next();
    } catch (err) {
      // Cancelled (axios destroys the body with its CanceledError) or timed out: say so as it is.
      if (err instanceof AxiosError) throw err;
      const code = (err as NodeJS.ErrnoException | null)?.code ?? 'connection lost';
      throw new BadJsonError(`cut short (${code})`, 'ERR_BAD_RESPONSE', res.config, res.request, { ...res, data: '' });
    } finally {
      clearTimeout(timer);
    }
    if (next.done) break;
    const chunk = next.value;
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/**
 * A whole JSON body from its decoded pieces, judged as json() judges one: a leading byte-order mark is
 * dropped, an empty body is null, and anything JSON.parse rejects is a BadJsonError (retried). Reading the
 * pieces as text as they arrive spares the copies axios makes of a buffered body (every chunk, then one
 * concatenated Buffer): for list pages of several hundred KB those copies, outside V8's heap and freed
 * only when their owners are collected, were ~60 MB of a 50,000-person sync's peak memory.
 */
export async function readJsonText(text: AsyncIterable<string>): Promise<unknown> {
  const pieces: string[] = [];
  for await (const piece of text) pieces.push(piece);
  let whole = pieces.join('');
  pieces.length = 0;
  if (whole.charCodeAt(0) === 0xfeff) whole = whole.slice(1);
  if (whole.trim() === '') return null;
  try {
    return JSON.parse(whole) as unknown;
  } catch {
    throw new BadJsonError(`not JSON (starts with ${JSON.stringify(whole.slice(0, 40))})`, 'ERR_BAD_RESPONSE');
  }
}

export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AxiosError('canceled', 'ERR_CANCELED'));
    const onAbort = () => {
      clearTimeout(t);
      reject(new AxiosError('canceled', 'ERR_CANCELED'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
