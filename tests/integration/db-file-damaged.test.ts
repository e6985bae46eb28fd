import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseStatus } from '../../src-main/contract/database';
import type { Core } from '../../src-main/core/app';
import { PERSONIO_FAKE_CREDENTIALS, startFakePersonio } from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { parse, runCli } from '../helpers/cli-process';
import { call, makeCore } from '../helpers/core';
import { damagePage, dataFolderWithCompany, DB_NAME, snapshot } from '../helpers/db-files';

/**
 * A database with a damaged page in the middle still opens, and `companies list` worked on it while a sync
 * failed with "malformed" and the app kept writing run rows into it. Now PRAGMA quick_check runs at every
 * open: a file that fails is opened read-only, says "the database is damaged" with the newest good backup,
 * refuses every write (its bytes stay as they were found), and a restore (one click in the app, or
 * `doctor --restore`) first keeps the damaged file aside.
 */

let fixture = '';
let backupName = '';
beforeAll(async () => {
  const made = await dataFolderWithCompany();
  const core = makeCore({ dataDir: made.dataDir });
  backupName = (await core.backupIfDue())!.file;
  await core.close();
  damagePage(made.dbFile, 0.5);
  fixture = made.dataDir;
});

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

function copyOfFixture(): { dir: string; dbFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bureau-damaged-'));
  cpSync(fixture, dir, { recursive: true });
  rmSync(join(dir, 'logs'), { recursive: true, force: true });
  return { dir, dbFile: join(dir, DB_NAME) };
}

const damagedWords = (dbFile: string) => [
  `The database is damaged: ${dbFile} failed SQLite's check (`,
  'Bureau Sync has opened it read-only, so nothing more is written to it, and syncs are stopped.',
  `Restore the newest good backup, ${backupName} (`,
  'the damaged file is first kept aside, not deleted.',
];

describe('a database with a damaged page', () => {
  it('on the command line: reads work with a warning, writes are refused, doctor finds it, and doctor --restore keeps it aside', async () => {
    const { dir, dbFile } = copyOfFixture();
    const before = snapshot(dir);

    const list = await runCli(['companies', 'list', '--json'], { dataDir: dir });
    expect(list.code).toBe(0);
    expect(parse<Array<{ name: string; id: string }>>(list).map((c) => c.name)).toEqual(['Demo Company Ltd']);
    for (const w of damagedWords(dbFile)) expect(list.err).toContain(w);
    const companyId = parse<Array<{ id: string }>>(list)[0]!.id;
    expect(snapshot(dir)).toEqual(before);

    // A sync would write its run row into the damaged file: refused, with the same words.
    const sync = await runCli(['sync', '--company', companyId], { dataDir: dir });
    expect(sync.code).toBe(1);
    for (const w of damagedWords(dbFile)) expect(sync.err).toContain(w);
    const add = await runCli(['companies', 'add', '--name', 'Another Ltd', '--provider', 'demo'], { dataDir: dir });
    expect(add.code).toBe(1);
    expect(add.err).toContain(`Error: The database is damaged: ${dbFile}`);
    expect(snapshot(dir)).toEqual(before);

    const doctor = await runCli(['doctor'], { dataDir: dir });
    expect(doctor.code).toBe(1);
    expect(doctor.out).toMatch(
      new RegExp(
        `The database ${dbFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(.+\\) is damaged: SQLite's integrity check found .+, the first: `,
      ),
    );
    expect(doctor.out).toContain(`${backupName}  `);
    expect(doctor.out).toContain(`To put a backup back: doctor --restore ${backupName}`);
    expect(snapshot(dir)).toEqual(before);

    const restore = await runCli(['doctor', '--restore', backupName], { dataDir: dir });
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(
      new RegExp(
        `^Restored ${backupName}, the backup of .+, as ${dbFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\. The file it replaced is kept in ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/set-aside/`,
      ),
    );
    // The damaged file, byte for byte, in set-aside/<time>/; the backup, unchanged, still in backups/.
    const aside = join(dir, 'set-aside', readdirSync(join(dir, 'set-aside'))[0]!);
    expect(snapshot(aside)[DB_NAME]).toBe(before[DB_NAME]);
    expect(snapshot(dir)[`backups/${backupName}`]).toBe(before[`backups/${backupName}`]);
    expect((statSync(dbFile).mode & 0o777).toString(8)).toBe('600');

    const healthy = await runCli(['doctor'], { dataDir: dir });
    expect(healthy.code).toBe(0);
    expect(healthy.out).toContain("passed SQLite's integrity check");
    const again = await runCli(['companies', 'list'], { dataDir: dir });
    expect(again.code).toBe(0);
    expect(again.err).toBe('');
    expect(again.out).toContain('Demo Company Ltd');
  });

  it('in the app: the status says so with the newest good backup, writes are refused, and the one-click restore brings it back', async () => {
    const { dir, dbFile } = copyOfFixture();
    const before = snapshot(dir);
    const core = makeCore({ dataDir: dir });
    open.push(core);
    const events: DatabaseStatus[] = [];
    core.subscribe((e, p) => e === 'database.changed' && events.push(p as DatabaseStatus));

    expect(core.database).toBe('damaged');
    const status = await call(core, 'app.database.status', {});
    expect(status.state).toBe('damaged');
    if (status.state !== 'damaged') return;
    for (const w of damagedWords(dbFile)) expect(status.message).toContain(w);
    expect(status.newestGoodBackup?.file).toBe(backupName);

    const [company] = await call(core, 'companies.list', {});
    expect(company?.name).toBe('Demo Company Ltd');
    for (const [name, input] of [
      ['sync.company', { companyId: company!.id }],
      ['app.preferences.set', { patch: { notifyOnPending: true } }],
      ['companies.addDemo', {}],
    ] as const) {
      const r = await core.invoke(name, input);
      expect(r.ok ? null : r.error, name).toEqual({ code: 'DB_DAMAGED', message: status.message });
    }
    expect(snapshot(dir)).toEqual(before);

    const wrong = await core.invoke('app.database.restore', { file: 'daily-nope.sqlite' });
    expect(wrong.ok ? null : wrong.error.message).toMatch(
      /^There is no backup called "daily-nope.sqlite" in .+backups\. The backups there are: daily-.+\. Nothing was changed\.$/,
    );
    expect(snapshot(dir)).toEqual(before);

    const restored = await call(core, 'app.database.restore', { file: backupName });
    expect(restored.restored.file).toBe(backupName);
    expect(restored.message).toContain(`The file it replaced is kept in ${join(dir, 'set-aside')}`);
    expect(snapshot(restored.setAside!)[DB_NAME]).toBe(before[DB_NAME]);
    expect(core.database).toBe('ok');
    expect(events.at(-1)).toEqual({ state: 'ok', file: dbFile });
    expect((await call(core, 'sync.company', { companyId: company!.id })).status).toBe('succeeded');
  });

  it('a restore from a backup that is damaged too is refused, and changes nothing', async () => {
    const { dir } = copyOfFixture();
    damagePage(join(dir, 'backups', backupName), 0.5);
    const before = snapshot(dir);
    const core = makeCore({ dataDir: dir });
    open.push(core);
    // No good backup to offer: the status says so.
    const status = await call(core, 'app.database.status', {});
    expect(status.state === 'damaged' && status.newestGoodBackup).toBeNull();
    const r = await core.invoke('app.database.restore', { file: backupName });
    expect(r.ok ? null : r.error.message).toMatch(
      new RegExp(
        `^The backup ${backupName} \\(.+\\) is damaged too \\(SQLite's check says: .+\\)\\. Choose an older backup\\. Nothing was changed\\.$`,
      ),
    );
    expect(snapshot(dir)).toEqual(before);
    expect(core.database).toBe('damaged');
    expect((await call(core, 'companies.list', {})).length).toBe(1);
  });
});

describe('damage found while the app is running', () => {
  it('stops writing at the first damaged page a sync meets: the core reopens the file read-only and says so', async () => {
    const people = generatePeople({ count: 3000, seed: 5 });
    const fake = await startFakePersonio({ people });
    try {
      const core = makeCore();
      open.push(core);
      const { id } = await call(core, 'companies.create', {
        name: 'Big Ltd',
        credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
        baseUrl: fake.baseUrl,
      });
      expect((await call(core, 'companies.review', { companyId: id })).status).toBe('succeeded');
      const events: DatabaseStatus[] = [];
      core.subscribe((e, p) => e === 'database.changed' && events.push(p as DatabaseStatus));
      // Everything into the file and the log emptied (by a second connection, as a backup tool might), so
      // the core's next reads come from the file; then a page of it goes bad on disk.
      await core.checkpoint(); // the checkpoint thread's own copy, nudged by the sync, is done first
      const other = new Database(core.dbFile);
      expect(other.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
      other.close();
      damagePage(core.dbFile, 0.3);
      const run = await call(core, 'sync.company', { companyId: id });
      expect(run.status).toBe('failed');
      expect(run.error?.code).toBe('DB_DAMAGED');
      expect(run.error?.message).toMatch(
        /^The database file is damaged \(SQLite says: database disk image is malformed\)\. Bureau Sync has stopped writing to it/,
      );
      await expect.poll(() => core.database).toBe('damaged');
      expect(events.at(-1)?.state).toBe('damaged');
      const next = await core.invoke('sync.company', { companyId: id });
      expect(next.ok ? null : next.error.code).toBe('DB_DAMAGED');
      expect(existsSync(core.dbFile)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

it('the fixture really is damaged in the middle: SQLite still opens it and reads the company list', () => {
  const db = new Database(join(fixture, DB_NAME), { readonly: true });
  try {
    expect(db.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Demo Company Ltd']);
    expect(db.pragma('quick_check', { simple: true })).not.toBe('ok');
  } finally {
    db.close();
  }
});
