import type Database from 'better-sqlite3';

export const name = 'payroll-targets';

/**
 * Which payroll software each company's employees are loaded into (the export format and its options, JSON of
 * contract/exports.ts payrollTargetSchema), chosen once per company. Its own table rather than a key in
 * companies.settings_json: a company's sync settings and its payroll hand-off change for different reasons.
 * Removing the company removes its row (ON DELETE CASCADE; foreign keys are on, db/open.ts).
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE payroll_targets (
      company_id  TEXT PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
      target_json TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
  `);
}
