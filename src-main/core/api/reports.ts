import type { Db } from '../db/open';
import type { PayrollField, Problem } from '../../contract/payroll';
import { AppError } from '../errors';

/** Whole-company read models for the CLI and exports (one query each, never one per employee). */
export function createReports(db: Db) {
  return {
    employees(companyId: string) {
      const rows = db
        .prepare<
          [string],
          {
            id: number;
            hr_id: string;
            identity: string;
            readiness: string;
            state: string;
            values_json: string;
            last_synced_at: string;
          }
        >(
          `SELECT id, hr_id, identity, readiness, state, values_json,
             CASE WHEN state IN ('active','leaver') AND (SELECT last_successful_sync_at FROM companies WHERE id = company_id) > last_synced_at
               THEN (SELECT last_successful_sync_at FROM companies WHERE id = company_id) ELSE last_synced_at END AS last_synced_at
           FROM employees WHERE company_id = ? ORDER BY display_name COLLATE NOCASE, id`,
        )
        .all(companyId);
      const problems = new Map<number, Array<Pick<Problem, 'field' | 'code' | 'message' | 'value'>>>();
      for (const p of db
        .prepare<[string], { employee_id: number } & Problem>(
          'SELECT p.employee_id, p.field, p.code, p.message, p.value FROM employee_problems p JOIN employees e ON e.id = p.employee_id WHERE e.company_id = ? ORDER BY p.rowid',
        )
        .all(companyId)) {
        const list = problems.get(p.employee_id) ?? [];
        list.push({ field: p.field, code: p.code, message: p.message, value: p.value });
        problems.set(p.employee_id, list);
      }
      return rows.map((r) => ({
        externalId: r.hr_id,
        employeeId: r.identity,
        readiness: r.readiness,
        state: r.state,
        fields: JSON.parse(r.values_json) as Record<PayrollField, string | null>,
        problems: problems.get(r.id) ?? [],
        lastSyncedAt: r.last_synced_at,
      }));
    },

    changes(companyId: string, externalId?: string) {
      const params: unknown[] = [companyId];
      let where = 'c.company_id = ?';
      if (externalId !== undefined) {
        where += ' AND e.hr_id = ?';
        params.push(externalId);
      }
      return db
        .prepare(
          `SELECT e.hr_id AS externalId, c.field, c.from_value AS "from", c.to_value AS "to", c.run_id AS runId, c.at
           FROM field_changes c JOIN employees e ON e.id = c.employee_id WHERE ${where} ORDER BY c.id DESC`,
        )
        .all(...params) as Array<{
        externalId: string;
        field: string;
        from: string | null;
        to: string | null;
        runId: string;
        at: string;
      }>;
    },

    employeeIdByHrId(companyId: string, hrId: string): number {
      const r = db
        .prepare<[string, string], { id: number }>('SELECT id FROM employees WHERE company_id = ? AND hr_id = ?')
        .get(companyId, hrId);
      if (!r) {
        throw new AppError(
          'NOT_FOUND',
          `No synced employee has the HR id "${hrId}" in this company. Run a full sync first, or check the id with the employees command.`,
        );
      }
      return r.id;
    },
  };
}

export type Reports = ReturnType<typeof createReports>;
