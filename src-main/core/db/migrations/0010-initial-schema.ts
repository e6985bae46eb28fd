import type Database from 'better-sqlite3';

export const name = 'initial-schema';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE companies (
      id                     TEXT PRIMARY KEY,
      name                   TEXT NOT NULL,
      provider               TEXT NOT NULL CHECK (provider IN ('personio','humaans','peoplehr','demo')),
      base_url               TEXT,
      -- a reference into the secret store, never the secret itself
      secret_ref             TEXT,
      reviewed               INTEGER NOT NULL DEFAULT 0,
      settings_json          TEXT NOT NULL,
      catalogue_json         TEXT,
      can_read_salaries      INTEGER NOT NULL DEFAULT 0,
      salary_reason          TEXT,
      created_at             TEXT NOT NULL,
      last_successful_sync_at TEXT,
      last_attempt_at        TEXT,
      last_attempt_status    TEXT,
      last_attempt_error_json TEXT,
      next_sync_at           TEXT
    );

    CREATE TABLE mappings (
      company_id    TEXT NOT NULL REFERENCES companies(id),
      payroll_field TEXT NOT NULL,
      provider_key  TEXT, -- NULL: "Do not map"
      PRIMARY KEY (company_id, payroll_field)
    );

    CREATE TABLE filters (
      company_id  TEXT NOT NULL REFERENCES companies(id),
      position    INTEGER NOT NULL,
      mode        TEXT NOT NULL CHECK (mode IN ('include','exclude')),
      field       TEXT NOT NULL,
      operator    TEXT NOT NULL,
      values_json TEXT NOT NULL,
      PRIMARY KEY (company_id, position)
    );

    CREATE TABLE employees (
      id              INTEGER PRIMARY KEY,
      company_id      TEXT NOT NULL REFERENCES companies(id),
      -- the value of the company's ID field: employees are matched on it, never duplicated
      identity        TEXT NOT NULL,
      -- the HR system's own id, used to fetch the one person for "Sync now"
      hr_id           TEXT NOT NULL,
      display_name    TEXT NOT NULL,
      state           TEXT NOT NULL CHECK (state IN ('active','leaver','excluded','missing')),
      readiness       TEXT NOT NULL CHECK (readiness IN ('ready','pending')),
      values_json     TEXT NOT NULL,
      sources_json    TEXT NOT NULL,
      record_json     TEXT NOT NULL,
      record_hash     TEXT NOT NULL,
      problem_count   INTEGER NOT NULL DEFAULT 0,
      warning_count   INTEGER NOT NULL DEFAULT 0,
      first_synced_at TEXT NOT NULL,
      last_synced_at  TEXT NOT NULL,
      last_run_id     TEXT,
      UNIQUE (company_id, identity)
    );
    CREATE INDEX employees_by_company_name ON employees (company_id, display_name);
    CREATE INDEX employees_by_company_state ON employees (company_id, state, readiness);
    CREATE INDEX employees_by_company_hr_id ON employees (company_id, hr_id);

    CREATE TABLE employee_problems (
      employee_id INTEGER NOT NULL REFERENCES employees(id),
      field       TEXT NOT NULL,
      code        TEXT NOT NULL,
      severity    TEXT NOT NULL CHECK (severity IN ('error','warning')),
      message     TEXT NOT NULL,
      value       TEXT
    );
    CREATE INDEX employee_problems_by_employee ON employee_problems (employee_id);

    CREATE TABLE sync_runs (
      id            TEXT PRIMARY KEY,
      company_id    TEXT NOT NULL REFERENCES companies(id),
      trigger       TEXT NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','skipped','cancelled')),
      employee_hr_id TEXT,
      started_at    TEXT NOT NULL,
      finished_at   TEXT,
      counts_json   TEXT NOT NULL DEFAULT '{}',
      error_json    TEXT,
      note          TEXT
    );
    CREATE INDEX sync_runs_by_company ON sync_runs (company_id, started_at);

    CREATE TABLE run_problems (
      run_id       TEXT NOT NULL REFERENCES sync_runs(id),
      identity     TEXT NOT NULL,
      name         TEXT NOT NULL,
      field        TEXT NOT NULL,
      code         TEXT NOT NULL,
      severity     TEXT NOT NULL,
      message      TEXT NOT NULL,
      value        TEXT
    );
    CREATE INDEX run_problems_by_run ON run_problems (run_id);

    CREATE TABLE field_changes (
      id          INTEGER PRIMARY KEY,
      company_id  TEXT NOT NULL REFERENCES companies(id),
      employee_id INTEGER NOT NULL REFERENCES employees(id),
      field       TEXT NOT NULL,
      from_value  TEXT,
      to_value    TEXT,
      run_id      TEXT NOT NULL,
      at          TEXT NOT NULL
    );
    CREATE INDEX field_changes_by_employee ON field_changes (employee_id, id);
    CREATE INDEX field_changes_by_company ON field_changes (company_id, id);

    CREATE TABLE app_settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `);
}
