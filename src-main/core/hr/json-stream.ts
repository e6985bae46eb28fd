/**
 * Reads one JSON object arriving as text in pieces, handing on the elements of one array member (a
 * vendor's `Result: [...]`) as each is complete, so a reply of 50,000 people never sits in memory
 * whole, neither as text nor parsed. It only finds where values begin and end (tracking strings,
 * escapes and bracket depth); every value found is then read by JSON.parse, which rejects whatever
 * JSON would, so a malformed or cut-off reply fails here exactly as it fails JSON.parse of the whole.
 * The other members are small (isError, Status, Message…) and are kept, parsed, for the end.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

export class JsonStreamError extends Error {
  constructor(
    message: string,
    /** 'truncated': the text ended before the object did; 'syntax': it is not JSON. */
    readonly kind: 'truncated' | 'syntax',
  ) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

/** Where the reader is in `{ "key": value, … }` and in the streamed array. */
type Where = 'start' | 'keyOrEnd' | 'key' | 'colon' | 'value' | 'memberEnd' | 'itemOrEnd' | 'item' | 'itemEnd' | 'done';

export interface StreamedObject {
  /** Every member but the streamed array, parsed; a repeated key keeps its last value, as with JSON.parse. */
  members: Map<string, unknown>;
  /** Whether the streamed key held an array (its elements went out through write()); otherwise it is in members. */
  streamed: boolean;
  /** How many elements the streamed array held. */
  elements: number;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class JsonObjectStream {
  readonly #streamKey: string;
  /** Text not yet consumed: from the start of the key or value being scanned (if any), else from #pos. */
  #buf = '';
  #pos = 0;
  #where: Where = 'start';
  /** Start of the key or value being scanned in #buf, or -1. */
  #tokStart = -1;
  #depth = 0;
  #inString = false;
  /** Characters dropped from the front of #buf so far, for positions in error messages. */
  #offset = 0;
  #key = '';
  #streamed = false;
  #elements = 0;
  readonly #members = new Map<string, unknown>();
  readonly #onArrayStart: ((members: ReadonlyMap<string, unknown>) => void) | undefined;

  /**
   * @param streamKey the member whose array is handed on element by element.
   * @param opts.onArrayStart called once when that array opens, with the members read so far (the rest may follow it).
   */
  constructor(streamKey: string, opts: { onArrayStart?: (members: ReadonlyMap<string, unknown>) => void } = {}) {
    this.#streamKey = streamKey;
    this.#onArrayStart = opts.onArrayStart;
  }

  /** Feeds the next piece of text; returns the streamed array's elements completed by it, parsed, in order. */
  write(text: string): unknown[] {
    const out: unknown[] = [];
    this.#buf = this.#buf.length === 0 ? text : this.#buf + text;
    this.#run(out);
    // Keep only what is still needed: the key or value being scanned (glue is consumed as it is read).
    const keep = this.#tokStart >= 0 ? this.#tokStart : this.#pos;
    if (keep > 0) {
      this.#buf = this.#buf.slice(keep);
      this.#offset += keep;
      this.#pos -= keep;
      if (this.#tokStart >= 0) this.#tokStart -= keep;
    }
    return out;
  }

  /** The text has ended: returns the object's other members, or throws if it was cut short. */
  end(): StreamedObject {
    if (this.#where !== 'done') {
      throw new JsonStreamError(`ends early (after ${this.#offset + this.#buf.length} characters)`, 'truncated');
    }
    return { members: this.#members, streamed: this.#streamed, elements: this.#elements };
  }

  #syntax(at: number, what: string): JsonStreamError {
    return new JsonStreamError(`${what} at ${this.#offset + at}`, 'syntax');
  }

  /** Skips whitespace from #pos; returns the next character code, or -1 when more text is needed. */
  #next(): number {
    const s = this.#buf;
    let i = this.#pos;
    while (i < s.length && isWhitespace(s.charCodeAt(i))) i++;
    this.#pos = i;
    return i < s.length ? s.charCodeAt(i) : -1;
  }

  #run(out: unknown[]): void {
    for (;;) {
      // A key or value already begun: find its end first.
      if (this.#tokStart >= 0) {
        const end = this.#valueEnd();
        if (end < 0) return;
        const start = this.#tokStart;
        this.#tokStart = -1;
        this.#pos = end;
        this.#took(start, end, out);
        continue;
      }
      const c = this.#next();
      if (c < 0) return;
      const i = this.#pos;
      switch (this.#where) {
        case 'start':
          if (c !== OPEN_BRACE) throw this.#syntax(i, 'not an object');
          this.#where = 'keyOrEnd';
          this.#pos = i + 1;
          continue;
        case 'keyOrEnd':
        case 'key':
          if (c === CLOSE_BRACE && this.#where === 'keyOrEnd') {
            this.#where = 'done';
            this.#pos = i + 1;
            continue;
          }
          if (c !== QUOTE) throw this.#syntax(i, 'expected a key');
          this.#begin(i, c);
          continue;
        case 'colon':
          if (c !== COLON) throw this.#syntax(i, 'expected ":"');
          this.#pos = i + 1;
          this.#where = 'value';
          continue;
        case 'value':
          if (c === OPEN_BRACKET && this.#key === this.#streamKey) {
            if (this.#streamed) throw this.#syntax(i, `"${this.#streamKey}" twice`);
            this.#streamed = true;
            this.#members.delete(this.#key);
            this.#where = 'itemOrEnd';
            this.#pos = i + 1;
            this.#onArrayStart?.(this.#members);
            continue;
          }
          this.#begin(i, c);
          continue;
        case 'memberEnd':
          this.#pos = i + 1;
          if (c === COMMA) this.#where = 'key';
          else if (c === CLOSE_BRACE) this.#where = 'done';
          else throw this.#syntax(i, 'expected "," or "}"');
          continue;
        case 'itemOrEnd':
        case 'item':
          if (c === CLOSE_BRACKET && this.#where === 'itemOrEnd') {
            this.#where = 'memberEnd';
            this.#pos = i + 1;
            continue;
          }
          this.#begin(i, c);
          continue;
        case 'itemEnd':
          this.#pos = i + 1;
          if (c === COMMA) this.#where = 'item';
          else if (c === CLOSE_BRACKET) this.#where = 'memberEnd';
          else throw this.#syntax(i, 'expected "," or "]"');
          continue;
        case 'done':
          throw this.#syntax(i, 'text after the end');
      }
    }
  }

  /** Marks the start of a key or value at i (its first character c). */
  #begin(i: number, c: number): void {
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON)
      throw this.#syntax(i, 'expected a value');
    this.#tokStart = i;
    this.#inString = c === QUOTE;
    this.#depth = c === OPEN_BRACE || c === OPEN_BRACKET ? 1 : 0;
    // A string or container is scanned from its next character; a number or literal from its first.
    this.#pos = this.#inString || this.#depth > 0 ? i + 1 : i;
  }

  /** A complete key or value spans [start, end): parse it and move on. */
  #took(start: number, end: number, out: unknown[]): void {
    let value: unknown;
    try {
      value = JSON.parse(this.#buf.slice(start, end));
    } catch (err) {
      throw this.#syntax(start, err instanceof Error ? err.message : 'not JSON');
    }
    switch (this.#where) {
      case 'keyOrEnd':
      case 'key':
        this.#key = value as string;
        this.#where = 'colon';
        return;
      case 'value':
        if (this.#key === this.#streamKey && this.#streamed) throw this.#syntax(start, `"${this.#streamKey}" twice`);
        this.#members.set(this.#key, value);
        this.#where = 'memberEnd';
        return;
      default:
        out.push(value);
        this.#elements += 1;
        this.#where = 'itemEnd';
    }
  }

  /**
   * Scans on from #pos for the end of the value starting at #tokStart; returns the index just past it,
   * or -1 when the text so far ends inside it (the state is kept, so scanning resumes where it stopped).
   */
  #valueEnd(): number {
    const s = this.#buf;
    const n = s.length;
    let i = this.#pos;
    if (!this.#inString && this.#depth === 0) {
      // Number, true, false or null: it ends where a delimiter starts. At the end of the text it may go on.
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || c <= 0x20) return i;
        i++;
      }
      this.#pos = i;
      return -1;
    }
    let depth = this.#depth;
    for (;;) {
      if (this.#inString) {
        // Jump from quote to quote; one ends the string unless an odd run of backslashes escapes it.
        // The run lies inside the string, which #buf holds from the value's start, so it is all there.
        let q = s.indexOf('"', i);
        for (;;) {
          if (q < 0) {
            this.#pos = n;
            this.#depth = depth;
            return -1;
          }
          let b = q - 1;
          while (s.charCodeAt(b) === BACKSLASH) b--;
          if ((q - 1 - b) % 2 === 0) break;
          q = s.indexOf('"', q + 1);
        }
        this.#inString = false;
        i = q + 1;
        if (depth === 0) return i;
      }
      while (i < n) {
        const c = s.charCodeAt(i++);
        if (c === QUOTE) {
          this.#inString = true;
          break;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
          this.#depth = 0;
          return i;
        }
      }
      if (!this.#inString) {
        this.#pos = i;
        this.#depth = depth;
        return -1;
      }
    }
  }
}
