import type Database from 'better-sqlite3';

export const name = 'employee-list-index';

/**
 * The employee list sorts by name without regard to case, searches name and ID, and filters by state.
 * Employee rows carry the whole HR record as JSON, so scanning the table reads megabytes; this covering
 * index holds every column the list shows, in the list's order, so paging, counting and searching
 * 50,000 employees read only the index.
 */
export function up(db: Database.Database): void {
  db.exec(`
    DROP INDEX IF EXISTS employees_by_company_name;
    CREATE INDEX employees_list ON employees (
      company_id, display_name COLLATE NOCASE, id, identity, hr_id, state, readiness,
      problem_count, warning_count, last_synced_at
    );
  `);
}
