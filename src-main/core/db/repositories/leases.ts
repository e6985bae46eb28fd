import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import type { Db } from '../open';
import { AppError } from '../../errors';

/**
 * Why this exists: the desktop app, browser mode and the command line default to the same data folder, so
 * several processes share one database file. Within a process the Scheduler lets one run per company go at
 * a time; across processes nothing did, so two syncs of one company could both write the same field changes,
 * a process starting up marked another's live run "Interrupted", and a removal could pull the company out
 * from under another process's run.
 *
 * The fix uses SQLite's own locking, not a lock file: a per-company lease row (sync_leases, migration 0080)
 * claimed in an IMMEDIATE transaction, so the database's write lock decides between two processes claiming
 * at once. The lease names its owner (host, pid, and a token random to this process, so a later process that
 * happens to get the same pid is not taken for the owner) and carries a heartbeat the owner refreshes while
 * the run lasts. A lease is stale when its owner is gone (same host and the pid is not alive, or it is this
 * very pid with another token) or its heartbeat is older than STALE_MS; a stale lease is taken over and its
 * run marked failed with the usual Interrupted note. The run's own row is finished, and the lease released,
 * in one transaction (SyncEngine #finish).
 */

/** Who owns a run: this host, this process, and a token no earlier process with the same pid had. */
export interface RunOwner {
  host: string;
  pid: number;
  token: string;
}

export const PROCESS_OWNER: RunOwner = { host: hostname(), pid: process.pid, token: randomUUID() };

export const INTERRUPTED_NOTE =
  'Interrupted: Bureau Sync was closed or stopped during this sync. Nothing from it was saved.';

/** How often the owner refreshes its lease, and how old a heartbeat may be before the lease is taken over. */
export const HEARTBEAT_MS = 5_000;
export const STALE_MS = 60_000;

export const ownerText = (o: RunOwner): string => JSON.stringify({ host: o.host, pid: o.pid, token: o.token });

function parseOwner(text: string): RunOwner | null {
  try {
    const o = JSON.parse(text) as Partial<RunOwner>;
    return typeof o.host === 'string' && typeof o.pid === 'number' && typeof o.token === 'string'
      ? (o as RunOwner)
      : null;
  } catch {
    return null;
  }
}

/**
 * Whether a process with this pid is running on this machine (EPERM: it is, as another user). On Linux a
 * killed process nobody has reaped yet (a zombie, e.g. in a container whose first process does not reap)
 * still answers the signal, so its state is read too.
 */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    // "pid (comm) S ...": the state follows the last ')' (comm may itself hold brackets and spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT'; // gone since the signal; otherwise trust the signal
  }
}

/** SQLITE_BUSY and its kin: another connection holds the lock this one needs. */
export function isBusy(err: unknown): boolean {
  return (
    err instanceof Database.SqliteError && (err.code.startsWith('SQLITE_BUSY') || err.code.startsWith('SQLITE_LOCKED'))
  );
}

/**
 * Runs `fn` with the connection waiting at most `ms` for another process's lock (the core's connection
 * otherwise waits 5 s, which on the desktop app's main thread would freeze the window).
 */
function withBusyTimeout<T>(db: Db, ms: number, fn: () => T): T {
  const was = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${ms}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${was}`);
  }
}

interface LeaseRow {
  company_id: string;
  run_id: string;
  owner: string;
  heartbeat_at: string;
}

export interface LeaseOptions {
  /** This process (tests pass another to play a second process). */
  owner?: RunOwner;
  /** Wall-clock time in ms: leases are about real processes, not the app's injected clock. */
  now?: () => number;
  /** The time written on a run this marks interrupted (the app's clock; by default the wall clock). */
  stamp?: () => string;
  pidAlive?: (pid: number) => boolean;
  /** How long a claim waits for the database's write lock before trying again later (ms). */
  claimBusyMs?: number;
  /** How long in all a claim keeps trying while the database stays busy, before giving up (ms). */
  busyGiveUpMs?: number;
  /** How often a joined run looks whether the run it waits for has finished (ms). */
  pollMs?: number;
}

/** What acquire() got: the lease (this run goes ahead), or another live run of the company that finished meanwhile. */
export type Acquired = { claimed: true; tookOverRunId: string | null } | { claimed: false; joinedRunId: string };

type Attempt = Acquired | { held: string } | 'busy';

export class LeaseRepository {
  readonly #owner: RunOwner;
  readonly #ownerText: string;
  readonly #now: () => number;
  readonly #pidAlive: (pid: number) => boolean;
  readonly #stamp: () => string;

  constructor(
    private readonly db: Db,
    private readonly opts: LeaseOptions = {},
  ) {
    this.#owner = opts.owner ?? PROCESS_OWNER;
    this.#ownerText = ownerText(this.#owner);
    this.#now = opts.now ?? Date.now;
    this.#pidAlive = opts.pidAlive ?? pidAlive;
    this.#stamp = opts.stamp ?? (() => new Date(this.#now()).toISOString());
  }

  get ownerText(): string {
    return this.#ownerText;
  }

  /** Whether the process that owns a run (as recorded) has certainly gone: only knowable on this host. */
  ownerGone(text: string | null): boolean {
    if (text === null) return true; // a run from before owners were recorded: as before, its process is gone
    const o = parseOwner(text);
    if (!o) return true;
    if (o.host !== this.#owner.host) return false; // another machine's process: only its heartbeat can tell
    if (o.pid === this.#owner.pid) return o.token !== this.#owner.token;
    return !this.#pidAlive(o.pid);
  }

  #stale(row: LeaseRow): boolean {
    return this.ownerGone(row.owner) || this.#now() - Date.parse(row.heartbeat_at) > STALE_MS;
  }

  #row(companyId: string): LeaseRow | undefined {
    return this.db.prepare<[string], LeaseRow>('SELECT * FROM sync_leases WHERE company_id = ?').get(companyId);
  }

  #interrupt(runId: string): void {
    this.db
      .prepare(`UPDATE sync_runs SET status = 'failed', finished_at = ?, note = ? WHERE id = ? AND status = 'running'`)
      .run(this.#stamp(), INTERRUPTED_NOTE, runId);
  }

  /**
   * One try at the lease. `start` records the run's row; it runs inside the claiming transaction, so a lease
   * always has its run. While `joining` a run, the lease is not claimed when that run finishes: its outcome
   * is the answer. Throws SQLITE_BUSY when the write lock stayed taken for claimBusyMs.
   */
  tryClaim(
    companyId: string,
    runId: string,
    start: () => void,
    joining: string | null = null,
  ): Acquired | { held: string } {
    const seen = this.#row(companyId); // a plain read never waits in WAL mode: most polls end here
    if (seen && !this.#stale(seen))
      return joining && seen.run_id !== joining ? { claimed: false, joinedRunId: joining } : { held: seen.run_id };
    if (!seen && joining) return { claimed: false, joinedRunId: joining };
    return withBusyTimeout(this.db, this.opts.claimBusyMs ?? 200, () =>
      this.db
        .transaction((): Acquired | { held: string } => {
          const row = this.#row(companyId);
          if (row && !this.#stale(row))
            return joining && row.run_id !== joining ? { claimed: false, joinedRunId: joining } : { held: row.run_id };
          if (!row && joining) return { claimed: false, joinedRunId: joining };
          if (!this.db.prepare('SELECT 1 FROM companies WHERE id = ?').get(companyId)) {
            throw new AppError(
              'NOT_FOUND',
              `No company has the ID "${companyId}". It may have been removed: check the companies list.`,
            );
          }
          if (row) this.#interrupt(row.run_id);
          start();
          const at = new Date(this.#now()).toISOString();
          this.db
            .prepare(
              'INSERT OR REPLACE INTO sync_leases (company_id, run_id, owner, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(companyId, runId, this.#ownerText, at, at);
          return { claimed: true, tookOverRunId: row?.run_id ?? null };
        })
        .immediate(),
    );
  }

  /**
   * Claims the company's lease for `runId`, or, while another live run holds it, waits (polling, abortable)
   * for that run to finish and answers with it. A lease whose owner dies meanwhile is taken over. A database
   * kept busy for busyGiveUpMs becomes a CONFLICT in words, never a raw SQLite error.
   */
  async acquire(companyId: string, runId: string, o: { signal?: AbortSignal; start: () => void }): Promise<Acquired> {
    let joining: string | null = null;
    let busySince: number | null = null;
    for (;;) {
      o.signal?.throwIfAborted();
      let got: Attempt;
      try {
        got = this.tryClaim(companyId, runId, o.start, joining);
      } catch (err) {
        if (!isBusy(err)) throw err;
        got = 'busy';
      }
      if (got === 'busy') {
        busySince ??= this.#now();
        if (this.#now() - busySince > (this.opts.busyGiveUpMs ?? 60_000)) {
          throw new AppError(
            'CONFLICT',
            'Another Bureau Sync window (or the command line) kept the database busy, so this sync could not start. Nothing was changed; try again in a moment.',
          );
        }
      } else if ('held' in got) {
        busySince = null;
        joining = got.held;
      } else {
        return got;
      }
      await sleep(this.opts.pollMs ?? 300, o.signal);
    }
  }

  /**
   * Refreshes the lease every HEARTBEAT_MS while the run lasts; returns the function that stops it. The timer
   * never keeps a process alive, and a beat that finds the database busy is skipped rather than waited for
   * (the next one will do; STALE_MS is many beats).
   */
  heartbeat(companyId: string, runId: string, onError?: (err: unknown) => void): () => void {
    const timer = setInterval(() => this.beat(companyId, runId, onError), HEARTBEAT_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** One heartbeat; false when it was skipped (database busy or closed) or the lease is no longer this run's. */
  beat(companyId: string, runId: string, onError?: (err: unknown) => void): boolean {
    if (!this.db.open || this.db.inTransaction) return false;
    try {
      return withBusyTimeout(
        this.db,
        0,
        () =>
          this.db
            .prepare('UPDATE sync_leases SET heartbeat_at = ? WHERE company_id = ? AND run_id = ? AND owner = ?')
            .run(new Date(this.#now()).toISOString(), companyId, runId, this.#ownerText).changes > 0,
      );
    } catch (err) {
      if (!isBusy(err)) onError?.(err);
      return false;
    }
  }

  /** Whether this process still holds the company's lease for this run. */
  holds(companyId: string, runId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM sync_leases WHERE company_id = ? AND run_id = ? AND owner = ?')
        .get(companyId, runId, this.#ownerText) !== undefined
    );
  }

  /** Gives the lease up; false when it was not this run's any more (taken over as stale). */
  release(companyId: string, runId: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM sync_leases WHERE company_id = ? AND run_id = ? AND owner = ?')
        .run(companyId, runId, this.#ownerText).changes > 0
    );
  }

  /**
   * The live run of a company, if any, and whether it is this process's: a live lease, or a one-employee run
   * ("Sync now" on an employee holds no lease) whose process is still there. For removal, which must not pull
   * a company out from under a run.
   */
  activeRun(companyId: string): { runId: string; mine: boolean } | null {
    const lease = this.#row(companyId);
    if (lease && !this.#stale(lease)) return { runId: lease.run_id, mine: lease.owner === this.#ownerText };
    const runs = this.db
      .prepare<[string], { id: string; owner: string | null }>(
        `SELECT id, owner FROM sync_runs WHERE company_id = ? AND status = 'running' AND trigger = 'employee'`,
      )
      .all(companyId);
    const live = runs.find((r) => !this.ownerGone(r.owner));
    return live ? { runId: live.id, mine: live.owner === this.#ownerText } : null;
  }

  /**
   * At start-up: runs left "running" by a process that is gone changed nothing (every run is all or nothing),
   * so they are marked failed with the Interrupted note, and their leases dropped. A run whose process is alive
   * (another window, the command line) is left alone. Returns how many were closed; 0 without waiting when
   * another process holds the database's write lock (the next claim of each company still takes over).
   */
  closeAbandoned(): number {
    try {
      return withBusyTimeout(this.db, this.opts.claimBusyMs ?? 200, () =>
        this.db
          .transaction((): number => {
            const leases = new Map(
              this.db
                .prepare<[], LeaseRow>('SELECT * FROM sync_leases')
                .all()
                .map((l) => [l.run_id, l]),
            );
            let closed = 0;
            for (const l of leases.values()) {
              if (!this.#stale(l)) continue;
              this.db
                .prepare('DELETE FROM sync_leases WHERE company_id = ? AND run_id = ?')
                .run(l.company_id, l.run_id);
            }
            const running = this.db
              .prepare<[], { id: string; owner: string | null }>(
                `SELECT id, owner FROM sync_runs WHERE status = 'running'`,
              )
              .all();
            for (const r of running) {
              const lease = leases.get(r.id);
              if (this.ownerGone(r.owner) || (lease !== undefined && this.#stale(lease))) {
                this.#interrupt(r.id);
                closed += 1;
              }
            }
            return closed;
          })
          .immediate(),
      );
    } catch (err) {
      if (isBusy(err)) return 0;
      throw err;
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
