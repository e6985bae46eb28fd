import Database from 'better-sqlite3';
import type { Core } from '../../src-main/core/app';
import type { Credentials, RealProvider } from '../../src-main/contract/providers';
import type { RunningFake } from '../../src-main/fake-hr/http-server';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS, FAKE_PERSONIO_FIRST_ID } from '../../src-main/fake-hr/personio';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN, humaansPersonId } from '../../src-main/fake-hr/humaans';
import { startFakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import { call } from '../helpers/core';

/**
 * The three vendors' fake servers behind one small face, so each sync rule is proved against every
 * HR system with the same test body. Everything vendor-specific a rule test needs lives here.
 */
export const TODAY = new Date('2026-11-01T12:00:00Z');

export interface VendorFake {
  provider: RealProvider;
  fake: RunningFake & { setPeople(people: SamplePerson[]): void };
  credentials: Credentials;
  /** The vendor's own id for a sample person (what ProviderRecord.externalId holds). */
  externalId(p: SamplePerson): string;
  /** Provider field keys for facts the tests change in the HR system. */
  keys: { lastName: string; email: string; department: string; gender: string };
  /** Makes a person a leaver the way this vendor says so. */
  makeLeaver(p: SamplePerson): SamplePerson;
}

export const VENDORS: RealProvider[] = ['personio', 'humaans', 'peoplehr'];

export const people = (count: number, seed = 7): SamplePerson[] => generatePeople({ count, seed, today: TODAY });

const leaverOf = (p: SamplePerson): SamplePerson => ({
  ...p,
  isLeaver: true,
  leaveDate: '2026-10-15',
  leavingReason: 'Resignation',
});

export async function startVendor(provider: RealProvider, staff: SamplePerson[]): Promise<VendorFake> {
  switch (provider) {
    case 'personio': {
      const fake = await startFakePersonio({ people: staff });
      return {
        provider,
        fake,
        credentials: { provider, ...PERSONIO_FAKE_CREDENTIALS },
        externalId: (p) => String(FAKE_PERSONIO_FIRST_ID + p.seq),
        keys: { lastName: 'last_name', email: 'email', department: 'department', gender: 'gender' },
        makeLeaver: leaverOf,
      };
    }
    case 'humaans': {
      const fake = await startFakeHumaans({ people: staff, today: '2026-11-01' });
      return {
        provider,
        fake,
        credentials: { provider, token: HUMAANS_DEMO_TOKEN },
        externalId: (p) => humaansPersonId(p),
        keys: { lastName: 'lastName', email: 'email', department: 'jobRole.department', gender: 'gender' },
        makeLeaver: leaverOf,
      };
    }
    case 'peoplehr': {
      const fake = await startFakePeopleHR({ people: staff, today: TODAY });
      return {
        provider,
        fake,
        credentials: { provider, apiKey: fake.fullApiKey },
        externalId: (p) => p.employeeNumber,
        keys: { lastName: 'LastName', email: 'EmailId', department: 'Department', gender: 'Gender' },
        makeLeaver: leaverOf,
      };
    }
  }
}

/** Connects a company to the fake and runs its first sync (the wizard's review step). */
export async function connect(core: Core, v: VendorFake, name = `${v.provider} client Ltd`): Promise<string> {
  const { id } = await call(core, 'companies.create', { name, credentials: v.credentials, baseUrl: v.fake.baseUrl });
  const run = await call(core, 'companies.review', { companyId: id });
  if (run.status !== 'succeeded') throw new Error(`first sync ${run.status}: ${run.error?.message ?? ''}`);
  return id;
}

/** Waits for the sync a settings change started in the background, so the next step does not race it. */
export async function settle(core: Core, companyId: string): Promise<void> {
  if (core.scheduler.isRunning(companyId)) await core.scheduler.runCompany(companyId, 'settings');
}

export interface EmployeeSnapshotRow {
  id: number;
  identity: string;
  hr_id: string;
  state: string;
  readiness: string;
  values_json: string;
  record_hash: string;
  last_synced_at: string;
  last_run_id: string | null;
}

/** Every employee row, exactly as stored, keyed by identity: "did anything change?" in one comparison. */
export function employeesTable(dbFile: string): Map<string, EmployeeSnapshotRow> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'SELECT id, identity, hr_id, state, readiness, values_json, record_hash, last_synced_at, last_run_id FROM employees ORDER BY id',
      )
      .all() as EmployeeSnapshotRow[];
    return new Map(rows.map((r) => [r.identity, r]));
  } finally {
    db.close();
  }
}

export function tableCounts(dbFile: string): Record<string, number> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['employees', 'employee_problems', 'field_changes', 'run_problems']) {
      out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Finds a stored employee by the HR system's id. */
export async function employeeByHrId(core: Core, companyId: string, hrId: string) {
  const id = core.reports.employeeIdByHrId(companyId, hrId);
  return call(core, 'employees.get', { companyId, employeeId: id });
}

/** The provider record as the last successful sync saw it: what the HR system actually sent. */
export function storedRecord(
  dbFile: string,
  identity: string,
): { externalId: string; fields: Record<string, string | null> } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const r = db.prepare('SELECT record_json FROM employees WHERE identity = ?').get(identity) as {
      record_json: string;
    };
    return JSON.parse(r.record_json) as { externalId: string; fields: Record<string, string | null> };
  } finally {
    db.close();
  }
}
