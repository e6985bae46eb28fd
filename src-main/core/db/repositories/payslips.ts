import type { AppErrorShape } from '../../../contract/errors';
import type { PayslipDelivery } from '../../../contract/payslips';
import type { Db } from '../open';

export interface DeliveryKey {
  companyId: string;
  employeeId: number;
  payDate: string;
  sha256: string;
}

export interface DeliveryWrite extends DeliveryKey {
  file: string;
  dir: string;
  sizeBytes: number;
  employeeHrId: string;
  employeeName: string;
  categoryId: string | null;
  status: PayslipDelivery['status'];
  documentId: string | null;
  error: AppErrorShape | null;
  at: string;
}

interface Raw {
  id: number;
  company_id: string;
  pay_date: string;
  file_name: string;
  source_dir: string;
  file_sha256: string;
  file_size: number;
  employee_id: number;
  employee_hr_id: string;
  employee_name: string;
  category_id: string | null;
  status: PayslipDelivery['status'];
  document_id: string | null;
  error_json: string | null;
  attempted_at: string;
}

const toDelivery = (r: Raw): PayslipDelivery => ({
  id: r.id,
  companyId: r.company_id,
  payDate: r.pay_date,
  file: r.file_name,
  dir: r.source_dir,
  sha256: r.file_sha256,
  sizeBytes: r.file_size,
  employee: { employeeId: r.employee_id, externalId: r.employee_hr_id, name: r.employee_name },
  categoryId: r.category_id,
  status: r.status,
  documentId: r.document_id,
  error: r.error_json ? (JSON.parse(r.error_json) as AppErrorShape) : null,
  at: r.attempted_at,
});

/** The payslip delivery log: append-only, one row per attempt; a second "delivered" for one file is dropped. */
export class PayslipDeliveryRepository {
  readonly #insert;
  readonly #delivered;
  readonly #latest;
  readonly #history;
  readonly #historyForDate;
  readonly #lastCategory;

  constructor(db: Db) {
    this.#insert =
      db.prepare(`INSERT INTO payslip_deliveries (company_id, pay_date, file_name, source_dir, file_sha256, file_size,
        employee_id, employee_hr_id, employee_name, category_id, status, document_id, error_json, attempted_at)
      VALUES (@companyId, @payDate, @file, @dir, @sha256, @sizeBytes, @employeeId, @employeeHrId, @employeeName, @categoryId,
        @status, @documentId, @errorJson, @at)
      ON CONFLICT (company_id, employee_id, pay_date, file_sha256) WHERE status = 'delivered' DO NOTHING`);
    const key = 'company_id = ? AND employee_id = ? AND pay_date = ? AND file_sha256 = ?';
    this.#delivered = db.prepare<[string, number, string, string], Raw>(
      `SELECT * FROM payslip_deliveries WHERE ${key} AND status = 'delivered'`,
    );
    this.#latest = db.prepare<[string, number, string, string], Raw>(
      `SELECT * FROM payslip_deliveries WHERE ${key} ORDER BY id DESC LIMIT 1`,
    );
    this.#history = db.prepare<[string, number], Raw>(
      'SELECT * FROM payslip_deliveries WHERE company_id = ? ORDER BY id DESC LIMIT ?',
    );
    this.#historyForDate = db.prepare<[string, string, number], Raw>(
      'SELECT * FROM payslip_deliveries WHERE company_id = ? AND pay_date = ? ORDER BY id DESC LIMIT ?',
    );
    this.#lastCategory = db.prepare<[string], { category_id: string }>(
      "SELECT category_id FROM payslip_deliveries WHERE company_id = ? AND status = 'delivered' AND category_id IS NOT NULL ORDER BY id DESC LIMIT 1",
    );
  }

  record(d: DeliveryWrite): void {
    this.#insert.run({ ...d, errorJson: d.error ? JSON.stringify(d.error) : null });
  }

  delivered(k: DeliveryKey): PayslipDelivery | null {
    const r = this.#delivered.get(k.companyId, k.employeeId, k.payDate, k.sha256);
    return r ? toDelivery(r) : null;
  }

  /** The last attempt for this file, whatever its outcome. */
  latest(k: DeliveryKey): PayslipDelivery | null {
    const r = this.#latest.get(k.companyId, k.employeeId, k.payDate, k.sha256);
    return r ? toDelivery(r) : null;
  }

  history(companyId: string, payDate: string | undefined, limit: number): PayslipDelivery[] {
    const rows = payDate ? this.#historyForDate.all(companyId, payDate, limit) : this.#history.all(companyId, limit);
    return rows.map(toDelivery);
  }

  lastCategory(companyId: string): string | null {
    return this.#lastCategory.get(companyId)?.category_id ?? null;
  }
}
