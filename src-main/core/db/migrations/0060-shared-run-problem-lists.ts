import type Database from 'better-sqlite3';

export const name = 'shared-run-problem-lists';

/**
 * A run whose problem list is the same as the run before it points at that run's rows instead of copying
 * them (repositories/run-problem-lists.ts): problems_run_id names the run holding the rows (NULL: its own),
 * problems_digest fingerprints the list for the next run's comparison (NULL: not worked out yet).
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE sync_runs ADD COLUMN problems_run_id TEXT REFERENCES sync_runs(id);
    ALTER TABLE sync_runs ADD COLUMN problems_digest TEXT;
  `);
}
