import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call, makeCore } from '../helpers/core';
import { connectForExport } from './export-helpers';
import { people, startVendor, type VendorFake } from './sync-rules-vendors';

/**
 * Removing a client takes its payroll hand-off with it (its payroll software, every export record and who each
 * held: ON DELETE CASCADE), and leaves another company's exports as they were.
 */
const open: Array<{ core: Core; fakes: VendorFake[] }> = [];
afterEach(async () => {
  for (const { core, fakes } of open.splice(0)) {
    await core.close();
    for (const f of fakes) await f.fake.close();
  }
});

function exportRows(dbFile: string, companyId: string) {
  const db = new Database(dbFile, { readonly: true });
  const n = (sql: string) => db.prepare(sql).pluck().get(companyId) as number;
  try {
    return {
      targets: n('SELECT COUNT(*) FROM payroll_targets WHERE company_id = ?'),
      exports: n('SELECT COUNT(*) FROM payroll_exports WHERE company_id = ?'),
      held: n(
        'SELECT COUNT(*) FROM payroll_export_employees WHERE export_id IN (SELECT id FROM payroll_exports WHERE company_id = ?)',
      ),
      orphans: db
        .prepare('SELECT COUNT(*) FROM payroll_export_employees WHERE employee_id NOT IN (SELECT id FROM employees)')
        .pluck()
        .get() as number,
    };
  } finally {
    db.close();
  }
}

it("removing a company deletes its payroll software, exports and export rows, and no other company's", async () => {
  const a = await startVendor('personio', people(20, 3));
  const b = await startVendor('humaans', people(15, 4));
  const core = makeCore();
  open.push({ core, fakes: [a, b] });
  const leaving = await connectForExport(core, a, 'Leaving Ltd');
  const staying = await connectForExport(core, b, 'Staying Ltd');
  for (const id of [leaving, staying]) {
    await call(core, 'exports.target.set', { companyId: id, target: { format: 'staffology' } });
    await call(core, 'exports.create', { companyId: id });
    await call(core, 'exports.create', { companyId: id, changesOnly: true });
  }
  const before = exportRows(core.dbFile, leaving);
  expect(before).toMatchObject({ targets: 1, exports: 2 });
  expect(before.held).toBeGreaterThan(10);
  const other = exportRows(core.dbFile, staying);
  const otherHistory = await call(core, 'exports.history', { companyId: staying });

  await call(core, 'companies.remove', { companyId: leaving, confirmName: 'Leaving Ltd' });

  expect(exportRows(core.dbFile, leaving)).toEqual({ targets: 0, exports: 0, held: 0, orphans: 0 });
  expect(exportRows(core.dbFile, staying)).toEqual(other);
  expect(await call(core, 'exports.history', { companyId: staying })).toEqual(otherHistory);
  expect((await call(core, 'exports.changes', { companyId: staying })).total).toBe(0);
});
