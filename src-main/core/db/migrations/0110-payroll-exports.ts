import type Database from 'better-sqlite3';

export const name = 'payroll-exports';

/**
 * Every file exported for payroll software: when, which format, who (the operating-system user), how many
 * employees, the file's SHA-256. change_mark is the highest field_changes.id of the company when the file was
 * made: the file holds each of its employees as they stood at that change, so "what changed since" is the
 * field history after the mark (field_changes ids only grow within a company). payroll_export_employees says
 * who each file held, and in which state (active or leaver), so new starters and new leavers show; it also
 * keeps the Ready employees the file left out because the format could not hold a value (included = 0), so an
 * employee refused unchanged is not announced as a new starter at every pay run.
 * Everything goes with the company or the employee (ON DELETE CASCADE), as company removal expects.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE payroll_exports (
      id             INTEGER PRIMARY KEY,
      company_id     TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      format         TEXT NOT NULL,
      changes_only   INTEGER NOT NULL,
      filename       TEXT NOT NULL,
      path           TEXT,
      at             TEXT NOT NULL,
      user_name      TEXT NOT NULL,
      employee_count INTEGER NOT NULL,
      left_out_count INTEGER NOT NULL,
      sha256         TEXT NOT NULL,
      change_mark    INTEGER NOT NULL
    );
    CREATE INDEX payroll_exports_by_company ON payroll_exports (company_id, id);

    CREATE TABLE payroll_export_employees (
      export_id   INTEGER NOT NULL REFERENCES payroll_exports(id) ON DELETE CASCADE,
      employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      state       TEXT NOT NULL,
      included    INTEGER NOT NULL,
      PRIMARY KEY (export_id, employee_id)
    );
    CREATE INDEX payroll_export_employees_by_employee ON payroll_export_employees (employee_id, export_id);
  `);
}
