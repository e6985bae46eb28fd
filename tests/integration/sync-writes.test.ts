import { afterEach, describe, expect, it } from 'vitest';
import { call, employeeRows, makeCore } from '../helpers/core';
import type { Core } from '../../src-main/core/app';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS } from '../../src-main/fake-hr/personio';

let core: Core | null = null;
let fake: Awaited<ReturnType<typeof startFakePersonio>> | null = null;
afterEach(async () => {
  await core?.close();
  await fake?.close();
  core = null;
  fake = null;
});

async function connected(count: number) {
  const staff = generatePeople({ count, seed: 11 });
  fake = await startFakePersonio({ people: staff });
  core = makeCore();
  const { id } = await call(core, 'companies.create', {
    name: 'Writes Ltd',
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    baseUrl: fake.baseUrl,
  });
  await call(core, 'companies.review', { companyId: id });
  return { id, staff };
}

describe('what a sync writes', () => {
  it('a re-sync with nothing changed writes no employee rows, yet everyone shows the new sync time', async () => {
    const { id } = await connected(40);
    const before = employeeRows(core!.dbFile);
    const run = await call(core!, 'sync.company', { companyId: id });
    expect(run.counts).toMatchObject({ created: 0, updated: 0, unchanged: 40 });
    expect(employeeRows(core!.dbFile)).toEqual(before);
    // "Last synced" is what staff rely on: it follows the company's last complete sync.
    const list = await call(core!, 'employees.list', { companyId: id, limit: 100 });
    const current = list.rows.filter((r) => r.state === 'active' || r.state === 'leaver');
    expect(current.length).toBeGreaterThan(30);
    for (const r of current) expect(r.lastSyncedAt).toBe(run.finishedAt);
  });

  it('a re-sync after one person changed in HR writes only that person, with the field history', async () => {
    const { id, staff } = await connected(40);
    const before = employeeRows(core!.dbFile);
    fake!.setPeople(staff.map((p) => (p.seq === 7 ? { ...p, jobTitle: 'Head of Payroll' } : p)));
    const run = await call(core!, 'sync.company', { companyId: id });
    expect(run.counts).toMatchObject({ updated: 1, unchanged: 39 });
    const after = employeeRows(core!.dbFile);
    const changed = [...after].filter(([rowId, row]) => before.get(rowId) !== row);
    expect(changed).toHaveLength(1);
    expect(core!.reports.changes(id)).toEqual([expect.objectContaining({ field: 'jobTitle', to: 'Head of Payroll' })]);
  });

  it('Sync now on an unchanged employee records that it was checked now', async () => {
    const { id } = await connected(10);
    const [row] = (await call(core!, 'employees.list', { companyId: id, limit: 1 })).rows;
    await new Promise((r) => setTimeout(r, 5));
    const run = await call(core!, 'sync.employee', { companyId: id, employeeId: row!.id });
    expect(run.status).toBe('succeeded');
    const detail = await call(core!, 'employees.get', { companyId: id, employeeId: row!.id });
    expect(detail.lastSyncedAt >= run.startedAt && detail.lastSyncedAt <= run.finishedAt!).toBe(true);
    expect(Date.parse(detail.lastSyncedAt)).toBeGreaterThan(Date.parse(row!.lastSyncedAt));
    expect(core!.reports.changes(id)).toHaveLength(0);
  });
});

describe('coming back', () => {
  it('an employee excluded by a filter becomes current again when the filter is removed, with the same HR record', async () => {
    const { id, staff } = await connected(20);
    const target = staff.find((p) => p.employmentType === 'Permanent' && !p.isLeaver)!;
    const rows = await call(core!, 'employees.list', { companyId: id, search: target.lastName, limit: 50 });
    const row = rows.rows.find((r) => r.name.includes(target.firstName))!;
    const detail = await call(core!, 'employees.get', { companyId: id, employeeId: row.id });
    await call(core!, 'filters.set', {
      companyId: id,
      filters: [{ mode: 'exclude', field: 'id', operator: 'is', values: [detail.hrId] }],
    });
    await call(core!, 'sync.company', { companyId: id });
    expect((await call(core!, 'employees.get', { companyId: id, employeeId: row.id })).state).toBe('excluded');
    await call(core!, 'filters.set', { companyId: id, filters: [] });
    await call(core!, 'sync.company', { companyId: id });
    expect((await call(core!, 'employees.get', { companyId: id, employeeId: row.id })).state).toBe('active');
  });

  it('an employee marked missing becomes current again when the HR system lists them again', async () => {
    const { id, staff } = await connected(20);
    const gone = staff[4]!;
    fake!.setPeople(staff.filter((p) => p !== gone));
    await call(core!, 'sync.company', { companyId: id });
    const missing = await call(core!, 'employees.list', { companyId: id, status: 'missing', limit: 10 });
    expect(missing.total).toBe(1);
    fake!.setPeople(staff);
    await call(core!, 'sync.company', { companyId: id });
    const back = await call(core!, 'employees.get', { companyId: id, employeeId: missing.rows[0]!.id });
    expect(back.state).toBe(gone.isLeaver ? 'leaver' : 'active');
  });
});
