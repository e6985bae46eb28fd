import type Database from 'better-sqlite3';

export const name = 'employee-decision-hashes';

/**
 * Streaming syncs at bureau scale.
 * - employees.raw_hash / config_hash: the HR record and the company set-up an employee was last decided
 *   from; when both match, the next sync knows the outcome without re-running the payroll rules.
 * - employees.id_field: the ID field the identity was taken from, so a sync can tell cheaply whether
 *   anyone might need re-keying after the company changes its ID field.
 * (What a running sync has decided so far lives in a TEMP table, see repositories/staging.ts: it needs
 * no durability, since a killed run's decisions must be thrown away anyway.)
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE employees ADD COLUMN raw_hash TEXT;
    ALTER TABLE employees ADD COLUMN config_hash TEXT;
    ALTER TABLE employees ADD COLUMN id_field TEXT;
  `);
}
