import type Database from 'better-sqlite3';

export const name = 'employee-excluded-by';

/**
 * The filter rule that leaves an excluded employee out, in words ("Excluded by rule 1: "Country" is
 * "France""), so "why is X not in payroll?" has an answer on screen. Written whenever a sync excludes
 * someone (people excluded from the first sync on are stored too, with no payroll fields), cleared when
 * they are included again. NULL for everyone else, and for employees excluded before this migration
 * until their next sync.
 */
export function up(db: Database.Database): void {
  db.exec(`ALTER TABLE employees ADD COLUMN excluded_by TEXT;`);
}
