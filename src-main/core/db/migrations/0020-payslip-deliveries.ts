import type Database from 'better-sqlite3';

export const name = 'payslip-deliveries';

/**
 * Every attempt to put a payslip into an employee's HR documents, newest last. A file counts as delivered
 * for (company, employee, pay date, file content); the partial unique index makes a second "delivered"
 * row for the same file impossible, whatever the code above it does.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE payslip_deliveries (
      id             INTEGER PRIMARY KEY,
      company_id     TEXT NOT NULL REFERENCES companies(id),
      pay_date       TEXT NOT NULL,
      file_name      TEXT NOT NULL,
      source_dir     TEXT NOT NULL,
      file_sha256    TEXT NOT NULL,
      file_size      INTEGER NOT NULL,
      employee_id    INTEGER NOT NULL,
      employee_hr_id TEXT NOT NULL,
      employee_name  TEXT NOT NULL,
      category_id    TEXT,
      status         TEXT NOT NULL CHECK (status IN ('delivered','failed','unknown')),
      document_id    TEXT,
      error_json     TEXT,
      attempted_at   TEXT NOT NULL
    );
    CREATE INDEX payslip_deliveries_by_file ON payslip_deliveries (company_id, employee_id, pay_date, file_sha256);
    CREATE INDEX payslip_deliveries_by_company ON payslip_deliveries (company_id, attempted_at);
    CREATE UNIQUE INDEX payslip_delivered_once ON payslip_deliveries (company_id, employee_id, pay_date, file_sha256)
      WHERE status = 'delivered';
  `);
}
