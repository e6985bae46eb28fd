import type Database from 'better-sqlite3';

export const name = 'employee-decision-index';

/**
 * What a sync reads of every stored employee before deciding anyone (identity, state, the decision hashes,
 * the ID field) sits after the large JSON columns of each row, so reading it walked every row's overflow
 * pages: ~200 ms of a 10,000-person hourly run whose HR read takes less. This covering index holds exactly
 * those columns, so the sync's look-ups read only the index.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE INDEX employees_decisions ON employees (
      company_id, identity, id, hr_id, state, record_hash, raw_hash, config_hash, problem_count, id_field
    );
  `);
}
