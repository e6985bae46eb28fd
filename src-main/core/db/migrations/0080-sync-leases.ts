import type Database from 'better-sqlite3';

export const name = 'sync-leases';

/**
 * The desktop app, browser mode and the command line all open the same database file, so two processes may
 * sync one company at once. sync_leases holds at most one row per company: the run syncing it now, the
 * process that owns that run (owner: host, pid and a random token per process, JSON), and when that
 * process last said it was still at it (heartbeat_at, ISO time, refreshed every few seconds). The row is
 * claimed inside an IMMEDIATE transaction, so SQLite's own write lock decides who gets it, and is deleted by
 * the transaction that finishes the run (db/repositories/leases.ts).
 *
 * sync_runs.owner says which process a run belongs to, so a process starting up marks "interrupted" only the
 * runs whose process is gone rather than every run another process has in progress. Runs recorded before
 * this migration have no owner and are treated as before: left running by a process that is gone.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE sync_leases (
      company_id   TEXT PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
      run_id       TEXT NOT NULL,
      owner        TEXT NOT NULL,
      acquired_at  TEXT NOT NULL,
      heartbeat_at TEXT NOT NULL
    );
    ALTER TABLE sync_runs ADD COLUMN owner TEXT;
  `);
}
