import type { ExportFormat, ExportRecord, PayrollTarget } from '../../../contract/exports';
import { payrollTargetSchema } from '../../../contract/exports';
import type { EmployeeState, PayrollField, Problem } from '../../../contract/payroll';
import type { Db } from '../open';

/** An employee the payroll hand-off may consider: current (active or leaver), with their stored values. */
export interface HandOffEmployee {
  id: number;
  /** The payroll Employee ID (what the payroll software matches on), else the company's matching identity. */
  identity: string;
  name: string;
  state: EmployeeState;
  readiness: 'ready' | 'pending';
  values: Record<PayrollField, string | null>;
}

function toHandOff(r: {
  id: number;
  identity: string;
  display_name: string;
  state: EmployeeState;
  readiness: 'ready' | 'pending';
  values_json: string;
}): HandOffEmployee {
  const values = JSON.parse(r.values_json) as Record<PayrollField, string | null>;
  // Shown as the payroll software knows them: the Employee ID field, not the HR system's own record id.
  return {
    id: r.id,
    identity: values.employeeId ?? r.identity,
    name: r.display_name,
    state: r.state,
    readiness: r.readiness,
    values,
  };
}

interface RawRecord {
  id: number;
  company_id: string;
  format: ExportFormat;
  changes_only: number;
  filename: string;
  path: string | null;
  at: string;
  user_name: string;
  employee_count: number;
  left_out_count: number;
  sha256: string;
}

const toRecord = (r: RawRecord): ExportRecord => ({
  id: r.id,
  companyId: r.company_id,
  format: r.format,
  changesOnly: r.changes_only === 1,
  filename: r.filename,
  path: r.path,
  at: r.at,
  user: r.user_name,
  employees: r.employee_count,
  leftOut: r.left_out_count,
  sha256: r.sha256,
});

/**
 * What the exports knew of an employee: the latest file that held them (its field-change mark, their state
 * then), and the latest that left them out as unholdable, when that came after.
 */
export interface Baseline {
  employeeId: number;
  included: { exportId: number; mark: number; state: EmployeeState } | null;
  refused: { exportId: number; mark: number } | null;
}

export interface NewExport {
  companyId: string;
  format: ExportFormat;
  changesOnly: boolean;
  filename: string;
  path: string | null;
  at: string;
  user: string;
  leftOut: number;
  sha256: string;
  mark: number;
  employees: Array<{ id: number; state: EmployeeState }>;
  /** Ready employees the format could not hold. */
  refused: Array<{ id: number; state: EmployeeState }>;
}

/** The payroll hand-off's tables: each company's payroll software, and the record of every export. */
export class PayrollExportRepository {
  constructor(private readonly db: Db) {}

  target(companyId: string): PayrollTarget | null {
    const r = this.db
      .prepare<[string], { target_json: string }>('SELECT target_json FROM payroll_targets WHERE company_id = ?')
      .get(companyId);
    return r ? payrollTargetSchema.parse(JSON.parse(r.target_json)) : null;
  }

  setTarget(companyId: string, target: PayrollTarget, at: string): void {
    this.db
      .prepare(
        `INSERT INTO payroll_targets (company_id, target_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (company_id) DO UPDATE SET target_json = excluded.target_json, updated_at = excluded.updated_at`,
      )
      .run(companyId, JSON.stringify(target), at);
  }

  /** Every current employee (active or leaver) of a company, one query. */
  current(companyId: string): HandOffEmployee[] {
    return this.db
      .prepare<
        [string],
        {
          id: number;
          identity: string;
          display_name: string;
          state: EmployeeState;
          readiness: 'ready' | 'pending';
          values_json: string;
        }
      >(
        `SELECT id, identity, display_name, state, readiness, values_json FROM employees
         WHERE company_id = ? AND state IN ('active', 'leaver') ORDER BY display_name COLLATE NOCASE, id`,
      )
      .all(companyId)
      .map(toHandOff);
  }

  /** Employees by id (any state), for the changes pack's "no longer Ready" and duplicate checks. */
  byIds(ids: number[]): Map<number, HandOffEmployee> {
    const out = new Map<number, HandOffEmployee>();
    if (ids.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT id, identity, display_name, state, readiness, values_json FROM employees WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as Array<{
      id: number;
      identity: string;
      display_name: string;
      state: EmployeeState;
      readiness: 'ready' | 'pending';
      values_json: string;
    }>;
    for (const r of rows) out.set(r.id, toHandOff(r));
    return out;
  }

  /** Every problem of the company's current employees, by employee (one query). */
  problems(companyId: string): Map<number, Problem[]> {
    const out = new Map<number, Problem[]>();
    const rows = this.db
      .prepare<[string], { employee_id: number } & Problem>(
        `SELECT p.employee_id, p.field, p.code, p.severity, p.message, p.value FROM employee_problems p
         JOIN employees e ON e.id = p.employee_id WHERE e.company_id = ? AND e.state IN ('active', 'leaver') ORDER BY p.rowid`,
      )
      .all(companyId);
    for (const { employee_id, ...p } of rows) {
      const list = out.get(employee_id) ?? [];
      list.push(p);
      out.set(employee_id, list);
    }
    return out;
  }

  /** The company's latest field change id: an export made now holds everyone as of this change. */
  changeMark(companyId: string): number {
    return (
      this.db
        .prepare<[string], { m: number | null }>('SELECT MAX(id) AS m FROM field_changes WHERE company_id = ?')
        .get(companyId)?.m ?? 0
    );
  }

  insert(x: NewExport): ExportRecord {
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO payroll_exports (company_id, format, changes_only, filename, path, at, user_name, employee_count, left_out_count, sha256, change_mark)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          x.companyId,
          x.format,
          x.changesOnly ? 1 : 0,
          x.filename,
          x.path,
          x.at,
          x.user,
          x.employees.length,
          x.leftOut,
          x.sha256,
          x.mark,
        );
      const id = Number(info.lastInsertRowid);
      const add = this.db.prepare(
        'INSERT INTO payroll_export_employees (export_id, employee_id, state, included) VALUES (?, ?, ?, ?)',
      );
      for (const e of x.employees) add.run(id, e.id, e.state, 1);
      for (const e of x.refused) add.run(id, e.id, e.state, 0);
      return this.get(id)!;
    })();
  }

  get(id: number): ExportRecord | null {
    const r = this.db.prepare<[number], RawRecord>('SELECT * FROM payroll_exports WHERE id = ?').get(id);
    return r ? toRecord(r) : null;
  }

  history(companyId: string, limit: number): ExportRecord[] {
    return this.db
      .prepare<[string, number], RawRecord>(
        'SELECT * FROM payroll_exports WHERE company_id = ? ORDER BY id DESC LIMIT ?',
      )
      .all(companyId, limit)
      .map(toRecord);
  }

  last(companyId: string): ExportRecord | null {
    return this.history(companyId, 1)[0] ?? null;
  }

  /** Per employee any export has considered: the latest file holding them, and a later one refusing them. */
  baselines(companyId: string): Map<number, Baseline> {
    const rows = this.db
      .prepare<
        [string],
        { employee_id: number; included: number; export_id: number; change_mark: number; state: EmployeeState }
      >(
        `${LATEST} SELECT l.employee_id, l.included, l.export_id, x.change_mark, ee.state FROM latest l
         JOIN payroll_exports x ON x.id = l.export_id
         JOIN payroll_export_employees ee ON ee.export_id = l.export_id AND ee.employee_id = l.employee_id`,
      )
      .all(companyId);
    const out = new Map<number, Baseline>();
    for (const r of rows) {
      const b = out.get(r.employee_id) ?? { employeeId: r.employee_id, included: null, refused: null };
      if (r.included === 1) b.included = { exportId: r.export_id, mark: r.change_mark, state: r.state };
      else b.refused = { exportId: r.export_id, mark: r.change_mark };
      out.set(r.employee_id, b);
    }
    for (const b of out.values())
      if (b.included && b.refused && b.refused.exportId < b.included.exportId) b.refused = null;
    return out;
  }

  /**
   * Field changes made since the payroll software last received each employee (or, for one never received, since
   * the last file refused them), oldest first. One query, by the field history's per-employee index.
   */
  changesSinceExport(
    companyId: string,
  ): Array<{ employeeId: number; field: PayrollField; from: string | null; to: string | null; at: string }> {
    return this.db
      .prepare<
        [string, string],
        { employee_id: number; field: PayrollField; from_value: string | null; to_value: string | null; at: string }
      >(
        `${LATEST}, base AS (
           SELECT l.employee_id, COALESCE(MAX(CASE WHEN l.included = 1 THEN x.change_mark END), MAX(x.change_mark)) AS mark
           FROM latest l JOIN payroll_exports x ON x.id = l.export_id GROUP BY l.employee_id)
         SELECT c.employee_id, c.field, c.from_value, c.to_value, c.at
         FROM base JOIN field_changes c ON c.employee_id = base.employee_id AND c.id > base.mark
         WHERE c.company_id = ? ORDER BY c.id`,
      )
      .all(companyId, companyId)
      .map((r) => ({ employeeId: r.employee_id, field: r.field, from: r.from_value, to: r.to_value, at: r.at }));
  }
}

/** The latest export of each employee of a company, held (included = 1) and refused (included = 0) apart. */
const LATEST = `WITH latest AS (
  SELECT ee.employee_id, ee.included, MAX(ee.export_id) AS export_id
  FROM payroll_export_employees ee JOIN payroll_exports x ON x.id = ee.export_id
  WHERE x.company_id = ? GROUP BY ee.employee_id, ee.included)`;
