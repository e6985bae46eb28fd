import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { secretRefFor } from '../../src-main/core/api/context';
import { MemorySecretStore } from '../../src-main/core/secrets/file-secret-store';
import {
  PERSONIO_FAKE_CREDENTIALS,
  startFakePersonio,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { call, FakeClock, makeCore } from '../helpers/core';

/**
 * A bureau that loses a client removes the company: every row the app holds for it goes, in one
 * transaction, its stored credentials are deleted, and no other company is touched.
 */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

/** Rows per table that belong to one company. */
function rowsOf(dbFile: string, companyId: string): Record<string, number> {
  const db = new Database(dbFile, { readonly: true });
  const n = (sql: string) => db.prepare(sql).pluck().get(companyId) as number;
  try {
    return {
      companies: n('SELECT COUNT(*) FROM companies WHERE id = ?'),
      mappings: n('SELECT COUNT(*) FROM mappings WHERE company_id = ?'),
      filters: n('SELECT COUNT(*) FROM filters WHERE company_id = ?'),
      employees: n('SELECT COUNT(*) FROM employees WHERE company_id = ?'),
      employee_problems: n(
        'SELECT COUNT(*) FROM employee_problems WHERE employee_id IN (SELECT id FROM employees WHERE company_id = ?)',
      ),
      sync_runs: n('SELECT COUNT(*) FROM sync_runs WHERE company_id = ?'),
      run_problems: n(
        'SELECT COUNT(*) FROM run_problems WHERE run_id IN (SELECT id FROM sync_runs WHERE company_id = ?)',
      ),
      field_changes: n('SELECT COUNT(*) FROM field_changes WHERE company_id = ?'),
      payslip_deliveries: n('SELECT COUNT(*) FROM payslip_deliveries WHERE company_id = ?'),
    };
  } finally {
    db.close();
  }
}

/** A payslip delivery record, as the payslips feature writes one after sending a PDF. */
function recordDelivery(dbFile: string, companyId: string): void {
  const db = new Database(dbFile);
  try {
    const e = db
      .prepare('SELECT id, hr_id, display_name FROM employees WHERE company_id = ? LIMIT 1')
      .get(companyId) as { id: number; hr_id: string; display_name: string };
    db.prepare(
      `INSERT INTO payslip_deliveries (company_id, pay_date, file_name, source_dir, file_sha256, file_size, employee_id, employee_hr_id,
        employee_name, category_id, status, document_id, error_json, attempted_at)
      VALUES (?, '2026-11-28', 'payslip.pdf', '/payslips', 'abc', 100, ?, ?, ?, NULL, 'delivered', 'doc-1', NULL, '2026-11-28T10:00:00Z')`,
    ).run(companyId, e.id, e.hr_id, e.display_name);
  } finally {
    db.close();
  }
}

async function setUp(clock?: FakeClock, secrets: MemorySecretStore = new MemorySecretStore()) {
  const staff = generatePeople({ count: 40, seed: 7 });
  const fake: RunningFakePersonio = await startFakePersonio({ people: staff });
  open.push(fake);
  const core: Core = makeCore({ secrets, clock });
  open.unshift(core);
  const { id: leaving } = await call(core, 'companies.create', {
    name: 'Acme Payroll Ltd',
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    baseUrl: fake.baseUrl,
  });
  const { id: staying } = await call(core, 'companies.addDemo', {});
  return { core, fake, secrets, staff, leaving, staying };
}

describe('removing a company', () => {
  it('deletes everything held for the company, and its credentials, and nothing of any other company', async () => {
    const { core, fake, secrets, staff, leaving, staying } = await setUp();
    await call(core, 'filters.set', {
      companyId: leaving,
      filters: [{ mode: 'exclude', field: 'department', operator: 'is', values: ['Nowhere'] }],
    });
    expect((await call(core, 'companies.review', { companyId: leaving })).status).toBe('succeeded');
    // A change in Personio gives the company field history too.
    fake.setPeople(staff.map((p, i) => (i === 0 ? { ...p, lastName: 'Changedname' } : p)));
    expect((await call(core, 'sync.company', { companyId: leaving })).counts.updated).toBeGreaterThan(0);
    recordDelivery(core.dbFile, leaving);
    expect((await call(core, 'companies.review', { companyId: staying })).status).toBe('succeeded');
    recordDelivery(core.dbFile, staying);
    const oldRun = (await call(core, 'sync.history', { companyId: leaving }))[0]!;

    const before = rowsOf(core.dbFile, leaving);
    for (const [table, n] of Object.entries(before)) expect(n, `${table} before`).toBeGreaterThan(0);
    const other = rowsOf(core.dbFile, staying);
    expect(await secrets.get(secretRefFor(leaving))).not.toBeNull();

    // The name is matched without regard to case or surrounding spaces.
    const removed = await call(core, 'companies.remove', { companyId: leaving, confirmName: '  acme payroll ltd ' });
    expect(removed).toEqual({
      name: 'Acme Payroll Ltd',
      employees: 40,
      runs: 2,
      payslipDeliveries: 1,
      credentials: 'deleted',
      backups: { rewritten: 0, deleted: 0, kept: 0 },
      warning: null,
    });

    for (const [table, n] of Object.entries(rowsOf(core.dbFile, leaving))) expect(n, `${table} after`).toBe(0);
    expect(rowsOf(core.dbFile, staying)).toEqual(other);
    expect(await secrets.get(secretRefFor(leaving))).toBeNull();
    expect((await call(core, 'companies.list', {})).map((c) => c.id)).toEqual([staying]);
    const gone = await core.invoke('sync.runProblemsCsv', { runId: oldRun.runId });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');

    // Gone from the disk, not only from the lists (companies-remove-erase.test.ts: free pages, the log, backups).
    await core.close();
    open.shift();
    const bytes = readFileSync(core.dbFile).toString('latin1');
    expect(bytes).not.toContain('Changedname');
    expect(bytes).not.toContain(staff[5]!.email);
  });

  it('says so when the stored credentials cannot be deleted, and still removes the company', async () => {
    class StuckSecrets extends MemorySecretStore {
      override async delete(): Promise<void> {
        throw new Error('the keychain is locked');
      }
    }
    const secrets = new StuckSecrets();
    const { core, leaving } = await setUp(undefined, secrets);
    const r = await call(core, 'companies.remove', { companyId: leaving, confirmName: 'Acme Payroll Ltd' });
    expect(r.credentials).toBe('not-deleted');
    expect(r.warning).toMatch(
      /Acme Payroll Ltd is removed, but its stored Personio credentials could not be deleted \(the keychain is locked\)\. Revoke the API key in Personio/,
    );
    expect(rowsOf(core.dbFile, leaving).companies).toBe(0);
  });

  it('refuses a name that does not match, saying what to type, and removes nothing', async () => {
    const { core, secrets, leaving } = await setUp();
    await call(core, 'companies.review', { companyId: leaving });
    const before = rowsOf(core.dbFile, leaving);
    const r = await core.invoke('companies.remove', { companyId: leaving, confirmName: 'Acme' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('“Acme Payroll Ltd”');
      expect(r.error.message).toContain('Nothing has been removed');
    }
    expect(rowsOf(core.dbFile, leaving)).toEqual(before);
    expect(await secrets.get(secretRefFor(leaving))).not.toBeNull();
  });

  it('refuses while the company is syncing, and removes it once the sync has finished', async () => {
    const { core, leaving } = await setUp();
    const syncing = core.invoke('companies.review', { companyId: leaving });
    const r = await core.invoke('companies.remove', { companyId: leaving, confirmName: 'Acme Payroll Ltd' });
    expect(r.ok ? null : r.error.code).toBe('CONFLICT');
    expect(r.ok ? '' : r.error.message).toMatch(/is syncing.*Nothing has been removed/);
    const run = await syncing;
    expect(run.ok && run.value.status).toBe('succeeded');
    expect(
      (await call(core, 'companies.remove', { companyId: leaving, confirmName: 'Acme Payroll Ltd' })).employees,
    ).toBe(40);
  });

  it('a company removed while it waits in the scheduled queue is skipped, not synced', async () => {
    const clock = new FakeClock('2026-11-02T09:00:00Z');
    const { core, leaving, staying } = await setUp(clock);
    await call(core, 'companies.review', { companyId: staying });
    await call(core, 'companies.review', { companyId: leaving });
    clock.advance(2 * 3_600_000);
    // Both are due: the scheduler starts one at once; the other waits out the stagger (on the hand-moved
    // clock) in the queue.
    core.scheduler.start();
    const [runs, waits] = core.scheduler.isRunning(leaving) ? [leaving, staying] : [staying, leaving];
    expect(core.scheduler.isRunning(runs)).toBe(true);
    expect(core.scheduler.isRunning(waits)).toBe(false);
    const waiting = (await call(core, 'companies.list', {})).find((c) => c.id === waits)!;
    await call(core, 'companies.remove', { companyId: waits, confirmName: waiting.name });
    for (let i = 0; i < 500 && core.scheduler.isRunning(runs); i++) await new Promise((r) => setTimeout(r, 10));
    clock.advance(10_000);
    // A run of the removed company would fail (and its rejection go unhandled): the scheduler skips it.
    await new Promise((r) => setTimeout(r, 50));
    expect(core.scheduler.isRunning(waits)).toBe(false);
    expect(rowsOf(core.dbFile, waits).sync_runs).toBe(0);
    expect((await call(core, 'companies.list', {})).map((c) => c.id)).toEqual([runs]);
  });
});
