import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanyRemoval } from '../../src-main/contract/companies';
import type { Core } from '../../src-main/core/app';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open';
import {
  PERSONIO_FAKE_CREDENTIALS,
  startFakePersonio,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { parse, runCli } from '../helpers/cli-process';
import { call, makeCore } from '../helpers/core';
import { DB_NAME, filesUnder, foundInBytes } from '../helpers/db-files';

/**
 * A former client's staff data can be erased on request: after Remove this company, no byte of the
 * database file, its write-ahead log, or any backup or set-aside copy holds a removed employee's NI
 * number, searched in the raw bytes (free pages included), while the company that stays is intact.
 */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

const niOf = (people: SamplePerson[]) => people.map((p) => p.niNumber).filter((n): n is string => n !== null);

/** Every file in the data folder that still holds any of `needles`, with how many. */
function holding(dataDir: string, needles: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of filesUnder(dataDir)) {
    const n = foundInBytes(f, needles).length;
    if (n > 0) out[f.slice(dataDir.length + 1)] = n;
  }
  return out;
}

/**
 * A pre-upgrade backup as an older version made it: a database at schema 60 holding the leaving company,
 * opened by this version, which upgraded it after writing the copy.
 */
function oldSchemaBackup(dataDir: string, companyId: string, ni: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bureau-old-'));
  const file = join(dir, DB_NAME);
  const raw = new Database(file);
  for (const m of MIGRATIONS.filter((x) => x.version <= 60)) m.up(raw);
  raw.pragma('user_version = 60');
  raw
    .prepare(
      `INSERT INTO companies (id, name, provider, settings_json, created_at) VALUES (?, 'Acme Payroll Ltd', 'personio', '{}', '2026-01-01T00:00:00Z')`,
    )
    .run(companyId);
  raw
    .prepare(
      `INSERT INTO employees (company_id, identity, hr_id, display_name, state, readiness, values_json, sources_json, record_json, record_hash, first_synced_at, last_synced_at)
     VALUES (?, '1', '1', 'Old Employee', 'active', 'ready', ?, '{}', '{}', 'h', '2026-01-01', '2026-01-01')`,
    )
    .run(companyId, JSON.stringify({ niNumber: ni }));
  raw.close();
  openDatabase(file).close();
  const name = readdirSync(join(dir, 'backups'))[0]!;
  mkdirSync(join(dataDir, 'backups'), { recursive: true });
  renameSync(join(dir, 'backups', name), join(dataDir, 'backups', name));
  return name;
}

async function twoCompanies(count: number) {
  const leavingStaff = generatePeople({ count, seed: 21 });
  const stayingStaff = generatePeople({ count, seed: 22 });
  const leavingHr: RunningFakePersonio = await startFakePersonio({ people: leavingStaff });
  const stayingHr: RunningFakePersonio = await startFakePersonio({ people: stayingStaff });
  open.push(leavingHr, stayingHr);
  const core: Core = makeCore();
  open.unshift(core);
  const add = async (name: string, hr: RunningFakePersonio) => {
    const { id } = await call(core, 'companies.create', {
      name,
      credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
      baseUrl: hr.baseUrl,
    });
    expect((await call(core, 'companies.review', { companyId: id })).status).toBe('succeeded');
    return id;
  };
  const leaving = await add('Acme Payroll Ltd', leavingHr);
  const staying = await add('Staying Ltd', stayingHr);
  return { core, leaving, staying, leavingStaff, stayingStaff, leavingHr, stayingHr };
}

describe('Remove this company erases the company from the disk', () => {
  it('leaves no removed NI number in the database file, its log, or any backup or set-aside copy, and keeps the other company whole', async () => {
    const { core, leaving, staying, leavingStaff, stayingStaff, leavingHr, stayingHr } = await twoCompanies(400);
    const dataDir = (core as Core & { dataDir: string }).dataDir;
    const removedNi = niOf(leavingStaff);
    const keptNi = niOf(stayingStaff);

    // Today's backup holds both companies.
    expect(await core.backupIfDue()).not.toBeNull();
    // Three rounds of HR changes and catalogue refreshes leave free pages with old rows (and NI numbers) behind.
    for (let round = 1; round <= 3; round++) {
      const edit = (p: SamplePerson, i: number) =>
        i % 7 === round ? { ...p, lastName: `${p.lastName}${round}`, jobTitle: `${p.jobTitle} ${round}` } : p;
      leavingHr.setPeople(leavingStaff.map(edit));
      stayingHr.setPeople(stayingStaff.map(edit));
      for (const id of [leaving, staying]) {
        await call(core, 'companies.fields', { companyId: id, refresh: true });
        expect((await call(core, 'sync.company', { companyId: id })).status).toBe('succeeded');
      }
    }
    // An older version's pre-upgrade copy (schema 60), and a damaged file a restore set aside.
    const oldCopy = oldSchemaBackup(dataDir, leaving, removedNi[0]!);
    await core.checkpoint();
    mkdirSync(join(dataDir, 'set-aside', '2026-11-01T09-00-00-000Z'), { recursive: true });
    cpSync(core.dbFile, join(dataDir, 'set-aside', '2026-11-01T09-00-00-000Z', DB_NAME));
    expect(Object.keys(holding(dataDir, removedNi)).sort()).toEqual(
      expect.arrayContaining([DB_NAME, `backups/${oldCopy}`, `set-aside/2026-11-01T09-00-00-000Z/${DB_NAME}`]),
    );

    expect(await call(core, 'companies.removalCopies', { companyId: leaving })).toEqual({ copies: 3 });
    const removed: CompanyRemoval = await call(core, 'companies.remove', {
      companyId: leaving,
      confirmName: 'Acme Payroll Ltd',
    });
    expect(removed.backups).toEqual({ rewritten: 2, deleted: 1, kept: 0 });
    expect(removed.warning).toBeNull();

    // While the app is still open (its -wal beside the file) and after it has closed.
    expect(holding(dataDir, removedNi)).toEqual({});
    await core.close();
    expect(holding(dataDir, removedNi)).toEqual({});

    // The company that stays is whole, in the file and in the rewritten backup (names and dates kept).
    expect(foundInBytes(join(dataDir, DB_NAME), keptNi)).toHaveLength(keptNi.length);
    const backups = readdirSync(join(dataDir, 'backups')).sort();
    expect(backups).toHaveLength(2);
    expect(backups).toContain(oldCopy);
    for (const b of backups) {
      const db = new Database(join(dataDir, 'backups', b), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true }), b).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) FROM companies WHERE id = ?').pluck().get(leaving), b).toBe(0);
      if (b.startsWith('daily-'))
        expect(db.prepare('SELECT COUNT(*) FROM employees WHERE company_id = ?').pluck().get(staying)).toBe(400);
      db.close();
    }
    expect(readdirSync(join(dataDir, 'set-aside'))).toEqual([]);
  });

  it('keeps the backups holding the company when the bureau chooses to, and says how many', async () => {
    const { core, leaving, leavingStaff } = await twoCompanies(30);
    const dataDir = (core as Core & { dataDir: string }).dataDir;
    const backup = (await core.backupIfDue())!;
    const removed = await call(core, 'companies.remove', {
      companyId: leaving,
      confirmName: 'Acme Payroll Ltd',
      keepBackups: true,
    });
    expect(removed.backups).toEqual({ rewritten: 0, deleted: 0, kept: 1 });
    await core.close();
    const ni = niOf(leavingStaff);
    expect(holding(dataDir, ni)).toEqual({ [`backups/${backup.file}`]: ni.length });
  });
});

describe('companies remove on the command line', () => {
  it('purges the backups that hold the company unless --keep-backups, and says so', async () => {
    const { core, leaving, staying, leavingStaff, stayingStaff } = await twoCompanies(30);
    const dataDir = (core as Core & { dataDir: string }).dataDir;
    expect(await core.backupIfDue()).not.toBeNull();
    await core.close();
    open.shift();

    const kept = await runCli(
      ['companies', 'remove', '--company', staying, '--confirm', 'Staying Ltd', '--keep-backups'],
      { dataDir },
    );
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(
      /^Removed Staying Ltd: 30 employees, 1 sync run and 0 payslip delivery records deleted; its stored credentials deleted; 1 backup holding it kept, as asked\.$/m,
    );

    const purged = await runCli(
      ['companies', 'remove', '--company', leaving, '--confirm', 'Acme Payroll Ltd', '--json'],
      { dataDir },
    );
    expect(purged.code).toBe(0);
    expect(parse<CompanyRemoval>(purged).backups).toEqual({ rewritten: 1, deleted: 0, kept: 0 });

    expect(holding(dataDir, niOf(leavingStaff))).toEqual({});
    // Kept as asked: the backup still holds the company removed with --keep-backups, and only there.
    expect(Object.keys(holding(dataDir, niOf(stayingStaff)))).toEqual([expect.stringMatching(/^backups\/daily-/)]);
  });
});
