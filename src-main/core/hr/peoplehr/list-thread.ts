import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import { JsonStreamError } from '../json-stream';
import type { RecordJson } from '../record-json';
import type { ProviderRecord } from '../types';
import type { PieceRows } from './list-pieces';
import type { Deliver, ListReader } from './list-reader';

/**
 * The list thread: one worker thread for the process, started the first time a staff list arrives and kept
 * for the next (it holds no data between replies). It reads pieces of reply with ListPieces and sends each
 * piece's records back as JSON text with their sha1, which the core's thread only parses. Pieces are sent
 * ahead, at most AHEAD not yet delivered, so the thread reads the next pieces while the core works on the
 * last ones, and a slow core holds the reply back (and so the socket) rather than letting pieces pile up.
 *
 * If the thread cannot start, lists are read on the core's thread, as before it existed; if it stops during
 * a read, that read fails (nothing was kept) and later ones are read on the core's thread.
 */
export type ToThread =
  | { op: 'open'; id: number; today: string; hash: boolean }
  | { op: 'piece'; id: number; text: string }
  | { op: 'end'; id: number }
  | { op: 'drop'; id: number };

export type FromThread =
  | { id: 0; kind: 'ready' }
  | {
      id: number;
      kind: 'rows';
      jsons: string[];
      hashes: string[] | null;
      skipped: number;
      arrayStart: Array<[string, unknown]> | null;
    }
  | { id: number; kind: 'end'; members: Array<[string, unknown]>; streamed: boolean }
  | { id: number; kind: 'error'; message: string; jsonKind: JsonStreamError['kind'] | null };

/** Pieces (~64 KB each) sent to the thread whose rows are not yet delivered. */
const AHEAD = 8;

// Bundled (the desktop app, the bench) the worker is a script beside the bundle; from source (tsx, vitest)
// it is TypeScript, which this bootstrap loads through tsx's require hook.
const SOURCE_BOOT = `
const { workerData } = require('node:worker_threads');
require(workerData.tsx).register();
require(workerData.file);
`;
export const WORKER_BUNDLE_NAME = 'peoplehr-list-worker.js';
// The thread's garbage is all short-lived; V8's default young generation (up to 48 MB) showed as ~40 MB more
// peak memory in the 50,000-person sync, for no speed.
const LIMITS = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

function here(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

function startWorker(script?: string): Worker {
  if (script) return new Worker(script, LIMITS);
  const dir = dirname(here());
  const bundled = join(dir, WORKER_BUNDLE_NAME);
  if (existsSync(bundled)) return new Worker(bundled, LIMITS);
  const tsx = createRequire(here()).resolve('tsx/cjs/api');
  return new Worker(SOURCE_BOOT, { ...LIMITS, eval: true, workerData: { tsx, file: join(dir, 'list-worker.ts') } });
}

export class ListThread {
  readonly #worker: Worker;
  readonly #readers = new Map<number, (m: FromThread | Error) => void>();
  #nextId = 1;
  /** Replies opened on this thread so far. */
  reads = 0;
  #broken: string | null = null;
  /** Resolves true once the worker has loaded its code, false if it failed first. */
  readonly ready: Promise<boolean>;

  /** `script`: another worker script to run, for tests of a thread that fails. */
  constructor(
    private readonly logger: Logger,
    script?: string,
  ) {
    this.#worker = startWorker(script);
    let loaded: (ok: boolean) => void = () => undefined;
    this.ready = new Promise((resolve) => (loaded = resolve));
    this.#worker.on('message', (m: FromThread) => (m.kind === 'ready' ? loaded(true) : this.#readers.get(m.id)?.(m)));
    this.#worker.on('error', (err) => {
      loaded(false);
      this.#stop(err instanceof Error ? err.message : String(err));
    });
    this.#worker.on('exit', (code) => {
      loaded(false);
      this.#stop(`exit code ${code}`);
    });
    // Only loading, or a read in progress, keeps the process alive (ref while readers are open).
    void this.ready.then(() => {
      if (this.#readers.size === 0) this.#worker.unref();
    });
  }

  /** Stops the thread; a read in progress fails as if it had stopped by itself. */
  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  /** Why the thread stopped, or null while it runs. */
  get broken(): string | null {
    return this.#broken;
  }

  #stop(why: string): void {
    if (this.#broken) return;
    this.#broken = why;
    this.logger.warn('PeopleHR staff lists are read on the main thread: the list thread stopped', { message: why });
    const err = readerStopped(why);
    for (const deliver of this.#readers.values()) deliver(err);
    this.#readers.clear();
  }

  #post(m: ToThread): void {
    this.#worker.postMessage(m);
  }

  /** A reader for one reply; each piece's rows go to `deliver` in order, as soon as the thread has read them. */
  open(today: string, hash: boolean, deliver: Deliver): ListReader {
    if (this.#broken) throw readerStopped(this.#broken);
    const id = this.#nextId++;
    this.reads += 1;
    // Pieces sent and not yet delivered: write() waits while there are too many.
    let ahead = 0;
    let failure: unknown = null;
    // Deliveries in reply order; a failure stops the ones after it (the chain itself never rejects).
    let chain: Promise<void> = Promise.resolve();
    const after = (step: () => void | Promise<void>) => {
      chain = chain.then(step).catch((err: unknown) => fail(err));
    };
    let ended: (m: FromThread & { kind: 'end' }) => void = () => undefined;
    const end = new Promise<FromThread & { kind: 'end' }>((resolve) => (ended = resolve));
    let moved: () => void = () => undefined;
    const progress = () => new Promise<void>((resolve) => (moved = resolve));
    const fail = (err: unknown) => {
      failure ??= err;
      moved();
    };
    let open = true;
    const forget = () => {
      if (!open) return;
      open = false;
      this.#readers.delete(id);
      if (this.#readers.size === 0) this.#worker.unref();
    };

    if (this.#readers.size === 0) this.#worker.ref();
    this.#readers.set(id, (m) => {
      if (m instanceof Error) return fail(m);
      if (m.kind === 'error') {
        const err = m.jsonKind ? new JsonStreamError(m.message, m.jsonKind) : new Error(m.message);
        // After the rows of the pieces before it, as reading here would fail.
        after(() => fail(err));
      } else if (m.kind === 'end') {
        ended(m);
      } else if (m.kind === 'rows') {
        const rows = rowsOf(m);
        after(async () => {
          if (failure) return;
          await deliver(rows);
          ahead -= 1;
          moved();
        });
      }
    });
    this.#post({ op: 'open', id, today, hash });

    const check = () => {
      if (failure) throw failure;
    };
    return {
      write: async (text) => {
        check();
        this.#post({ op: 'piece', id, text });
        ahead += 1;
        while (ahead > AHEAD && !failure) await progress();
        check();
      },
      end: async () => {
        check();
        this.#post({ op: 'end', id });
        while (ahead > 0 && !failure) await progress();
        check();
        const last = await Promise.race([end, progress().then(() => null)]);
        check();
        forget();
        if (!last) throw readerStopped('it ended without finishing the list');
        return { members: new Map(last.members), streamed: last.streamed };
      },
      close: async () => {
        if (open) {
          forget();
          failure ??= new AppError('CANCELLED', 'The staff list was no longer read.');
          if (!this.#broken) this.#post({ op: 'drop', id });
        }
        // A delivery under way finishes before the caller moves on (say, to ask for the reply again).
        await chain;
      },
    };
  }
}

/** What a sync that lost its list reader says: nothing was written, and the next sync reads everyone again. */
function readerStopped(why: string): AppError {
  return new AppError(
    'INTERNAL',
    `Bureau Sync's reader for PeopleHR's staff list stopped part way (${why}). Nothing was changed; the next sync reads the whole list again.`,
  );
}

/** One piece's rows as the core uses them: parsed from the thread's text, with that text and its hash where worked out. */
function rowsOf(m: FromThread & { kind: 'rows' }): PieceRows {
  const records = m.jsons.map((json) => JSON.parse(json) as ProviderRecord);
  const serialised: RecordJson[] | undefined = m.hashes
    ? m.jsons.map((json, i) => ({ json, hash: m.hashes![i]! }))
    : undefined;
  return { records, skipped: m.skipped, arrayStart: m.arrayStart, ...(serialised ? { serialised } : {}) };
}

let shared: ListThread | null = null;
let unavailable = false;

/**
 * The process's list thread, started on first use and ready to read; null when it cannot run, and lists
 * are then read on the core's thread (said once in the log).
 */
export async function sharedListThread(logger: Logger): Promise<ListThread | null> {
  if (unavailable) return null;
  try {
    shared ??= new ListThread(logger);
  } catch (err) {
    unavailable = true;
    logger.warn('PeopleHR staff lists are read on the main thread: the list thread did not start', {
      message: err instanceof Error ? err.message : String(err),
    });
    return null;
  }
  const thread = shared;
  if ((await thread.ready) && !thread.broken) return thread;
  unavailable = true;
  return null;
}

/** How many replies the process's list thread has read (0 when it never ran): lets tests see which reader read. */
export function listThreadReads(): number {
  return shared?.reads ?? 0;
}
