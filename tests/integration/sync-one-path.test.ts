import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../src-main/core/app';
import type { RealProvider } from '../../src-main/contract/providers';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, FakeClock, makeCore } from '../helpers/core';
import { people, startVendor, VENDORS, type VendorFake } from './sync-rules-vendors';

/**
 * The merge of the two planners and writers, proven: the same fixtures go through the old per-row path
 * (planRecord + row-by-row writes) and the one path every run now takes (the streaming planner + the
 * set-based staging apply), on two databases, and every stored column must come out the same. Run ids are
 * random, so they are compared by their place in each database's history.
 */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const runs = db.prepare('SELECT id, trigger, status, counts_json, error_json, note, employee_hr_id FROM sync_runs ORDER BY started_at, rowid').all() as Array<Record<string, unknown>>;
    const ordinal = new Map(runs.map((r, i) => [r.id, `run#${i}`]));
    // Company and run ids are random: the company is the only one, and runs are named by their place in the history.
    const mapRun = (row: Record<string, unknown>): Record<string, unknown> => ({ ...row, company_id: 'the company', ...('last_run_id' in row ? { last_run_id: ordinal.get(row.last_run_id) ?? row.last_run_id } : {}), ...('run_id' in row ? { run_id: ordinal.get(row.run_id) } : {}) });
    return {
      runs: runs.map((r) => ({ ...r, id: ordinal.get(r.id) })),
      employees: (db.prepare('SELECT * FROM employees ORDER BY id').all() as Array<Record<string, unknown>>).map(mapRun),
      problems: db.prepare('SELECT employee_id, field, code, severity, message, value FROM employee_problems ORDER BY employee_id, field, code, message').all(),
      changes: (db.prepare('SELECT company_id, employee_id, field, from_value, to_value, run_id, at FROM field_changes ORDER BY employee_id, field, id').all() as Array<Record<string, unknown>>).map(mapRun),
    };
  } finally {
    db.close();
  }
}

interface Side {
  core: Core;
  id: string;
}

async function problemLists(side: Side): Promise<string[]> {
  const runs = await call(side.core, 'sync.history', { companyId: side.id, limit: 100 });
  return Promise.all(runs.reverse().map(async (r) => (await call(side.core, 'sync.runProblemsCsv', { runId: r.runId })).csv));
}

/** The first differing value, so a failure names the table, row and column rather than printing both databases. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

async function expectSame(a: Side, b: Side, step: string, checked: { employees?: boolean } = {}): Promise<void> {
  const [sa, sb] = [snapshot(a.core.dbFile), snapshot(b.core.dbFile)];
  if (checked.employees) sa.employees = sb.employees;
  expect(firstDifference(sa, sb), step).toBeNull();
  expect(await problemLists(a), step).toEqual(await problemLists(b));
}

/** The same company on two cores, one per path, reading the same fake at the same (fake) time. */
async function twoPaths(provider: RealProvider, staff: SamplePerson[]) {
  const vendor: VendorFake = await startVendor(provider, staff);
  open.push(vendor.fake);
  const sides: Side[] = [];
  for (const legacyWriter of [true, false]) {
    const core = makeCore({ clock: new FakeClock('2026-11-02T09:00:00Z'), legacyWriter });
    open.push(core);
    const { id } = await call(core, 'companies.create', { name: `${provider} Ltd`, credentials: vendor.credentials, baseUrl: vendor.fake.baseUrl });
    sides.push({ core, id });
  }
  const both = async (step: (s: Side) => Promise<unknown>) => {
    for (const s of sides) await step(s);
  };
  return { vendor, old: sides[0]!, now: sides[1]!, both };
}

const employeeId = (s: Side, hrId: string) => {
  const db = new Database(s.core.dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM employees WHERE hr_id = ?').get(hrId) as { id: number }).id;
  } finally {
    db.close();
  }
};

describe.each(VENDORS)('%s: the old path and the one path store the same', (provider) => {
  it('first sync, a re-sync with edits, starters and deletions, and Sync now on one employee (unchanged, changed, deleted)', async () => {
    const staff = people(24);
    const { vendor, old, now, both } = await twoPaths(provider, staff);
    await both((s) => call(s.core, 'companies.review', { companyId: s.id }));
    await expectSame(old, now, 'first sync');

    const added: SamplePerson = { ...generatePeople({ count: 1, seed: 99 })[0]!, seq: 500 };
    const edited = staff.map((p, i) => (i === 1 ? { ...p, lastName: `${p.lastName}-Smythe` } : i === 4 ? { ...p, niNumber: '' } : p));
    vendor.fake.setPeople([...edited.filter((_, i) => i !== 2), added]);
    await both((s) => call(s.core, 'sync.company', { companyId: s.id }));
    await expectSame(old, now, 're-sync with edits, a starter and a deletion');

    const one = (p: SamplePerson) => both((s) => call(s.core, 'sync.employee', { companyId: s.id, employeeId: employeeId(s, vendor.externalId(p)) }));
    await one(staff[5]!);
    await expectSame(old, now, 'Sync now, nothing changed');
    vendor.fake.setPeople([...edited.filter((_, i) => i !== 2).map((p, i) => (i === 6 ? { ...p, firstName: 'Renamed' } : p)), added]);
    await one(edited[7]!);
    await expectSame(old, now, 'Sync now, changed');
    await one(staff[2]!);
    await expectSame(old, now, 'Sync now, someone the HR system no longer has (already missing)');
    vendor.fake.setPeople(edited.filter((_, i) => i !== 2 && i !== 9));
    await one(staff[9]!);
    await expectSame(old, now, 'Sync now, deleted since');
  });
});

describe('personio: the re-key after an ID-field change, through both paths', () => {
  it('stores the same employees, identities and history, with filters excluding some', async () => {
    const staff = people(20);
    const { vendor, old, now, both } = await twoPaths('personio', staff);
    await both((s) => call(s.core, 'companies.review', { companyId: s.id }));
    await both(async (s) => {
      await call(s.core, 'filters.set', { companyId: s.id, filters: [{ mode: 'exclude', field: 'employment_type', operator: 'is', values: ['external'] }] });
      await s.core.scheduler.runCompany(s.id, 'settings');
    });
    await expectSame(old, now, 'filters set');
    await both(async (s) => {
      await call(s.core, 'settings.set', { companyId: s.id, patch: { idField: 'dynamic_24427' } });
      await s.core.scheduler.runCompany(s.id, 'settings');
    });
    // The one intended difference: an excluded employee matched by HR id takes the new field's identity too. The old
    // path left it under the old field's, so every later run re-keyed it again.
    const excluded = staff.filter((p) => p.employmentType === 'Contractor'); // Personio's "external"
    expect(excluded.length).toBeGreaterThan(0);
    const sameButExcludedIdentity = async (step: string) => {
      const oldRows = snapshot(old.core.dbFile).employees;
      const newRows = snapshot(now.core.dbFile).employees;
      for (const p of excluded) {
        const row = oldRows.find((e) => e.hr_id === vendor.externalId(p))!;
        expect(row).toMatchObject({ state: 'excluded', identity: vendor.externalId(p) });
        expect(newRows.find((e) => e.hr_id === vendor.externalId(p))).toMatchObject({ state: 'excluded', identity: p.employeeNumber });
        row.identity = p.employeeNumber;
      }
      expect(firstDifference(oldRows, newRows), step).toBeNull();
      await expectSame(old, now, step, { employees: true });
    };
    await sameButExcludedIdentity('re-keyed on the Payroll ID');
    vendor.fake.setPeople(staff.map((p, i) => (i === 3 ? { ...p, lastName: 'After-Rekey' } : p)));
    await both((s) => call(s.core, 'sync.employee', { companyId: s.id, employeeId: employeeId(s, vendor.externalId(staff[3]!)) }));
    await sameButExcludedIdentity('Sync now after the re-key');
  });
});
