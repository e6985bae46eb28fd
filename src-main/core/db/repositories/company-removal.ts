import type { Db } from '../open';

/** What removing a company took out of the database. */
export interface RemovedCounts {
  employees: number;
  runs: number;
  payslipDeliveries: number;
}

/**
 * Deletes a company and everything the app holds for it, in one transaction: its employees and their
 * problems and field history, its sync runs and their problem lists, its payslip delivery records, its
 * mapping and filters, and the company row. Nothing of any other company is touched (every statement is
 * keyed on this company). SQLite's secure_delete is on while it runs, so the freed pages are overwritten
 * with zeros rather than left in the file: a bureau removes a client's staff data when the contract ends,
 * and expects it gone from the disk, not merely unlisted.
 */
export function removeCompanyData(db: Db, companyId: string, guard?: () => void): RemovedCounts {
  const was = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    // IMMEDIATE, and `guard` (which may refuse, e.g. while another process syncs the company) runs first inside
    // it: no other process can claim the company between the check and the deletion.
    return db
      .transaction((): RemovedCounts => {
        guard?.();
        const run = (sql: string) => db.prepare(sql).run(companyId).changes;
        const ofCompanyRuns = 'SELECT id FROM sync_runs WHERE company_id = ?';
        run(`DELETE FROM run_problems WHERE run_id IN (${ofCompanyRuns})`);
        run('DELETE FROM field_changes WHERE company_id = ?');
        run('DELETE FROM employee_problems WHERE employee_id IN (SELECT id FROM employees WHERE company_id = ?)');
        const payslipDeliveries = run('DELETE FROM payslip_deliveries WHERE company_id = ?');
        const employees = run('DELETE FROM employees WHERE company_id = ?');
        // A run may point at an earlier run of the same company for its problem list (problems_run_id).
        run('UPDATE sync_runs SET problems_run_id = NULL WHERE company_id = ?');
        const runs = run('DELETE FROM sync_runs WHERE company_id = ?');
        run('DELETE FROM mappings WHERE company_id = ?');
        run('DELETE FROM filters WHERE company_id = ?');
        run('DELETE FROM sync_leases WHERE company_id = ?');
        run('DELETE FROM companies WHERE id = ?');
        return { employees, runs, payslipDeliveries };
      })
      .immediate();
  } finally {
    db.pragma(`secure_delete = ${was}`);
  }
}
