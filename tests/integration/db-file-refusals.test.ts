import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../../src-main/core/db/migrate';
import { parse, ROOT, runCli } from '../helpers/cli-process';
import { call, makeCore } from '../helpers/core';
import { dataFolderWithCompany, DB_NAME, leaveUncheckpointedLog, snapshot } from '../helpers/db-files';

/**
 * A database file the app must not trust is refused, as the command line and browser mode show it (a
 * process of their own), with words that say what was found and what to do, and without a byte of the
 * bureau's files changed: SQLite would otherwise rebuild a 0-byte file as an empty database (and delete
 * the -wal beside it), create a new one where only a -wal is left, or switch a newer version's
 * rollback-journal header to WAL before refusing it.
 */

let fixture = '';
beforeAll(async () => {
  const made = await dataFolderWithCompany();
  // One daily backup, so the refusals can name the newest backup to go back to.
  const core = makeCore({ dataDir: made.dataDir });
  expect(await core.backupIfDue()).not.toBeNull();
  await core.close();
  fixture = made.dataDir;
});

/** A fresh copy of the fixture, put in the state a case needs. */
function folder(prepare: (dbFile: string, dir: string) => void): { dir: string; dbFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bureau-refuse-'));
  cpSync(fixture, dir, { recursive: true });
  rmSync(join(dir, 'logs'), { recursive: true, force: true });
  const dbFile = join(dir, DB_NAME);
  prepare(dbFile, dir);
  return { dir, dbFile };
}

const NO_STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

interface Case {
  name: string;
  prepare: (dbFile: string, dir: string) => void;
  code: string;
  /** The words the bureau must be shown (all of them). */
  words: (dbFile: string, dir: string) => Array<string | RegExp>;
  /** The -shm SQLite makes to read a log: scratch space rebuilt from the log, not the bureau's data. */
  ignoreShm?: boolean;
}

const newest = (dir: string) =>
  /daily-\d{4}-\d{2}-\d{2}T[\d-]+Z\.sqlite/.exec(JSON.stringify(snapshot(join(dir, 'backups'))))![0];

const CASES: Case[] = [
  {
    name: 'a 0-byte database, with the -wal beside it that still holds changes',
    prepare: (db) => {
      leaveUncheckpointedLog(db);
      truncateSync(db, 0);
    },
    code: 'DB_UNREADABLE',
    words: (db, dir) => [
      `The database file ${db} is empty (0 bytes)`,
      'Bureau Sync has not opened it, so nothing was deleted or changed.',
      `The ${DB_NAME}-wal beside it still holds`,
      'of changes and was left as it is.',
      `Otherwise go back to the newest backup, ${newest(dir)}`,
    ],
  },
  {
    name: 'a 0-byte database alone',
    prepare: (db) => truncateSync(db, 0),
    code: 'DB_UNREADABLE',
    words: (db, dir) => [
      `The database file ${db} is empty (0 bytes)`,
      'nothing was deleted or changed',
      `put it back as ${db}`,
      `copy ${join(dir, 'backups')}/${newest(dir)} in its place`,
    ],
  },
  {
    name: 'a zeroed database (the right size, every byte 0)',
    prepare: (db) => writeFileSync(db, Buffer.alloc(statSync(db).size)),
    code: 'DB_UNREADABLE',
    words: (db) => [
      `The database file ${db} (`,
      'cannot be read: its first bytes are not those of an SQLite database (the file was zeroed, overwritten or replaced)',
      'nothing was deleted or changed',
    ],
  },
  {
    name: 'a truncated database (a copy that stopped part way)',
    prepare: (db) => truncateSync(db, Math.floor(statSync(db).size / 4096 / 3) * 4096),
    code: 'DB_UNREADABLE',
    words: (db) => [
      `The database file ${db} is cut short: it is`,
      'but its own header says',
      '(a copy or download that did not finish)',
      'nothing was deleted or changed',
    ],
  },
  {
    name: 'a -wal without its database',
    prepare: (db) => {
      leaveUncheckpointedLog(db);
      rmSync(db);
    },
    code: 'DB_UNREADABLE',
    words: (db, dir) => [
      `Found ${db}-wal (`,
      `but no database file ${db} beside it: the database was moved, deleted or not copied with it. Put the database file back as ${db}`,
      `the newest backup is ${newest(dir)}`,
      'Nothing was deleted: starting afresh here would have thrown those changes away.',
    ],
  },
  {
    name: 'a newer version’s database in rollback-journal mode',
    prepare: (db) => {
      const raw = new Database(db);
      raw.pragma('journal_mode = DELETE');
      raw.pragma(`user_version = ${latestVersion() + 10}`);
      raw.close();
    },
    code: 'DB_FROM_FUTURE',
    words: () => [
      `This database was written by a newer version of Bureau Sync (schema ${latestVersion() + 10}; this version knows up to ${latestVersion()})`,
      'nothing was changed',
    ],
  },
  {
    name: 'a newer version’s database in WAL mode, closed cleanly',
    prepare: (db) => {
      const raw = new Database(db);
      raw.pragma(`user_version = ${latestVersion() + 10}`);
      raw.close();
    },
    code: 'DB_FROM_FUTURE',
    words: () => [`written by a newer version of Bureau Sync (schema ${latestVersion() + 10}`, 'nothing was changed'],
  },
  {
    name: 'a newer version’s database in WAL mode, its upgrade still only in the -wal (that version is running)',
    prepare: (db) => leaveUncheckpointedLog(db, `PRAGMA user_version = ${latestVersion() + 10}`),
    code: 'DB_FROM_FUTURE',
    words: () => [`written by a newer version of Bureau Sync (schema ${latestVersion() + 10}`, 'nothing was changed'],
    ignoreShm: true,
  },
];

const withoutShm = (s: Record<string, string>) =>
  Object.fromEntries(Object.entries(s).filter(([k]) => !k.endsWith('-shm')));

describe('a database file the app cannot trust is refused, shown in words, and left exactly as it was', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { dir, dbFile } = folder(c.prepare);
      const before = snapshot(dir);
      const same = (after: Record<string, string>) =>
        expect(c.ignoreShm ? withoutShm(after) : after).toEqual(c.ignoreShm ? withoutShm(before) : before);

      const text = await runCli(['companies', 'list'], { dataDir: dir });
      expect(text.code).toBe(1);
      for (const w of c.words(dbFile, dir)) expect(text.err).toContain(w);
      expect(text.err).toContain('Run `doctor` to check the database file and list the backups');
      expect(text.err).not.toMatch(NO_STACK);
      expect(text.out).not.toContain('No companies yet');
      same(snapshot(dir));

      const json = await runCli(['companies', 'list', '--json'], { dataDir: dir });
      expect(json.code).toBe(1);
      expect(parse<{ error: { code: string; message: string } }>(json).error.code).toBe(c.code);
      same(snapshot(dir));

      // doctor looks without changing anything either, and says the same.
      const doctor = await runCli(['doctor'], { dataDir: dir });
      expect(doctor.code).toBe(1);
      for (const w of c.words(dbFile, dir)) expect(doctor.out).toContain(w);
      expect(doctor.out).toMatch(/Backups in .+, newest first:\n {2}daily-/);
      same(snapshot(dir));
    });
  }

  it('browser mode prints the same sentence, not a stack trace, and exits 1', async () => {
    const { dir, dbFile } = folder((db) => truncateSync(db, 0));
    const before = snapshot(dir);
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src-main/web/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, BUREAU_SYNC_DATA_DIR: dir, BUREAU_SYNC_PORT: '' },
    });
    let err = '';
    let out = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(code).toBe(1);
    expect(err).toContain(`Error: The database file ${dbFile} is empty (0 bytes)`);
    expect(err).toContain(`Data folder: ${dir}`);
    expect(err).not.toMatch(NO_STACK);
    expect(out).not.toContain('Open this address');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a folder with no database file at all is where a new, empty database is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bureau-new-'));
    const r = await runCli(['companies', 'list'], { dataDir: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('No companies yet');
    const db = new Database(join(dir, DB_NAME), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('the core refuses the same way when it is asked to start (what the desktop app and browser mode build on)', async () => {
    const { dir } = folder((db) => truncateSync(db, 0));
    const before = snapshot(dir);
    expect(() => makeCore({ dataDir: dir })).toThrow(/is empty \(0 bytes\)/);
    expect(snapshot(dir)).toEqual(before);
    // And once the real file is back, it opens with the data it held.
    cpSync(join(fixture, DB_NAME), join(dir, DB_NAME));
    const core = makeCore({ dataDir: dir });
    expect((await call(core, 'companies.list', {})).map((c) => c.name)).toEqual(['Demo Company Ltd']);
    await core.close();
    expect(readFileSync(join(dir, DB_NAME)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
