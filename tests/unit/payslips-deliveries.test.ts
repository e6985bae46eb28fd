import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-main/core/api/companies';
import { openDatabase } from '../../src-main/core/db/open';
import { CompanyRepository } from '../../src-main/core/db/repositories/companies';
import { PayslipDeliveryRepository, type DeliveryWrite } from '../../src-main/core/db/repositories/payslips';

function setup() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'payslip-db-')), 'app.sqlite'));
  new CompanyRepository(db).insert({
    id: 'c1',
    name: 'Acme',
    provider: 'peoplehr',
    baseUrl: null,
    secretRef: null,
    settings: defaultSettings('peoplehr'),
    catalogue: [],
    canReadSalaries: false,
    salaryReason: null,
    createdAt: '2026-03-01T00:00:00Z',
    mapping: {},
  });
  return { db, repo: new PayslipDeliveryRepository(db) };
}

const attempt = (over: Partial<DeliveryWrite> = {}): DeliveryWrite => ({
  companyId: 'c1',
  employeeId: 7,
  payDate: '2026-03-31',
  sha256: 'a'.repeat(64),
  file: 'E00007 March.pdf',
  dir: '/payroll/march',
  sizeBytes: 1234,
  employeeHrId: 'E00007',
  employeeName: 'Jane Smith',
  categoryId: 'Payslips',
  status: 'delivered',
  documentId: null,
  error: null,
  at: '2026-03-31T10:00:00.000Z',
  ...over,
});

describe('the payslip delivery log', () => {
  it('keeps every attempt, newest first, and knows the last outcome of each file', () => {
    const { repo } = setup();
    repo.record(
      attempt({
        status: 'unknown',
        error: { code: 'HR_UNREACHABLE', message: 'timed out' },
        at: '2026-03-31T10:00:00.000Z',
      }),
    );
    expect(repo.delivered(attempt())).toBeNull();
    expect(repo.latest(attempt())?.status).toBe('unknown');
    repo.record(attempt({ at: '2026-03-31T10:05:00.000Z' }));
    expect(repo.delivered(attempt())?.at).toBe('2026-03-31T10:05:00.000Z');
    expect(repo.history('c1', undefined, 10).map((h) => [h.status, h.error?.code ?? null])).toEqual([
      ['delivered', null],
      ['unknown', 'HR_UNREACHABLE'],
    ]);
    expect(repo.lastCategory('c1')).toBe('Payslips');
  });

  it('can hold one "delivered" per company, employee, pay date and file content, whatever the caller does', () => {
    const { db, repo } = setup();
    repo.record(attempt());
    repo.record(attempt({ at: '2026-04-01T09:00:00.000Z' }));
    // Another pay date, another employee or other content is another delivery.
    repo.record(attempt({ payDate: '2026-04-30' }));
    repo.record(attempt({ employeeId: 8 }));
    repo.record(attempt({ sha256: 'b'.repeat(64) }));
    const n = (
      db.prepare("SELECT COUNT(*) AS n FROM payslip_deliveries WHERE status = 'delivered'").get() as { n: number }
    ).n;
    expect(n).toBe(4);
    expect(repo.history('c1', '2026-03-31', 10)).toHaveLength(3);
  });
});
