import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { call, makeCore } from '../helpers/core';
import type { Core } from '../../src-main/core/app';
import { DEMO_EMPLOYEE_COUNT } from '../../src-main/core/demo/demo-hr';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('the demo company, end to end through the contract', () => {
  it('adds the demo company, syncs it, and shows every generated employee as Ready or Pending with reasons', async () => {
    core = makeCore();
    const { id } = await call(core, 'companies.addDemo', {});
    const list0 = await call(core, 'companies.list', {});
    expect(list0).toHaveLength(1);
    expect(list0[0]?.lastSuccessfulSyncAt).toBeNull();

    const run = await call(core, 'companies.review', { companyId: id });
    expect(run.status).toBe('succeeded');
    expect(run.trigger).toBe('first');
    expect(run.counts.created).toBe(DEMO_EMPLOYEE_COUNT);

    const [company] = await call(core, 'companies.list', {});
    const c = company!.counts;
    expect(c.ready + c.pending + c.leaver + c.excluded + c.missing).toBe(DEMO_EMPLOYEE_COUNT);
    expect(c.ready).toBeGreaterThan(DEMO_EMPLOYEE_COUNT / 2);
    expect(c.pending).toBeGreaterThan(0);
    expect(c.leaver).toBeGreaterThan(0);
    expect(company!.lastSuccessfulSyncAt).not.toBeNull();

    const pending = await call(core, 'employees.list', { companyId: id, status: 'pending', limit: 1000 });
    expect(pending.total).toBe(c.pending);
    const detail = await call(core, 'employees.get', { companyId: id, employeeId: pending.rows[0]!.id });
    expect(detail.readiness).toBe('pending');
    expect(detail.problems.some((p) => p.severity === 'error')).toBe(true);
    // Each problem says what is wrong in words and keeps what the HR system sent.
    for (const p of detail.problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('a second sync with nothing changed in the HR system reports everyone unchanged and records no field changes', async () => {
    core = makeCore();
    const { id } = await call(core, 'companies.addDemo', {});
    await call(core, 'companies.review', { companyId: id });
    const again = await call(core, 'sync.company', { companyId: id });
    expect(again.status).toBe('succeeded');
    expect(again.counts.created).toBe(0);
    expect(again.counts.updated).toBe(0);
    expect(again.counts.unchanged).toBe(DEMO_EMPLOYEE_COUNT);
    expect(core.reports.changes(id)).toHaveLength(0);
    const history = await call(core, 'sync.history', { companyId: id });
    expect(history.map((r) => r.trigger)).toEqual(['manual-company', 'first']);
  });

  it('pausing a company skips its syncs (recorded as skipped) and changes nothing', async () => {
    core = makeCore();
    const { id } = await call(core, 'companies.addDemo', {});
    await call(core, 'companies.review', { companyId: id });
    await call(core, 'settings.set', { companyId: id, patch: { paused: true } });
    const skipped = await call(core, 'sync.company', { companyId: id });
    expect(skipped.status).toBe('skipped');
    expect(skipped.note).toMatch(/paused/i);
    // "Sync now" on one employee still works while paused.
    const one = (await call(core, 'employees.list', { companyId: id, limit: 1 })).rows[0]!;
    const single = await call(core, 'sync.employee', { companyId: id, employeeId: one.id });
    expect(single.status).toBe('succeeded');
    expect(single.trigger).toBe('employee');
  });

  it('keeps the data in one SQLite file in WAL mode that passes an integrity check', async () => {
    core = makeCore();
    const { id } = await call(core, 'companies.addDemo', {});
    await call(core, 'companies.review', { companyId: id });
    const file = core.dbFile;
    await core.close();
    core = null;
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT COUNT(*) AS n FROM employees').get() as { n: number }).n).toBe(DEMO_EMPLOYEE_COUNT);
    db.close();
  });

  it('answers bad input with a VALIDATION error that says what is wrong', async () => {
    core = makeCore();
    const r = await core.invoke('employees.list', { companyId: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/company/i);
    }
    const missing = await core.invoke('companies.get', { companyId: 'nope' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });
});
