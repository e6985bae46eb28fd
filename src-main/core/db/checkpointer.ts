import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../ports';
import type { Db } from './open';

/**
 * Copies the write-ahead log into the database file on a thread of its own.
 *
 * In WAL mode a commit is durable once it is in the -wal file; copying it into the database file (a
 * checkpoint) can happen any time after. SQLite's default runs that copy inside whichever commit pushes the
 * log past 1,000 pages, on the committing thread: for a first sync that is the run's own commit, which then
 * blocked the core's thread (the desktop app's main process) for ~150 ms at 10,000 employees and ~1.4 s at
 * 50,000, on top of the writes themselves. Here the core's connection never checkpoints; after each run it
 * nudges a worker thread, which checkpoints through a connection of its own on the machine's other core
 * (PASSIVE: it never waits for, nor blocks, the core's readers and writer).
 *
 * If the worker cannot start or fails, the core's connection checkpoints for itself again, as SQLite does by
 * default: nothing is lost either way, only where the copying happens changes.
 */
export interface Checkpointer {
  /** Asks for a checkpoint soon; returns at once. Nudges while one runs fold into one more after it. */
  nudge(): void;
  /** Checkpoints now (through the worker, or the core's connection if there is none) and says how far it got. */
  checkpoint(): Promise<CheckpointResult>;
  /** Whether checkpoints run on the worker (false once it has failed). */
  readonly onWorker: boolean;
  /** Stops the worker after any checkpoint in progress; call before closing the core's connection. */
  close(): Promise<void>;
}

/** PRAGMA wal_checkpoint's answer: frames in the log, and how many of them are now in the database file. */
export interface CheckpointResult {
  busy: boolean;
  logFrames: number;
  checkpointedFrames: number;
}

export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Runs as CommonJS in the worker; the module path and native binding come from the core's own resolution,
// so the packaged app's worker loads the same better-sqlite3 build as its main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    parentPort.postMessage({ ok: true, busy: r.busy === 1, logFrames: r.log, checkpointedFrames: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
`;

/** Resolves packages as this module does: CommonJS builds (the desktop app, tsx, vitest) and ESM bundles alike. */
function moduleRequire(): NodeJS.Require {
  return createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
}

type Reply =
  { ok: true; busy: boolean; logFrames: number; checkpointedFrames: number } | { ok: false; message: string };

export interface CheckpointerOptions {
  nativeBinding?: string;
  logger: Logger;
  /** Tests point this at a module that is not there, to see the fall-back. */
  modulePath?: string;
}

export function startCheckpointer(db: Db, file: string, opts: CheckpointerOptions): Checkpointer {
  const checkpointHere = (): CheckpointResult => {
    const r = (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>)[0];
    return { busy: r?.busy === 1, logFrames: r?.log ?? 0, checkpointedFrames: r?.checkpointed ?? 0 };
  };
  if (file === ':memory:')
    return { nudge() {}, checkpoint: async () => checkpointHere(), onWorker: false, close: async () => {} };

  let worker: Worker | null;
  try {
    const modulePath = opts.modulePath ?? moduleRequire().resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, modulePath, nativeBinding: opts.nativeBinding },
    });
  } catch (err) {
    worker = null;
    opts.logger.warn('checkpoints stay on the main thread: the worker did not start', { message: String(err) });
  }
  // The worker's replies come back in the order of the requests sent.
  const waiting: Array<(r: Reply) => void> = [];
  let inFlight = false;
  let again = false;

  const fallBack = (why: string) => {
    if (!worker) return;
    const w = worker;
    worker = null;
    opts.logger.warn('checkpoints are back on the main thread', { message: why });
    void w.terminate();
    db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    for (const resolve of waiting.splice(0)) resolve({ ok: false, message: why });
  };

  if (worker) {
    worker.on('message', (r: Reply) => waiting.shift()?.(r));
    worker.on('error', (err) => fallBack(err instanceof Error ? err.message : String(err)));
    worker.on('exit', (code) => {
      if (worker) fallBack(`the checkpoint worker stopped (exit code ${code})`);
    });
    // No checkpoint inside the core's own commits while the worker does them.
    db.pragma('wal_autocheckpoint = 0');
    // The worker must not keep a CLI or test process alive on its own.
    worker.unref();
  }

  const ask = (): Promise<Reply> =>
    new Promise((resolve) => {
      if (!worker) return resolve({ ok: false, message: 'no worker' });
      waiting.push(resolve);
      worker.postMessage('checkpoint');
    });

  const run = async (): Promise<Reply> => {
    inFlight = true;
    try {
      const r = await ask();
      if (!r.ok && worker) opts.logger.warn('background checkpoint failed', { message: r.message });
      return r;
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };

  return {
    get onWorker() {
      return worker !== null;
    },
    nudge() {
      if (!worker) return;
      if (inFlight) again = true;
      else void run();
    },
    async checkpoint() {
      const r = worker ? await run() : null;
      if (r?.ok) return { busy: r.busy, logFrames: r.logFrames, checkpointedFrames: r.checkpointedFrames };
      return checkpointHere();
    },
    async close() {
      const w = worker;
      if (!w) return;
      worker = null;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      // Unref'd, the worker's exit would not keep the process alive while it is awaited: a CLI's loop would
      // drain here and exit 0 before the command's result (and its exit code) was ever written.
      w.ref();
      w.postMessage('close');
      await exited;
      for (const resolve of waiting.splice(0)) resolve({ ok: false, message: 'closed' });
      db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    },
  };
}
