import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-main/core/api/companies';
import { openDatabase, type Db } from '../../src-main/core/db/open';
import { CompanyRepository } from '../../src-main/core/db/repositories/companies';
import { EmployeeRepository } from '../../src-main/core/db/repositories/employees';
import { RunRepository } from '../../src-main/core/db/repositories/runs';
import { StagingRepository } from '../../src-main/core/db/repositories/staging';
import { AppError } from '../../src-main/core/errors';
import type { HrClient, ProviderRecord } from '../../src-main/core/hr/types';
import { silentLogger } from '../../src-main/core/ports';
import { SyncEngine } from '../../src-main/core/sync/engine';

/**
 * The streaming sync against an HR client stub: what is staged while pages arrive never reaches an
 * employee unless the run completes, and unchanged people are recognised without re-running the rules
 * while a change of company set-up still re-decides everyone.
 */
const COMPANY = 'c1';

function person(i: number, over: Partial<Record<string, string | null>> = {}): ProviderRecord {
  return {
    externalId: String(1000 + i),
    fields: {
      id: String(1000 + i),
      first_name: `First${i}`,
      last_name: `Last${i}`,
      email: `p${i}@example.co.uk`,
      gender: i % 2 ? 'male' : 'female',
      hire_date: '2020-01-06',
      status: 'active',
      ...over,
    },
    leaver: { isLeaver: false, leaveDate: null, reason: null },
  };
}

interface Setup {
  db: Db;
  engine: SyncEngine;
  employees: EmployeeRepository;
  companies: CompanyRepository;
  runs: RunRepository;
  /** What the stub HR system holds, page by page; a page that is an Error makes the fetch fail there. */
  pages: Array<ProviderRecord[] | Error>;
  clock: { at: number };
  valuesReads: number;
  /**
   * A stub of PeopleHR's one-reply list: the digest each read says it received. A read given that digest as
   * lastReply hands on every page (as a reply too long to hold unread is) and then says it was the same.
   */
  replyDigest?: string;
}

let current: Setup | null = null;
afterEach(() => {
  current?.db.close();
  current = null;
});

function setup(): Setup {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'bureau-stream-')), 'db.sqlite'));
  const companies = new CompanyRepository(db);
  const employees = new EmployeeRepository(db);
  const runs = new RunRepository(db);
  companies.insert({
    id: COMPANY,
    name: 'Stub Ltd',
    provider: 'personio',
    baseUrl: null,
    secretRef: null,
    settings: defaultSettings('personio'),
    catalogue: [],
    canReadSalaries: false,
    salaryReason: null,
    createdAt: '2026-11-01T09:00:00Z',
    mapping: {
      firstName: 'first_name',
      lastName: 'last_name',
      email: 'email',
      gender: 'gender',
      startDate: 'hire_date',
    },
  });
  const s: Setup = {
    db,
    engine: null as unknown as SyncEngine,
    employees,
    companies,
    runs,
    pages: [],
    clock: { at: Date.parse('2026-11-02T09:00:00Z') },
    valuesReads: 0,
  };
  const valuesOf = employees.valuesOf.bind(employees);
  employees.valuesOf = (id) => {
    s.valuesReads += 1;
    return valuesOf(id);
  };
  const client: HrClient = {
    provider: 'personio',
    checkCredentials: async () => ({ warnings: [], canReadSalaries: false }),
    getEmployee: async () => null,
    fieldCatalogue: async () => [],
    async listEmployees(o) {
      let fetched = 0;
      for (const page of s.pages) {
        if (page instanceof Error) throw page;
        fetched += page.length;
        await o.onPage(page, { fetched, total: null });
      }
      const digest = s.replyDigest;
      return digest
        ? { complete: true, fetched, covers: digest === o.since?.cursor ? 'same' : 'all', cursor: digest }
        : { complete: true, fetched, covers: 'all', cursor: null };
    },
  };
  s.engine = new SyncEngine({
    db,
    companies,
    employees,
    runs,
    clientFor: async () => client,
    salaryPeriodKey: () => null,
    clock: { now: () => new Date(s.clock.at), setTimeout: () => 0, clearTimeout: () => undefined },
    logger: silentLogger,
  });
  current = s;
  return s;
}

const rows = (db: Db) => db.prepare('SELECT * FROM employees ORDER BY id').all();
const staged = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM temp.sync_staging').get() as { n: number }).n;
const pagesOf = (people: ProviderRecord[], size = 4) =>
  Array.from({ length: Math.ceil(people.length / size) }, (_, i) => people.slice(i * size, i * size + size));

describe('streaming sync', () => {
  it('a fetch that fails after some pages were decided changes no employee and leaves nothing staged', async () => {
    const s = setup();
    const staff = Array.from({ length: 12 }, (_, i) => person(i));
    s.pages = pagesOf(staff);
    expect((await s.engine.runCompany(COMPANY, 'cli')).status).toBe('succeeded');
    const before = rows(s.db);

    s.pages = [
      ...pagesOf(staff.map((p) => ({ ...p, fields: { ...p.fields, last_name: 'Renamed' } }))).slice(0, 2),
      new AppError('HR_ERROR', 'Personio had a problem.'),
    ];
    const run = await s.engine.runCompany(COMPANY, 'cli');
    expect(run.status).toBe('failed');
    expect(rows(s.db)).toEqual(before);
    expect(staged(s.db)).toBe(0);
  });

  it('decisions left staged by a run that never finished are discarded by the next run, never applied', async () => {
    const s = setup();
    s.pages = pagesOf([person(1), person(2)]);
    new StagingRepository(s.db).add('killed-run', COMPANY, [
      {
        seq: 0,
        kind: 'insert',
        seenIdentity: 'GHOST',
        identity: 'GHOST',
        employeeId: null,
        name: 'Ghost Person',
        isLeaver: false,
        flag: false,
        rekeyFrom: null,
        problemCount: 0,
        problems: [],
        rawHash: 'x',
        configHash: 'y',
        write: {
          hrId: 'GHOST',
          state: 'active',
          readiness: 'ready',
          valuesJson: '{}',
          sourcesJson: '{}',
          recordJson: '{}',
          recordHash: 'z',
          warningCount: 0,
          changes: [],
        },
      },
    ]);
    const run = await s.engine.runCompany(COMPANY, 'cli');
    expect(run.counts.created).toBe(2);
    expect(
      rows(s.db)
        .map((r) => (r as { identity: string }).identity)
        .sort(),
    ).toEqual(['1001', '1002']);
    expect(staged(s.db)).toBe(0);
  });

  it('an unchanged re-sync skips the payroll rules, writes nothing, and still reports every problem', async () => {
    const s = setup();
    // Some people lack a gender or a start date: the rules report problems for them.
    const staff = Array.from({ length: 10 }, (_, i) => person(i, i % 3 === 0 ? { gender: null, hire_date: null } : {}));
    s.pages = pagesOf(staff);
    const first = await s.engine.runCompany(COMPANY, 'cli');
    const before = rows(s.db);
    s.valuesReads = 0;
    const again = await s.engine.runCompany(COMPANY, 'cli');
    expect(again.counts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 10,
      problems: first.counts.problems,
      leavers: first.counts.leavers,
    });
    expect(first.counts.problems).toBeGreaterThan(0);
    expect(s.valuesReads).toBe(0);
    expect(rows(s.db)).toEqual(before);
    expect(s.runs.problems(again.runId)).toEqual(s.runs.problems(first.runId));
  });

  it('a changed mapping re-decides people whose HR records did not change', async () => {
    const s = setup();
    s.pages = pagesOf(Array.from({ length: 6 }, (_, i) => person(i)));
    await s.engine.runCompany(COMPANY, 'cli');
    s.companies.setMapping(COMPANY, { lastName: 'email' });
    const run = await s.engine.runCompany(COMPANY, 'cli');
    expect(run.counts).toMatchObject({ updated: 6, unchanged: 0 });
    const one = s.employees.compactByIdentity(COMPANY).get('1001')!;
    expect(s.employees.valuesOf(one.id).lastName).toBe('p1@example.co.uk');
  });

  it('on a new day everyone is decided afresh once: nothing payroll-relevant is rewritten, and the day after is quick again', async () => {
    const s = setup();
    s.pages = pagesOf(Array.from({ length: 6 }, (_, i) => person(i)));
    await s.engine.runCompany(COMPANY, 'cli');
    const before = rows(s.db) as Array<Record<string, unknown>>;
    s.clock.at += 24 * 3600_000;
    s.valuesReads = 0;
    const run = await s.engine.runCompany(COMPANY, 'cli');
    expect(run.counts).toMatchObject({ updated: 0, unchanged: 6 });
    expect(s.valuesReads).toBe(6);
    const after = rows(s.db) as Array<Record<string, unknown>>;
    const strip = (r: Record<string, unknown>) => ({ ...r, config_hash: null });
    expect(after.map(strip)).toEqual(before.map(strip));
    expect(after.every((r, i) => r.config_hash !== before[i]!.config_hash)).toBe(true);
    s.valuesReads = 0;
    await s.engine.runCompany(COMPANY, 'cli');
    expect(s.valuesReads).toBe(0);
  });

  it('an hourly run given a long reply that was the last one, read as it came, repeats that outcome and keeps nothing staged', async () => {
    const s = setup();
    s.replyDigest = 'digest of the one reply';
    s.pages = pagesOf(Array.from({ length: 10 }, (_, i) => person(i)));
    const first = await s.engine.runCompany(COMPANY, 'cli');
    expect(first.counts.created).toBe(10);
    const before = rows(s.db);

    const run = await s.engine.runCompany(COMPANY, 'scheduled');
    expect(run.note).toMatch(/exactly as at the last sync/);
    expect(run.counts).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    expect(rows(s.db)).toEqual(before);
    expect(staged(s.db)).toBe(0);
  });

  it('an ID a later page repeats makes both holders problems and leaves the stored employee as it was', async () => {
    const s = setup();
    s.pages = pagesOf([person(1), person(2), person(3)]);
    await s.engine.runCompany(COMPANY, 'cli');
    const before = rows(s.db);
    const twin: ProviderRecord = { ...person(1, { last_name: 'Impostor' }), externalId: '9999' };
    s.pages = [
      [person(1), person(2)],
      [person(3), twin],
    ];
    const run = await s.engine.runCompany(COMPANY, 'cli');
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ missing: 0, unchanged: 2 });
    const dups = s.runs.problems(run.runId).filter((p) => p.code === 'duplicate_id');
    expect(
      dups.map((p) => [p.identity, p.message.includes('HR record 1001') || p.message.includes('HR record 9999')]),
    ).toEqual([
      ['1001', true],
      ['1001', true],
    ]);
    expect(rows(s.db)).toEqual(before);
  });
});
